/**
 * The engine's non-additive rules (dependence.ts) in an additive Splink
 * model. For a pair whose person fields conflict (a different birth date, or
 * a different given name without an exact birth date) the engine counts the
 * household fields (street, postcode, city, region, phone) as one fact: their
 * strongest agreement plus their strongest disagreement. Splink adds one
 * weight per comparison, so each household comparison gets levels that hold
 * under a conflict when another household field says more, and add nothing;
 * the field that says most falls through to its ordinary level. A swapped
 * given and family name under a conflict gets a correction comparison.
 */
import type { MatchModel } from '../types.ts';
import { conflictTable, CONFIRMS, householdMask, STRONG, swapLevels, WEAK } from '../dependence.ts';
import { impliedLevels } from '../implied-agreements.ts';
import type { Scorer } from '../score.ts';
import { engineLevelCase, type ComparisonSql, type LevelSql } from './comparison-sql.ts';

/** SQL: the pair's levels say "a different person" (dependence.ts hasConflict). */
export function conflictSql(model: MatchModel, sqls: readonly ComparisonSql[]): string | null {
  const table = conflictTable(model.comparisons);
  const of = (code: number): string[] => table.flatMap((levels, c) =>
    [...levels].flatMap((v, level) => (v === code ? [`${engineLevelCase(sqls[c])} = ${level}`] : [])));
  const strong = of(STRONG);
  const weak = of(WEAK);
  const confirms = of(CONFIRMS);
  const parts: string[] = [];
  if (strong.length) parts.push(strong.join(' OR '));
  if (weak.length) parts.push(`(${weak.join(' OR ')})${confirms.length ? ` AND NOT (${confirms.join(' OR ')})` : ''}`);
  return parts.length ? parts.map((p) => `(${p})`).join(' OR ') : null;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Levels to put in front of each household comparison's own levels (after
 * its null and implied levels): under a conflict, a household field's level
 * adds nothing unless it is the group's strongest agreement or strongest
 * disagreement (dependence.ts combineBits: the first comparison wins a tie).
 * "Strongest" is judged on the model's weights; the engine judges it after
 * the term-frequency adjustment, so where an adjustment reorders two
 * agreeing fields the two pick different fields.
 */
export function householdLevels(model: MatchModel, scorer: Scorer, sqls: readonly ComparisonSql[], conflict: string): Map<number, LevelSql[]> {
  const household = householdMask(model.comparisons.map((c) => c.name));
  const members = model.comparisons.flatMap((_, c) => (household[c] ? [c] : []));
  const out = new Map<number, LevelSql[]>();
  if (members.length < 2) return out;
  const implied = impliedLevels(model.comparisons);
  const w = scorer.weights;
  const cityAgrees = implied.city >= 0 && implied.cityAgrees.length ? `${engineLevelCase(sqls[implied.city])} IN (${implied.cityAgrees.join(', ')})` : null;
  /** SQL: comparison g is on a level whose bits beat `bits` (earlier comparisons win ties). */
  const beats = (g: number, bits: number, earlier: boolean): string | null => {
    const levels = [...w[g]].flatMap((b, l) => (l > 0 && (bits > 0 ? b > bits || (b === bits && earlier) : b < bits || (b === bits && earlier)) ? [l] : []));
    if (!levels.length) return null;
    const onLevel = `${engineLevelCase(sqls[g])} IN (${levels.join(', ')})`;
    // The region's agreement is dropped when the city agrees (implied-agreements.ts): it then beats nothing.
    return g === implied.region && bits > 0 && cityAgrees ? `(${onLevel} AND NOT (${cityAgrees}))` : onLevel;
  };
  for (const f of members) {
    const levels: LevelSql[] = [];
    w[f].forEach((bits, l) => {
      if (l === 0 || bits === 0) return;
      const beaten = members.filter((g) => g !== f).map((g) => beats(g, bits, g < f)).filter((x): x is string => x !== null);
      if (!beaten.length) return;
      levels.push({
        engineLevel: l, label: `${model.comparisons[f].levels[l]}, not counted (a conflict and a stronger household field)`, noEvidence: 'always',
        sql: `(${conflict}) AND ${engineLevelCase(sqls[f])} = ${l} AND (${beaten.join(' OR ')})`,
      });
    });
    out.set(f, levels);
  }
  return out;
}

/**
 * dependence.ts countSwapAsExact: for a conflict pair with both names on their
 * "swapped" level, each name counts what exact agreement would.
 */
export function swappedNamesCorrection(model: MatchModel, scorer: Scorer, sqls: readonly ComparisonSql[], conflict: string): ComparisonSql | null {
  const s = swapLevels(model.comparisons);
  if (s.given < 0 || s.family < 0 || s.gSwap < 0 || s.fSwap < 0) return null;
  const w = scorer.weights;
  const bits = round(w[s.given][s.gExact] + w[s.family][s.fExact] - w[s.given][s.gSwap] - w[s.family][s.fSwap]);
  return {
    name: 'swapped_names_dependence',
    description: 'Correction for the engine\'s swapped-names rule: when the person fields conflict and the given and family names are swapped, both count as exact agreements rather than as the rarer swap.',
    levels: [
      { engineLevel: 0, label: 'names swapped under a conflict', sql: `(${conflict}) AND ${engineLevelCase(sqls[s.given])} = ${s.gSwap} AND ${engineLevelCase(sqls[s.family])} = ${s.fSwap}`, bits },
      { engineLevel: 0, label: 'no correction', sql: 'ELSE', bits: 0 },
    ],
  };
}
