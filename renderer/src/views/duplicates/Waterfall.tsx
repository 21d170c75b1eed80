import { useTranslation } from 'react-i18next';
import type { PairExplanation } from '../../../../shared/channels/match.ts';
import { levelLabel } from './match-labels.ts';

const fmt = (bits: number): string => `${bits > 0 ? '+' : ''}${bits.toFixed(1)}`;

/**
 * The waterfall of one pair: the prior, then each comparison's log₂ Bayes
 * factor as a bar starting where the running total stood, then the total.
 * Bars are drawn on one shared scale so sizes can be compared.
 */
export function Waterfall({ pair }: { pair: PairExplanation }) {
  const { t } = useTranslation();
  const bars: { key: string; label: string; detail: string; value: number; from: number; kind: string }[] = [];
  let run = 0;
  bars.push({ key: 'prior', label: t('duplicates.prior'), detail: '', value: pair.prior, from: 0, kind: 'prior' });
  run = pair.prior;
  for (const s of pair.steps) {
    const level = levelLabel(t, s.level);
    const detail = s.tfAdjustment ? `${level} · ${t('duplicates.tf', { bits: fmt(s.tfAdjustment) })}` : level;
    bars.push({ key: s.comparison, label: t(`duplicates.comparison.${s.comparison}`, { defaultValue: s.comparison }), detail, value: s.log2BayesFactor, from: run, kind: s.log2BayesFactor > 0 ? 'up' : s.log2BayesFactor < 0 ? 'down' : 'zero' });
    run += s.log2BayesFactor;
  }
  bars.push({ key: 'final', label: t('duplicates.final'), detail: `${t('duplicates.probability')} ${(pair.probability * 100).toFixed(2)}%`, value: pair.weight, from: 0, kind: 'final' });
  let lo = 0;
  let hi = 0;
  for (const b of bars) {
    lo = Math.min(lo, b.from, b.from + b.value);
    hi = Math.max(hi, b.from, b.from + b.value);
  }
  const span = hi - lo || 1;
  const pos = (x: number): number => ((x - lo) / span) * 100;
  return (
    <table className="waterfall" data-testid="waterfall">
      <tbody>
        {bars.map((b) => (
          <tr key={b.key} data-testid={`waterfall-${b.key}`}>
            <th>{b.label}<div className="muted small">{b.detail}</div></th>
            <td className="wf-track">
              <div className="wf-zero" style={{ left: `${pos(0)}%` }} />
              <div className={`wf-bar ${b.kind}`} style={{ left: `${pos(Math.min(b.from, b.from + b.value))}%`, width: `${Math.max(0.5, (Math.abs(b.value) / span) * 100)}%` }} />
            </td>
            <td className="num mono">{b.value === 0 && b.kind === 'zero' ? '0' : fmt(b.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
