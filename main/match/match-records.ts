/**
 * The engine's public entry points. A run prepares the records, blocks,
 * trains the model on its own candidate pairs (no labels), scores and
 * clusters. Pairs keep their comparison levels; the waterfall of any pair is
 * rebuilt from them on demand, which is what keeps a million-record run small.
 */
import type { MatchModel, MatchRecord, MatchResult, ReportedPairs, RunOptions, ScoredPair, LinkMode } from './types.ts';
import { prepareRecords, type Prepared } from './prepare.ts';
import { chooseComparisons, comparisonByName } from './comparison-set.ts';
import { defaultRules, findCandidatePairsPrepared, type CandidatePairs } from './blocking.ts';
import { ruleByName, type BlockingRule } from './blocking-rules.ts';
import type { Comparison } from './comparisons.ts';
import { estimateModel } from './train.ts';
import { blockAndCompare, weighRun, type BlockedRun } from './pipeline.ts';
import { cannotLinkOf, clusterIndices, seedsOf } from './cluster.ts';
import { learnFromLabels, type Decisions } from './learn-from-labels.ts';
import { explainPair, makeScorer, probabilityFromWeight, weightFromProbability } from './score.ts';

export interface MatchOptions extends RunOptions {
  /** Posterior match probability at which pairs link into entities. */
  threshold?: number;
  /** Pairs at or above this probability are returned with waterfalls (default: threshold). */
  reportThreshold?: number;
  mode?: LinkMode;
  maxBlockSize?: number;
  minDensity?: number;
  workers?: number;
  /** false: return no ScoredPair objects (a million-record run); clusters and stats only. */
  explain?: boolean;
  /** Also return the reported pairs' comparison levels in compact columns (for the store). */
  keepLevels?: boolean;
  /** A steward's decisions: golden records stay together, "not the same" pairs apart, labels re-estimate m. */
  decisions?: Decisions;
}

/** The clustering constraints of the decisions, as record indices of `p`. */
export function constraintsOf(p: Prepared, decisions: Decisions | undefined): { initial?: Int32Array; cannotLink?: Int32Array } {
  if (!decisions) return {};
  const index = new Map<number, number>();
  p.ids.forEach((id, i) => index.set(id, i));
  return {
    initial: decisions.together.size > 0 ? seedsOf(p.ids, decisions.together) : undefined,
    cannotLink: decisions.apart.length > 0 ? cannotLinkOf(index, decisions.apart) : undefined,
  };
}

/**
 * The default link threshold: a pair must be nine times likelier a match than
 * not. EM-fitted weights are overconfident (the independence assumption
 * double-counts correlated fields such as street and postcode), so 0.8 would
 * gain recall on the benchmarks but links households (same surname and
 * address, different people) at about 0.83; merges are costly to undo, so
 * the default leans to precision.
 */
export const DEFAULT_THRESHOLD = 0.9;

export function comparisonsOf(model: MatchModel): Comparison[] {
  return model.comparisons.map((c) => comparisonByName(c.name));
}

export function rulesOf(model: MatchModel): BlockingRule[] {
  return model.blockingRules.map(ruleByName);
}

/** Candidate pairs of raw records; a and b are indices into `records`. */
export function findCandidatePairs(
  records: readonly MatchRecord[], rules?: readonly string[], opts: { mode?: LinkMode; maxBlockSize?: number } = {},
): CandidatePairs {
  const p = prepareRecords(records);
  return findCandidatePairsPrepared(p, rules ? rules.map(ruleByName) : defaultRules(p), opts);
}

async function trainPrepared(p: Prepared, opts: MatchOptions): Promise<{ model: MatchModel; comps: Comparison[]; run: BlockedRun }> {
  const comps = chooseComparisons(p);
  const run = await blockAndCompare(p, comps, defaultRules(p), opts);
  opts.onProgress?.({ step: 'train', done: 0, total: 1 });
  const unlabelled = estimateModel(p, comps, run.cands, run.gammas, { mode: opts.mode ?? 'dedupe', threshold: opts.threshold ?? DEFAULT_THRESHOLD });
  const model = opts.decisions ? learnFromLabels(unlabelled, p, comps, opts.decisions) : unlabelled;
  opts.onProgress?.({ step: 'train', done: 1, total: 1 });
  return { model, comps, run };
}

/** Trains a model on the records' own candidate pairs, without labels. */
export async function trainModel(records: readonly MatchRecord[], opts: MatchOptions = {}): Promise<MatchModel> {
  return (await trainPrepared(prepareRecords(records), opts)).model;
}

