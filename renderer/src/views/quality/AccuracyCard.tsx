import { useTranslation } from 'react-i18next';
import type { IssueFilter, QualityMetrics, ReferenceSummary } from '../../../../shared/channels/quality.ts';
import { pct } from './drill.ts';
import { ValidityInstead } from './ValidityInstead.tsx';
import './accuracy.css';

type Metric = QualityMetrics['overall']['accuracy'];

/**
 * The accuracy score: never a made-up number. Without verified reference
 * values it says "not measured" and offers the two ways to get them; with
 * them it shows the ratio with the TP/TN/FP/FN it comes from.
 */
export function AccuracyCard(props: {
  metric: Metric;
  /** Shown in its place while accuracy is not measured (and said to be). */
  validity: Metric;
  summary: ReferenceSummary | null;
  /** The reference changed after the profile shown (and no profile is running). */
  stale: boolean;
  importing: boolean;
  onImport: () => void;
  onShowCustomers: () => void;
  onProfile: () => void;
  onDrill: (f: IssueFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const { metric: m, summary } = props;
  const measured = m.value !== null;
  const c = m.confusion;
  return (
    <div className="score-card accuracy-card" data-testid="card-accuracy">
      <div className="score-name">{t('quality.dimension.accuracy')}</div>
      <div className={measured ? 'score-value' : 'score-value na'} data-testid="score-accuracy">{measured ? pct(m.value) : t('quality.notMeasured')}</div>
      <div className="score-formula">{t('quality.formula.accuracy')}</div>
      {measured ? (
        <div className="score-counts">
          {t('quality.ofTotal', { good: m.numerator.toLocaleString(), total: m.denominator.toLocaleString() })}
          {c && (
            <table className="confusion" data-testid="accuracy-confusion">
              <tbody>
                <tr>
                  <td className="good" title={t('quality.reference.tp')}>TP <b data-testid="confusion-tp">{c.tp.toLocaleString()}</b></td>
                  <td className="bad" title={t('quality.reference.fp')}>FP <b data-testid="confusion-fp">{c.fp.toLocaleString()}</b></td>
                </tr>
                <tr>
                  <td className="bad" title={t('quality.reference.fn')}>FN <b data-testid="confusion-fn">{c.fn.toLocaleString()}</b></td>
                  <td className="good" title={t('quality.reference.tn')}>TN <b data-testid="confusion-tn">{c.tn.toLocaleString()}</b></td>
                </tr>
              </tbody>
            </table>
          )}
          {m.bad > 0 && (
            <button className="link score-bad" data-testid="accuracy-drill" title={t('quality.clickToList')} onClick={() => props.onDrill({ dimension: 'accuracy' })}>
              {t('quality.reference.drill', { formatted: m.bad.toLocaleString() })}
            </button>
          )}
        </div>
      ) : (
        <>
          <ValidityInstead validity={props.validity} lng={i18n.language} />
          <div className="score-counts muted" data-testid="accuracy-how">{t('quality.reference.howTo')}</div>
        </>
      )}
      {props.stale && (
        <div className="accuracy-stale" data-testid="accuracy-stale">
          {t('quality.reference.stale')}{' '}
          <button className="link" data-testid="accuracy-profile" onClick={props.onProfile}>{t('quality.reference.profileAgain')}</button>
        </div>
      )}
      <div className="accuracy-actions">
        <button className={measured ? 'link' : 'secondary compact'} data-testid="reference-import" disabled={props.importing} onClick={props.onImport}>
          {props.importing ? t('quality.reference.importing') : measured ? t('quality.reference.addFile') : t('quality.reference.importFile')}
        </button>
        {!measured && (
          <button className="link" data-testid="reference-mark-hint" onClick={props.onShowCustomers}>{t('quality.reference.markHint')} →</button>
        )}
      </div>
      {summary && summary.values > 0 && (
        <div className="muted small accuracy-holds" data-testid="reference-holds">
          {t('quality.reference.holds', { values: summary.values.toLocaleString(), customers: summary.customers.toLocaleString() })}
          {summary.files.length > 0 && t('quality.reference.fromFiles', { files: summary.files.map((f) => f.fileName).join(', ') })}
          {summary.verifiedCustomers > 0 && t('quality.reference.verifiedCount', { count: summary.verifiedCustomers })}{' '}
          <button className="link" data-testid="reference-list-verified" onClick={() => props.onDrill({ verified: true })}>{t('quality.reference.listVerified')}</button>
        </div>
      )}
    </div>
  );
}
