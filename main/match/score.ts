/**
 * Scoring: the match weight of a pair is log2 prior odds plus, per
 * comparison, log2(m/u) of its level; exact agreement on a tf column is
 * adjusted by log2(u_exact / frequency of the shared value), so sharing a
 * rare surname counts more than sharing "smith". Missing values add 0.
 */
import type { Comparison } from './comparisons.ts';
import { DICT_OF, valueOf, type Prepared } from './prepare.ts';
import type { MatchModel, RunOptions, ScoredPair, WaterfallStep } from './types.ts';
import { CHUNK, yieldToLoop } from './gammas.ts';
import { CONFIRMS, STRONG, WEAK, combineBits, conflictTable, countSwapAsExact, hasConflict, householdMask, swapLevels, type SwapLevels } from './dependence.ts';
import { dropImplied, impliedLevels, type ImpliedLevels } from './implied-agreements.ts';

export interface Scorer {
  prior: number;
  /** weights[c][level] in bits. */
  weights: Float64Array[];
  /** Per comparison: 1 when it is a household field (see dependence.ts). */
  household: Uint8Array;
  /** conflict[c][level]: that level says "a different person" (see dependence.ts). */
  conflict: Uint8Array[];
  swap: SwapLevels;
  /** Agreements another one implies (see implied-agreements.ts). */
  implied: ImpliedLevels;
  tfAdjust(c: number, value: string): number;
}

export function probabilityFromWeight(w: number): number {
  return 1 / (1 + 2 ** -w);
}

export function weightFromProbability(p: number): number {
  return Math.log2(p / (1 - p));
}

export function makeScorer(model: MatchModel): Scorer {
  const weights = model.comparisons.map((c) =>
    Float64Array.from(c.m, (m, l) => (l === 0 ? 0 : Math.log2(m / c.u[l]))));
  const tables = model.comparisons.map((c) => model.tf[c.name]);
  const floors = model.comparisons.map((c) => 1 / Math.max(1, model.tfFilled[c.name] ?? model.trainedOn));
  const cache = model.comparisons.map(() => new Map<string, number>());
  return {
    prior: Math.log2(model.lambda / (1 - model.lambda)),
    weights,
    household: householdMask(model.comparisons.map((c) => c.name)),
    conflict: conflictTable(model.comparisons),
    swap: swapLevels(model.comparisons),
    implied: impliedLevels(model.comparisons),
    tfAdjust(c, value) {
      let adj = cache[c].get(value);
      if (adj === undefined) {
        const comp = model.comparisons[c];
        const freq = tables[c]?.[value] ?? floors[c];
        adj = Math.log2(comp.u[comp.tfLevel] / Math.max(freq, floors[c]));
        if (cache[c].size < 200_000) cache[c].set(value, adj);
      }
      return adj;
    },
  };
}

/**
 * tf adjustments by value code, per comparison: computed from the value's
 * string the first time a code is met (NaN until then).
 */
class TfByCode {
  private readonly byCode: (Float64Array | null)[];
  constructor(private readonly s: Scorer, private readonly comps: readonly Comparison[], private readonly p: Prepared) {
    this.byCode = comps.map((c) => (c.tfLevel >= 0 && c.tfColumn ? new Float64Array(p.dicts[DICT_OF[c.tfColumn]].size).fill(NaN) : null));
  }
  get(c: number, i: number): number {
    const column = this.comps[c].tfColumn!;
    const code = this.p[column][i];
    const table = this.byCode[c]!;
    let adj = table[code];
    if (Number.isNaN(adj)) adj = table[code] = this.s.tfAdjust(c, valueOf(this.p, column, i));
    return adj;
  }
}

function pairWeight(s: Scorer, comps: readonly Comparison[], tf: TfByCode, gammas: Uint8Array, x: number, i: number, bits: Float64Array): number {
  const k = comps.length;
  for (let c = 0; c < k; c++) {
    const l = gammas[x * k + c];
    bits[c] = s.weights[c][l];
    const comp = comps[c];
    if (l === comp.tfLevel && comp.tfColumn) bits[c] += tf.get(c, i);
  }
  dropImplied(bits, s.implied, gammas, x * k);
  // The conflict test inline (no closure per pair: this runs millions of times); same rule as hasConflict.
  let strong = false;
  let weak = false;
  let confirmed = false;
  for (let c = 0; c < k; c++) {
    const v = s.conflict[c][gammas[x * k + c]];
    if (v === STRONG) strong = true;
    else if (v === WEAK) weak = true;
    else if (v === CONFIRMS) confirmed = true;
  }
  const conflict = strong || (weak && !confirmed);
  if (conflict) countSwapAsExact(bits, s.swap, (c) => gammas[x * k + c], (c, l) => s.weights[c][l]);
  return s.prior + combineBits(bits, s.household, conflict);
}

/** Total weights (bits) of every candidate pair, in chunks with progress and cancel. */
export async function scoreGammas(
  model: MatchModel, p: Prepared, comps: readonly Comparison[], a: Int32Array, gammas: Uint8Array, opts: RunOptions = {},
): Promise<Float64Array> {
  const s = makeScorer(model);
  const n = a.length;
  const out = new Float64Array(n);
  const bits = new Float64Array(comps.length);
  const tf = new TfByCode(s, comps, p);
  for (let from = 0; from < n; from += CHUNK) {
    opts.signal?.throwIfAborted();
    const to = Math.min(n, from + CHUNK);
    for (let x = from; x < to; x++) out[x] = pairWeight(s, comps, tf, gammas, x, a[x], bits);
    await yieldToLoop();
  }
  return out;
}

/** The full waterfall of one pair, recomputed from the records (cheap; done only for shown pairs). */
export function explainPair(
  model: MatchModel, s: Scorer, comps: readonly Comparison[], p: Prepared, i: number, j: number, rule: string,
): ScoredPair {
  const levels = comps.map((comp) => comp.level(p, i, j));
  const tfValue = (c: number): string => (comps[c].tfColumn ? valueOf(p, comps[c].tfColumn!, i) : '');
  return explainLevels(model, s, levels, tfValue, { a: p.ids[i], b: p.ids[j], rule });
}

/**
 * The waterfall of a pair from its stored comparison levels. The tf
 * adjustment needs the agreed value itself (both records share it at the tf
 * level), so the caller supplies it per comparison.
 */
export function explainLevels(
  model: MatchModel, s: Scorer, levels: readonly number[], tfValue: (c: number) => string, pair: { a: number; b: number; rule: string },
): ScoredPair {
  const tfs = model.comparisons.map((comp, c) => (levels[c] === comp.tfLevel ? s.tfAdjust(c, tfValue(c)) : 0));
  const bits = model.comparisons.map((_, c) => s.weights[c][levels[c]] + tfs[c]);
  dropImplied(bits, s.implied, levels, 0);
  // Household fields beyond the strongest agreement and disagreement count 0 (dependence.ts).
  const counted: number[] = [];
  const levelOf = (c: number): number => levels[c];
  const conflict = hasConflict(s.conflict, levelOf);
  if (conflict) countSwapAsExact(bits, s.swap, levelOf, (c, l) => s.weights[c][l]);
  const weight = s.prior + combineBits(bits, s.household, conflict, counted);
  const steps: WaterfallStep[] = model.comparisons.map((comp, c) => ({
    comparison: comp.name, level: comp.levels[levels[c]], log2BayesFactor: counted[c], tfAdjustment: counted[c] === 0 ? 0 : tfs[c],
  }));
  return { ...pair, weight, probability: probabilityFromWeight(weight), prior: s.prior, steps };
}