/** Scores given pairs of records (by id) with their full waterfalls. */
export function scorePairs(
  model: MatchModel, records: readonly MatchRecord[], pairs: readonly { a: number; b: number }[],
): ScoredPair[] {
  const p = prepareRecords(records);
  const index = new Map(p.ids.map((id, i) => [id, i]));
  const comps = comparisonsOf(model);
  const s = makeScorer(model);
  return pairs.map(({ a, b }) => {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) throw new Error(`unknown record in pair ${a}-${b}`);
    return explainPair(model, s, comps, p, i, j, '');
  });
}

export interface Finished {
  p: Prepared;
  comps: Comparison[];
  model: MatchModel;
  run: BlockedRun;
  weights: Float64Array;
  labels: Int32Array;
}

/** Builds the public result: cluster map, reported pairs with waterfalls, stats. */
export function toResult(f: Finished, opts: MatchOptions): MatchResult {
  const { p, run, weights, model, comps } = f;
  const s = makeScorer(model);
  const reportWeight = weightFromProbability(opts.reportThreshold ?? model.threshold);
  const pairs: ScoredPair[] = [];
  for (let x = 0; x < run.cands.count && opts.explain !== false; x++) {
    if (weights[x] < reportWeight) continue;
    const i = run.cands.a[x];
    const j = run.cands.b[x];
    pairs.push(explainPair(model, s, comps, p, i, j, run.cands.rules[run.cands.rule[x]].name));
  }
  pairs.sort((x, y) => y.weight - x.weight);
  const clusters = new Map<number, number>();
  for (let i = 0; i < p.n; i++) clusters.set(p.ids[i], p.ids[f.labels[i]]);
  const levels = opts.keepLevels ? reportedPairs(f, reportWeight) : undefined;
  return { model, pairs, clusters, blockingStats: run.cands.stats, comparisons: run.cands.count, levels };
}

function reportedPairs(f: Finished, reportWeight: number): ReportedPairs {
  const { p, run, weights } = f;
  const k = f.comps.length;
  const picked: number[] = [];
  for (let x = 0; x < run.cands.count; x++) if (weights[x] >= reportWeight) picked.push(x);
  const out: ReportedPairs = {
    count: picked.length, a: new Int32Array(picked.length), b: new Int32Array(picked.length),
    weight: new Float64Array(picked.length), levels: new Uint8Array(picked.length * k), rule: [],
  };
  picked.forEach((x, y) => {
    out.a[y] = p.ids[run.cands.a[x]];
    out.b[y] = p.ids[run.cands.b[x]];
    out.weight[y] = weights[x];
    out.levels.set(run.gammas.subarray(x * k, x * k + k), y * k);
    out.rule.push(run.cands.rules[run.cands.rule[x]].name);
  });
  return out;
}

/**
 * Matches a whole set of records: train, score, cluster. Deliberately not
 * async: once prepared, the raw records are no longer referenced by this
 * frame, so at a million records (≈ 0.7 GB of objects) the garbage collector
 * can free them before comparing, if the caller lets go of them too.
 */
export function matchRecords(records: readonly MatchRecord[], opts: MatchOptions = {}): Promise<MatchResult> {
  try {
    opts.signal?.throwIfAborted();
  } catch (e) {
    return Promise.reject(e);
  }
  const n = records.length;
  opts.onProgress?.({ step: 'prepare', done: 0, total: n });
  const p = prepareRecords(records);
  opts.onProgress?.({ step: 'prepare', done: n, total: n });
  return matchPrepared(p, opts);
}

/** Matches records already prepared (a project's, prepared on two threads: project/prepare-project.ts). */
export async function matchPrepared(p: Prepared, opts: MatchOptions): Promise<MatchResult> {
  const { model, comps, run } = await trainPrepared(p, opts);
  const weights = await weighRun(model, p, comps, run, opts);
  opts.signal?.throwIfAborted();
  opts.onProgress?.({ step: 'cluster', done: 0, total: 1 });
  const edges = { count: run.cands.count, a: run.cands.a, b: run.cands.b, weight: weights };
  const labels = clusterIndices(p.n, p.ids, edges, { thresholdWeight: weightFromProbability(model.threshold), minDensity: opts.minDensity, ...constraintsOf(p, opts.decisions) });
  opts.onProgress?.({ step: 'cluster', done: 1, total: 1 });
  return toResult({ p, comps, model, run, weights, labels }, opts);
}

export { probabilityFromWeight };
