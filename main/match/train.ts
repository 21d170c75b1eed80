/**
 * Assembles a model from candidate pairs without labels: u from random pairs,
 * m by EM once per blocking rule (each session leaves out the columns its rule
 * forced to agree), averaged over the sessions that could estimate it; then
 * the prior over all pairs.
 */
import type { Comparison } from './comparisons.ts';
import { DICT_OF, text, type Prepared, type PreparedColumn } from './prepare.ts';
import type { CandidatePairs } from './blocking.ts';
import type { ComparisonParams, LinkMode, MatchModel } from './types.ts';
import { estimateU, valueCounts } from './estimate-u.ts';
import { aggregatePatterns, estimateLambda, initialM, runEm } from './em.ts';
import { conflictTable, householdMask, swapLevels } from './dependence.ts';
import { impliedLevels } from './implied-agreements.ts';
import { boundM } from './m-bounds.ts';

export interface EstimateOptions {
  mode: LinkMode;
  threshold: number;
}

/** Sessions with fewer pairs than this say too little to move m. */
const MIN_SESSION_PAIRS = 30;

export function totalPairs(p: Prepared, mode: LinkMode): number {
  if (mode === 'dedupe') return (p.n * (p.n - 1)) / 2;
  const bySource = new Map<number, number>();
  for (const s of p.sources) bySource.set(s, (bySource.get(s) ?? 0) + 1);
  let same = 0;
  for (const c of bySource.values()) same += (c * (c - 1)) / 2;
  return (p.n * (p.n - 1)) / 2 - same;
}

/**
 * EM sessions run only on blocks keyed by something one person has and their
 * household does not share: a given name or a birth date. Blocks keyed by a
 * phone, an email, an address, a family name or a company are full of
 * households and colleagues; EM then takes "same household" for the match
 * class and learns that a different given name or birth date is normal for a
 * match. Such rules still generate candidates; they just do not train m.
 */
const PERSON_COLUMNS: readonly PreparedColumn[] = ['given', 'dob'];

/**
 * An exact canonical email is personal too (the generator's and real
 * households share one in a few percent of pairs, a minority EM's
 * non-match class takes). Its pairs are the ones where a different birth
 * date is rare among matches, which the name-keyed sessions (full of
 * namesakes) cannot see.
 */
const PERSON_RULES: readonly string[] = ['email'];

/** EM needs patterns, not every pair: a stride sample of at most this many pairs keeps training flat at scale. */
const EM_SAMPLE = 400_000;
const LAMBDA_SAMPLE = 1_000_000;

/** Bit r set when the pair's records share rule r's key. */
function ruleMasks(cands: CandidatePairs, sample: Int32Array): Uint32Array {
  const masks = new Uint32Array(sample.length);
  cands.keys.forEach((keys, r) => {
    for (let s = 0; s < sample.length; s++) {
      const ka = keys[cands.a[sample[s]]];
      if (ka >= 0 && ka === keys[cands.b[sample[s]]]) masks[s] |= 1 << r;
    }
  });
  return masks;
}

function sampleGammas(gammas: Uint8Array, k: number, sample: Int32Array): Uint8Array {
  const out = new Uint8Array(sample.length * k);
  for (let s = 0; s < sample.length; s++) out.set(gammas.subarray(sample[s] * k, sample[s] * k + k), s * k);
  return out;
}

function estimateM(comps: readonly Comparison[], cands: CandidatePairs, gammas: Uint8Array, u: number[][]): number[][] {
  const k = comps.length;
  const stride = Math.max(1, Math.ceil(cands.count / EM_SAMPLE));
  const sample = Int32Array.from({ length: Math.ceil(cands.count / stride) }, (_, s) => s * stride);
  const masks = ruleMasks(cands, sample);
  const g = sampleGammas(gammas, k, sample);
  const m0 = comps.map((c) => initialM(c.levels.length));
  const sums = comps.map((c) => new Array<number>(c.levels.length).fill(0));
  const sessions = new Array<number>(k).fill(0);
  const least = comps.map((c) => new Array<number>(c.levels.length).fill(1));
  cands.rules.forEach((rule, r) => {
    if (!PERSON_COLUMNS.some((col) => rule.columns.includes(col)) && !PERSON_RULES.includes(rule.name)) return;
    const include = comps.map((c) => !c.columns.some((col) => rule.columns.includes(col)));
    const pc = aggregatePatterns(g, k, sample.length, (s) => (masks[s] & (1 << r)) !== 0);
    if (pc.counts.reduce((s, x) => s + x, 0) < MIN_SESSION_PAIRS || !include.some(Boolean)) return;
    const { m } = runEm(pc, m0, u, include);
    comps.forEach((_, c) => {
      if (!include[c]) return;
      sessions[c]++;
      m[c].forEach((x, l) => {
        sums[c][l] += x;
        least[c][l] = Math.min(least[c][l], x);
      });
    });
  });
  const all = aggregatePatterns(g, k, sample.length);
  const fallback = sessions.some((s) => s === 0) ? runEm(all, m0, u, comps.map(() => true)).m : m0;
  const mean = comps.map((_, c) => (sessions[c] ? sums[c].map((x) => x / sessions[c]) : fallback[c]));
  return boundM(comps, mean, least);
}

function tfTables(p: Prepared, comps: readonly Comparison[]): Pick<MatchModel, 'tf' | 'tfFilled'> {
  const tf: MatchModel['tf'] = {};
  const tfFilled: MatchModel['tfFilled'] = {};
  for (const c of comps) {
    if (c.tfLevel < 0) continue;
    const counts = valueCounts(p, c);
    const filled = counts.filled;
    const table: Record<string, number> = {};
    // Values seen once get the floor frequency at scoring time; storing them would bloat the model.
    for (const v of counts.codes) {
      const n = counts.count[v];
      if (n > 1) table[text(p.dicts[DICT_OF[c.tfColumn!]], v)] = n / filled;
    }
    tf[c.name] = table;
    tfFilled[c.name] = filled;
  }
  return { tf, tfFilled };
}

export function estimateModel(
  p: Prepared, comps: readonly Comparison[], cands: CandidatePairs, gammas: Uint8Array, opts: EstimateOptions,
): MatchModel {
  const u = estimateU(p, comps, opts.mode);
  const m = estimateM(comps, cands, gammas, u);
  // λ is a mean over pairs: a stride sample of ≤ LAMBDA_SAMPLE pairs, each standing for `stride`, estimates it alike.
  const stride = Math.max(1, Math.ceil(cands.count / LAMBDA_SAMPLE));
  const all = aggregatePatterns(gammas, comps.length, cands.count, stride > 1 ? (x) => x % stride === 0 : undefined);
  for (let r = 0; r < all.counts.length; r++) all.counts[r] *= stride;
  const lambda = estimateLambda(all, m, u, Math.max(1, totalPairs(p, opts.mode)), householdMask(comps.map((c) => c.name)), conflictTable(comps), swapLevels(comps), impliedLevels(comps));
  const comparisons: ComparisonParams[] = comps.map((c, ci) => ({
    name: c.name, levels: c.levels, m: m[ci], u: u[ci], tfLevel: c.tfLevel,
  }));
  return {
    version: 1, mode: opts.mode, lambda, comparisons, blockingRules: cands.rules.map((r) => r.name),
    ...tfTables(p, comps), trainedOn: p.n, threshold: opts.threshold,
  };
}
