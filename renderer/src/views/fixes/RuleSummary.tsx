import { useTranslation } from 'react-i18next';
import type { FixRuleInfo, FixSummary, SuggestionFilter } from '../../../../shared/channels/fix.ts';
import { fieldName, ruleHelp, ruleName } from './fix-text.ts';
import type { Decision, Selection } from './use-decide.ts';

type Row = FixSummary['byRule'][number];

/**
 * Suggestions per rule and field and how many are open, accepted, rejected
 * or out of date. Each rule has its name and one line of what it does; a
 * safe rule can be applied automatically after every run. Per field: accept
 * or reject everything still open, or show it in the grid.
 */
export function RuleSummary({ rows, rules, autoApply, busy, onAuto, onDecide, onShow }: {
  rows: Row[]; rules: FixRuleInfo[]; autoApply: string[]; busy: boolean;
  onAuto: (rule: string, on: boolean) => void; onDecide: (action: Decision, selection: Selection) => void; onShow: (filter: SuggestionFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => x.toLocaleString(i18n.language);
  const byRule = new Map<string, Row[]>();
  for (const r of rows) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r]);
  return (
    // Open while choosing what to review; folded away to give the grid the room when reviewing.
    <details className="rule-summary" data-testid="rule-summary" open>
      <summary>
        {t('fixes.rules.title')} <span className="muted">· {t('fixes.rules.totalOpen', { formatted: n(rows.reduce((sum, r) => sum + r.open, 0)) })}</span>
      </summary>
      <div className="rule-table">
      <table className="table compact">
        <thead>
          <tr>
            <th>{t('fixes.rules.rule')}</th><th>{t('fixes.rules.field')}</th>
            <th className="num">{t('fixes.rules.open')}</th><th className="num">{t('fixes.rules.accepted')}</th>
            <th className="num">{t('fixes.rules.rejected')}</th><th className="num">{t('fixes.rules.stale')}</th><th />
          </tr>
        </thead>
        {[...byRule].map(([rule, fields]) => {
          const info = rules.find((r) => r.id === rule);
          return (
            <tbody key={rule} data-testid={`rule-${rule}`}>
              {fields.map((f, i) => (
                <tr key={f.field} data-testid={`rule-row-${rule}-${f.field}`}>
                  {i === 0 && (
                    <th rowSpan={fields.length} className="rule-cell" scope="rowgroup">
                      <div className="rule-name">
                        <strong data-testid="rule-name">{ruleName(t, rule)}</strong>
                        {info?.safe && <span className="tag ok" title={t('fixes.rules.safeHelp')}>{t('fixes.rules.safe')}</span>}
                        {info?.flags && <span className="tag warnTag">{t('fixes.rules.flags')}</span>}
                        {info?.safe && (
                          <label className="check small auto" title={t('fixes.rules.autoHelp')}>
                            <input type="checkbox" data-testid={`auto-${rule}`} checked={autoApply.includes(rule)} disabled={busy} onChange={(e) => onAuto(rule, e.target.checked)} />
                            {t('fixes.rules.auto')}
                          </label>
                        )}
                      </div>
                      <div className="muted small" data-testid="rule-help">{ruleHelp(t, rule)}</div>
                    </th>
                  )}
                  <td>
                    <button className="link" title={t('fixes.rules.show')} data-testid="rule-show" onClick={() => onShow({ rule, field: f.field, status: 'open' })}>{fieldName(t, f.field)}</button>
                  </td>
                  <td className="num" data-testid="count-open">{n(f.open)}</td>
                  <td className="num" data-testid="count-accepted">{n(f.accepted)}</td>
                  <td className="num">{n(f.rejected)}</td>
                  <td className="num">{n(f.stale)}</td>
                  <td className="nowrap actions">
                    {f.kind === 'change' && (
                      <button className="secondary small" data-testid="accept-all" disabled={busy || f.open === 0} onClick={() => onDecide('accept', { filter: { rule, field: f.field, status: 'open', kind: 'change' } })}>
                        {t('fixes.rules.acceptAll', { formatted: n(f.open) })}
                      </button>
                    )}
                    <button className="link warn small" data-testid="reject-all" disabled={busy || f.open === 0} onClick={() => onDecide('reject', { filter: { rule, field: f.field, status: 'open' } })}>
                      {t('fixes.rules.rejectAll')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
      </div>
    </details>
  );
}
