/**
 * The shared steps of a matching run on prepared records: blocking, comparison
 * vectors, scoring and clustering. matchRecords trains on the run's own pairs;
 * matchIncremental reuses a stored model.
 */
import type { Comparison } from './comparisons.ts';
import type { Prepared } from './prepare.ts';
import type { MatchModel, RunOptions } from './types.ts';
import { findCandidatePairsPrepared, type BlockingOptions, type CandidatePairs } from './blocking.ts';
import type { BlockingRule } from './blocking-rules.ts';
import { computeGammas } from './gammas.ts';
import { computeGammasParallel } from './parallel.ts';
import { scoreGammas } from './score.ts';

export interface BlockedRun {
  cands: CandidatePairs;
  gammas: Uint8Array;
}

export interface PipelineOptions extends RunOptions, BlockingOptions {
  /** Worker threads for comparison vectors; 0 or 1 computes on this thread. */
  workers?: number;
}

export async function blockAndCompare(
  p: Prepared, comps: readonly Comparison[], rules: BlockingRule[], opts: PipelineOptions,
): Promise<BlockedRun> {
  opts.signal?.throwIfAborted();
  opts.onProgress?.({ step: 'block', done: 0, total: rules.length });
  const cands = findCandidatePairsPrepared(p, rules, opts);
  opts.onProgress?.({ step: 'block', done: rules.length, total: rules.length });
  const parallel = (opts.workers ?? 1) > 1 && cands.count > 200_000;
  const gammas = parallel
    ? await computeGammasParallel(p, comps, cands.a, cands.b, { ...opts, workers: opts.workers ?? 2 })
    : await computeGammas(p, comps, cands.a, cands.b, opts);
  return { cands, gammas };
}

export async function weighRun(
  model: MatchModel, p: Prepared, comps: readonly Comparison[], run: BlockedRun, opts: RunOptions,
): Promise<Float64Array> {
  return scoreGammas(model, p, comps, run.cands.a, run.gammas, opts);
}
