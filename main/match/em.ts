/**
 * Expectation–maximisation for the m probabilities, with u fixed, on
 * aggregated comparison patterns. Assumes comparisons are independent given
 * the match status (the Fellegi–Sunter assumption). Within pairs blocked on a
 * rule, the rule's own columns agree by construction, so a session never
 * estimates m for those columns (as Splink does); other sessions do.
 */
import { combineBits, countSwapAsExact, hasConflict, NO_SWAP, type SwapLevels } from './dependence.ts';
import { dropImplied, type ImpliedLevels } from './implied-agreements.ts';

export interface PatternCounts {
  /** Flat levels: pattern p occupies levels[p*k .. p*k+k). */
  levels: Uint8Array;
  counts: Float64Array;
  k: number;
}

const FLOOR = 1e-6;

/** Collapses pair gammas (selected by `use`) into distinct patterns with counts. */
export function aggregatePatterns(
  gammas: Uint8Array, k: number, pairs: number, use?: (x: number) => boolean,
): PatternCounts {
  const index = new Map<number, number>();
  const counts: number[] = [];
  const levels: number[] = [];
  for (let x = 0; x < pairs; x++) {
    if (use && !use(x)) continue;
    let key = 0;
    for (let c = 0; c < k; c++) key = key * 10 + gammas[x * k + c];
    let id = index.get(key);
    if (id === undefined) {
      id = counts.length;
      index.set(key, id);
      counts.push(0);
      for (let c = 0; c < k; c++) levels.push(gammas[x * k + c]);
    }
    counts[id]++;
  }
  return { levels: Uint8Array.from(levels), counts: Float64Array.from(counts), k };
}

/** Starting m: agreement levels likely, disagreement unlikely, for a true match. */
export function initialM(levelCount: number): number[] {
  const m = [0];
  for (let l = 1; l < levelCount; l++) m.push(l === levelCount - 1 ? 0.05 : 2 ** -(l - 1));
  const s = m.reduce((a, b) => a + b, 0);
  return m.map((x) => x / s);
}

/** log P(pattern | match) and log P(pattern | non-match) over the included comparisons. */
function logLikelihoods(pc: PatternCounts, row: number, m: number[][], u: number[][], include: boolean[]): [number, number] {
  let lm = 0;
  let lu = 0;
  for (let c = 0; c < pc.k; c++) {
    const l = pc.levels[row * pc.k + c];
    if (l === 0 || !include[c]) continue;
    lm += Math.log(m[c][l]);
    lu += Math.log(u[c][l]);
  }
  return [lm, lu];
}

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
}

/** Runs EM; returns m for every comparison (unchanged where include[c] is false). */
export function runEm(
  pc: PatternCounts, m0: number[][], u: number[][], include: boolean[], lambda0 = 0.3, maxIter = 60,
): EmResult {
  let m = m0.map((r) => r.slice());
  let lambda = lambda0;
  const rows = pc.counts.length;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    const acc = m.map((r) => new Float64Array(r.length));
    let matches = 0;
    let total = 0;
    for (let row = 0; row < rows; row++) {
      const [lm, lu] = logLikelihoods(pc, row, m, u, include);
      const odds = Math.exp(Math.min(700, lm - lu)) * (lambda / (1 - lambda));
      const post = odds === Infinity ? 1 : odds / (1 + odds);
      const w = pc.counts[row] * post;
      matches += w;
      total += pc.counts[row];
      for (let c = 0; c < pc.k; c++) acc[c][pc.levels[row * pc.k + c]] += w;
    }
    const next = m.map((r, c) => (include[c] ? normalise(acc[c], r) : r));
    const delta = maxDelta(m, next) + Math.abs(matches / total - lambda);
    m = next;
    lambda = Math.min(1 - FLOOR, Math.max(FLOOR, matches / total));
    if (delta < 1e-5) break;
  }
  return { m, lambda, iterations: iter };
}

function normalise(acc: Float64Array, fallback: number[]): number[] {
  let s = 0;
  for (let l = 1; l < acc.length; l++) s += acc[l];
  if (s <= 0) return fallback;
  return Array.from(acc, (x, l) => (l === 0 ? 0 : Math.max(FLOOR, x / s)));
}

function maxDelta(a: number[][], b: number[][]): number {
  let d = 0;
  for (let c = 0; c < a.length; c++) for (let l = 0; l < a[c].length; l++) d = Math.max(d, Math.abs(a[c][l] - b[c][l]));
  return d;
}

/**
 * The prior over ALL pairs, not just candidates: pairs outside the blocks are
 * taken as non-matches, so EM on λ alone gives λ = Σ P(match | γ) / all pairs.
 */
export function estimateLambda(
  pc: PatternCounts, m: number[][], u: number[][], allPairs: number,
  household: Uint8Array = new Uint8Array(m.length), conflict: Uint8Array[] = [],
  swap: SwapLevels = NO_SWAP, implied: ImpliedLevels | null = null, maxIter = 100,
): number {
  // Bayes factors as scoring will see them (household fields combined, see dependence.ts).
  const bits = new Float64Array(pc.k);
  const bf = Array.from(pc.counts, (_, row) => {
    for (let c = 0; c < pc.k; c++) {
      const l = pc.levels[row * pc.k + c];
      bits[c] = l === 0 ? 0 : Math.log2(m[c][l] / u[c][l]);
    }
    if (implied) dropImplied(bits, implied, pc.levels, row * pc.k);
    const levelOf = (c: number): number => pc.levels[row * pc.k + c];
    const conflicted = hasConflict(conflict, levelOf);
    if (conflicted) countSwapAsExact(bits, swap, levelOf, (c, l) => Math.log2(m[c][l] / u[c][l]));
    return 2 ** Math.min(1000, combineBits(bits, household, conflicted));
  });
  let lambda = Math.min(0.5, pc.counts.reduce((s, x) => s + x, 0) / allPairs / 10);
  for (let iter = 0; iter < maxIter; iter++) {
    let expected = 0;
    const priorOdds = lambda / (1 - lambda);
    for (let row = 0; row < bf.length; row++) {
      const odds = bf[row] * priorOdds;
      expected += pc.counts[row] * (odds === Infinity ? 1 : odds / (1 + odds));
    }
    const next = Math.max(1 / allPairs, expected / allPairs);
    if (Math.abs(next - lambda) < lambda * 1e-4) return next;
    lambda = next;
  }
  return lambda;
}
