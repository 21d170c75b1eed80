import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueFilter, QualityMetrics } from '../../../../shared/channels/quality.ts';
import { pct } from './drill.ts';
import { ValidityInstead } from './ValidityInstead.tsx';
import { naReasonText } from '../../../../shared/i18n/na-reason.ts';
import { asTranslate } from '../../i18n/as-translate.ts';

const order = ['completeness', 'validity', 'accuracy', 'consistency', 'timeliness', 'uniqueness'] as const;

/**
 * One card per dimension with its score, formula and counts; a card with
 * failing records lists them on click. The accuracy card can be given whole
 * (it carries its own actions: import a reference, mark records verified).
 */
export function ScoreCards({ metrics, onDrill, accuracyCard }: { metrics: QualityMetrics; onDrill: (f: IssueFilter) => void; accuracyCard?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="score-cards" data-testid="score-cards">
      {order.map((d) => {
        if (d === 'accuracy' && accuracyCard) return <Fragment key={d}>{accuracyCard}</Fragment>;
        const m = metrics.overall[d];
        const measured = m.value !== null;
        const body = (
          <>
            <div className="score-name">{t(`quality.dimension.${d}`)}</div>
            <div className={measured ? 'score-value' : 'score-value na'} data-testid={`score-${d}`}>{measured ? pct(m.value) : t('quality.notMeasured')}</div>
            <div className="score-formula">{t(`quality.formula.${d}`, { days: metrics.timelinessDays })}</div>
            {measured ? (
              <div className="score-counts">
                {t('quality.ofTotal', { good: m.numerator.toLocaleString(), total: m.denominator.toLocaleString() })}
                {m.confusion && <> · {t('quality.confusion', m.confusion)}</>}
                {m.bad > 0 && <div className="score-bad">{t('quality.bad', { formatted: m.bad.toLocaleString() })}</div>}
              </div>
            ) : (
              <div className="score-counts muted">
                {d === 'accuracy' ? t('quality.accuracyNone') : naReasonText(asTranslate(t), m.reason)}
                {d === 'accuracy' && <ValidityInstead validity={metrics.overall.validity} lng={i18n.language} />}
              </div>
            )}
          </>
        );
        return measured && m.bad > 0 ? (
          <button key={d} className="score-card clickable" data-testid={`card-${d}`} title={t('quality.clickToList')} onClick={() => onDrill({ dimension: d })}>{body}</button>
        ) : (
          <div key={d} className="score-card" data-testid={`card-${d}`}>{body}</div>
        );
      })}
    </div>
  );
}
