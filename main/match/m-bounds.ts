/**
 * Upper bounds on m for the levels that say "not the same person". EM has
 * no labels: when many candidate pairs are relatives (same surname, address
 * and phone), its match class absorbs them and learns that a different given
 * name or birth date is common among matches (m ≈ 0.25, so the disagreement
 * costs only ≈ 2 bits). Assumption: in a true duplicate pair a wholly
 * different birth date or given name is a recording error (a typo yields
 * the one-digit, swapped, nickname or similarity levels instead), which
 * happens in at most 1 pair in MAX_M_DIFFERENT. The bound applies only when
 * EM's estimate is above it; the excess moves to the other levels in
 * proportion to their estimates.
 */
import type { Comparison } from './comparisons.ts';

const MAX_M_DIFFERENT = 0.1;

const BOUNDED: Readonly<Record<string, readonly string[]>> = {
  given_name: [],
  birth_date: ['different'],
};

/**
 * `least[c][l]`: the smallest m any EM session estimated for that level.
 * Every session's match class is contaminated by some non-matches (namesakes
 * in name-keyed blocks, relatives in date-keyed ones), which can only inflate
 * m of a "different person" level; so the least contaminated session's
 * estimate is the better one for those levels, not the mean.
 */
export function boundM(comps: readonly Comparison[], m: number[][], least?: number[][]): number[][] {
  return comps.map((c, ci) => {
    const levels = BOUNDED[c.name];
    const row = m[ci].slice();
    if (!levels) return row;
    for (const name of levels) {
      const l = c.levels.indexOf(name);
      const bound = Math.min(MAX_M_DIFFERENT, least?.[ci][l] ?? 1);
      if (l <= 0 || row[l] <= bound) continue;
      const excess = row[l] - bound;
      row[l] = bound;
      const rest = row.reduce((s, x, k) => (k === 0 || k === l ? s : s + x), 0);
      for (let k = 1; k < row.length; k++) if (k !== l) row[k] += rest > 0 ? (excess * row[k]) / rest : excess / (row.length - 2);
    }
    return row;
  });
}
