/**
 * Matches records imported later against existing entities with a stored
 * model: only pairs that involve a new record are blocked and scored, the
 * existing clusters are kept as they are (seeded into the clustering), and a
 * new record joins an entity, or links two, under the same anti-chaining rule
 * as a full run.
 */
import type { MatchModel, MatchRecord, MatchResult, RunOptions } from './types.ts';
import { prepareRecords } from './prepare.ts';
import { blockAndCompare, weighRun } from './pipeline.ts';
import { clusterIndices, joinPartitions } from './cluster.ts';
import { weightFromProbability } from './score.ts';
import { comparisonsOf, constraintsOf, rulesOf, toResult, type MatchOptions } from './match-records.ts';

export interface ExistingEntities {
  records: readonly MatchRecord[];
  /** Record id → cluster id from an earlier run; records absent here are singletons. */
  clusters: ReadonlyMap<number, number>;
}

export async function matchIncremental(
  existing: ExistingEntities, newRecords: readonly MatchRecord[], model: MatchModel,
  opts: RunOptions & Pick<MatchOptions, 'minDensity' | 'maxBlockSize' | 'explain' | 'reportThreshold' | 'keepLevels' | 'workers' | 'decisions'> = {},
): Promise<MatchResult> {
  const all = [...existing.records, ...newRecords];
  const p = prepareRecords(all);
  const comps = comparisonsOf(model);
  const run = await blockAndCompare(p, comps, rulesOf(model), {
    ...opts, mode: model.mode, newFrom: existing.records.length,
  });
  const weights = await weighRun(model, p, comps, run, opts);
  opts.signal?.throwIfAborted();
  const edges = { count: run.cands.count, a: run.cands.a, b: run.cands.b, weight: weights };
  // Existing entities and golden records seed the clustering; "not the same" pairs stay apart.
  const together = joinPartitions(existing.clusters, opts.decisions?.together ?? new Map());
  const labels = clusterIndices(p.n, p.ids, edges, {
    thresholdWeight: weightFromProbability(model.threshold),
    minDensity: opts.minDensity,
    ...constraintsOf(p, { together, apart: opts.decisions?.apart ?? [], labelled: [] }),
  });
  return toResult({ p, comps, model, run, weights, labels }, opts);
}
