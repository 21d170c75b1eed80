import { useTranslation } from 'react-i18next';
import type { IssueFilter, QualityMetrics } from '../../../../shared/channels/quality.ts';

/** Every rule broken, per field, most records first; a row lists its records. */
export function RuleTable({ metrics, onDrill }: { metrics: QualityMetrics; onDrill: (f: IssueFilter) => void }) {
  const { t } = useTranslation();
  if (metrics.byRule.length === 0) return null;
  return (
    <table className="table rules" data-testid="rule-table">
      <thead>
        <tr><th>{t('quality.rule')}</th><th>{t('quality.field')}</th><th /><th className="num">{t('quality.records')}</th></tr>
      </thead>
      <tbody>
        {metrics.byRule.map((r) => (
          <tr key={`${r.rule}-${r.field}`} className="clickable" data-testid={`rule-${r.rule}-${r.field}`} title={t('quality.clickToList')} onClick={() => onDrill({ rule: r.rule, field: r.field })}>
            <td>{t(`quality.ruleName.${r.rule}`, { defaultValue: r.rule })}</td>
            <td>{t(`quality.fieldName.${r.field}`, { defaultValue: r.field })}</td>
            <td><span className={`sev ${r.severity}`}>{t(`quality.severity.${r.severity}`)}</span> <span className="muted small">{t(`quality.dimension.${r.dimension}`)}</span></td>
            <td className="num">{r.count.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
