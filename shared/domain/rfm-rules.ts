/**
 * RFM segments as an ordered table of score bounds: a customer's (r, f, m)
 * scores, each 1 to 5, take the first rule whose three ranges hold them, and
 * "Other" when none does. Shared by the engine, the CLI and the renderer's
 * editor (which warns about dead rules as the steward types).
 */

export type ScoreRange = [number, number];

export interface RfmRule {
  /** What the segment is called; the defaults carry a `preset` so the app can show them in the user's language. */
  name: string;
  preset?: string;
  r: ScoreRange;
  f: ScoreRange;
  m: ScoreRange;
}

export const OTHER_SEGMENT = 'Other';

const rule = (preset: string, name: string, r: ScoreRange, f: ScoreRange, m: ScoreRange = [1, 5]): RfmRule => ({ name, preset, r, f, m });

/**
 * The usual eleven segments, bounded so that together they cover all 125
 * score cells and each rule is reachable in this order (the widely copied
 * table has rules that earlier ones cover; see rfm-rules.test.ts). Read on
 * recency and frequency, with monetary deciding only who is a Champion.
 */
export const defaultRfmRules: readonly RfmRule[] = [
  rule('champions', 'Champions', [4, 5], [4, 5], [4, 5]),
  rule('loyal', 'Loyal', [3, 5], [3, 5]),
  rule('potential_loyalist', 'Potential loyalist', [4, 5], [2, 3]),
  rule('new', 'New', [5, 5], [1, 1]),
  rule('promising', 'Promising', [4, 4], [1, 1]),
  rule('need_attention', 'Need attention', [3, 3], [1, 2]),
  rule('about_to_sleep', 'About to sleep', [2, 2], [1, 2]),
  rule('at_risk', 'At risk', [2, 2], [3, 5]),
  rule('cant_lose', "Can't lose them", [1, 1], [4, 5]),
  rule('hibernating', 'Hibernating', [1, 1], [2, 3]),
  rule('lost', 'Lost', [1, 1], [1, 1]),
];

const within = (score: number, [lo, hi]: ScoreRange): boolean => score >= lo && score <= hi;

export function ruleHolds(rule: RfmRule, r: number, f: number, m: number): boolean {
  return within(r, rule.r) && within(f, rule.f) && within(m, rule.m);
}

/** Index of the first rule that holds, or -1 for "Other". */
export function ruleIndexOf(rules: readonly RfmRule[], r: number, f: number, m: number): number {
  return rules.findIndex((x) => ruleHolds(x, r, f, m));
}

export function segmentOf(rules: readonly RfmRule[], r: number, f: number, m: number): string {
  const i = ruleIndexOf(rules, r, f, m);
  return i < 0 ? OTHER_SEGMENT : rules[i].name;
}

/** A cell of the score cube as one number, r*100 + f*10 + m (e.g. 545). */
export const cellCode = (r: number, f: number, m: number): number => r * 100 + f * 10 + m;

function* allCells(): Generator<[number, number, number]> {
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) yield [r, f, m];
}

/** The cells a segment takes given the rules before it (index -1: the cells no rule takes). */
export function cellsOfRule(rules: readonly RfmRule[], index: number): number[] {
  const out: number[] = [];
  for (const [r, f, m] of allCells()) if (ruleIndexOf(rules, r, f, m) === index) out.push(cellCode(r, f, m));
  return out;
}

export interface DeadRule {
  index: number;
  /** The earlier rules that take its cells. */
  coveredBy: number[];
}

/** Rules that can never match because every cell they hold is taken by an earlier rule. */
export function deadRules(rules: readonly RfmRule[]): DeadRule[] {
  const dead: DeadRule[] = [];
  rules.forEach((rule, index) => {
    const takers = new Set<number>();
    let reachable = false;
    for (const [r, f, m] of allCells()) {
      if (!ruleHolds(rule, r, f, m)) continue;
      const first = ruleIndexOf(rules, r, f, m);
      if (first === index) reachable = true;
      else takers.add(first);
    }
    if (!reachable) dead.push({ index, coveredBy: [...takers].sort((a, b) => a - b) });
  });
  return dead;
}
