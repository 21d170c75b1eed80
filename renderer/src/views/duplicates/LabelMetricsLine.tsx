import { useTranslation } from 'react-i18next';
import type { LabelMetrics } from '../../../../shared/channels/merge.ts';
import { pct } from './merge-text.ts';

/**
 * Precision and recall of the current threshold estimated from the pairs a
 * steward decided (bulk accepts are the model's own guesses and do not
 * count), and the same at other thresholds to choose a bulk-accept threshold.
 */
export function LabelMetricsLine({ metrics }: { metrics: LabelMetrics }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const rate = (x: number | null): string => (x === null ? t('merge.metrics.unknown') : pct(x, lng));
  const c = metrics.current;
  const decided = metrics.labels.same + metrics.labels.different;
  return (
    <details className="label-metrics" data-testid="label-metrics">
      <summary>
        <strong>{t('merge.metrics.title')}:</strong>{' '}
        {decided === 0 || !c
          ? <span className="muted">{t('merge.metrics.none')}</span>
          : <span data-testid="metrics-current">{t('merge.metrics.current', { precision: rate(c.precision), recall: rate(c.recall), threshold: c.threshold, same: metrics.labels.same.toLocaleString(lng), different: metrics.labels.different.toLocaleString(lng) })}</span>}
      </summary>
      {decided > 0 && metrics.curve.length > 0 && (
        <table className="table compact">
          <thead><tr><th className="num">{t('merge.metrics.threshold')}</th><th className="num">{t('merge.metrics.precision')}</th><th className="num">{t('merge.metrics.recall')}</th></tr></thead>
          <tbody>
            {metrics.curve.map((r) => (
              <tr key={r.threshold}><td className="num">{r.threshold}</td><td className="num">{rate(r.precision)}</td><td className="num">{rate(r.recall)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
