/**
 * Matching a whole project: load its customers, run the engine, store the
 * results (model, reported pairs with levels, entities, blocking stats) in
 * one transaction. The same function serves the job, the CLI and the bench.
 */
import type { Db } from '../../store/open-project.ts';
import { currentMatchRun, saveMatchRun, storedClusters } from '../match-repo.ts';
import { matchPrepared, DEFAULT_THRESHOLD } from '../match-records.ts';
import { matchIncremental } from '../incremental.ts';
import type { MatchProgress, MatchResult, RunOptions } from '../types.ts';
import { changedRecordIds, loadMatchRecords, loadMatchRecordsById, maxChangeSeq, maxCustomerId } from './load-records.ts';
import { prepareProject } from './prepare-project.ts';
import { readDecisions } from './read-decisions.ts';

export interface DedupeRequest {
  /** 'new': match only customers imported (or changed) since the last run against the stored entities, with the stored model. */
  scope?: 'all' | 'new';
  threshold?: number;
  /** Worker threads for comparing pairs (the machine's cores by default). */
  workers?: number;
}

export interface DedupeSummary {
  runId: number;
  kind: 'full' | 'incremental';
  records: number;
  newRecords: number;
  comparisons: number;
  pairs: number;
  clusters: number;
  seconds: number;
}

/**
 * Pairs below the link threshold but at least this likely are stored too, so
 * a reviewer sees the near misses and why they missed. Not lower: at a
 * million records every extra tenth of probability is millions of rows.
 */
export const REPORT_THRESHOLD = 0.8;

export type DedupeProgress = MatchProgress | { step: 'load' | 'save'; done: number; total: number };

function countClusters(clusters: ReadonlyMap<number, number>): number {
  const size = new Map<number, number>();
  for (const c of clusters.values()) size.set(c, (size.get(c) ?? 0) + 1);
  let n = 0;
  for (const s of size.values()) if (s > 1) n++;
  return n;
}

async function runEngine(db: Db, req: DedupeRequest, maxId: number, opts: RunOptions): Promise<{ result: MatchResult; kind: 'full' | 'incremental'; records: number; newRecords: number; rematched?: number[] }> {
  const previous = currentMatchRun(db);
  // Decisions constrain every run: golden records stay together, "not the same" pairs apart; labels re-train m.
  const common = { ...opts, keepLevels: true, explain: false, workers: req.workers, reportThreshold: REPORT_THRESHOLD, decisions: readDecisions(db) };
  if (req.scope === 'new' && previous) {
    // Records a steward changed since the run are matched again, like new ones: they leave their
    // entity (the others keep theirs) and join whatever their new values match.
    const changed = changedRecordIds(db, previous.maxCustomerId, previous.maxChangeSeq);
    const changedSet = new Set(changed);
    const existing = loadMatchRecords(db, { toId: previous.maxCustomerId }).filter((r) => !changedSet.has(r.id));
    const fresh = [...loadMatchRecordsById(db, changed), ...loadMatchRecords(db, { fromId: previous.maxCustomerId, toId: maxId })];
    const clusters = storedClusters(db);
    for (const id of changed) clusters.delete(id);
    const model = req.threshold ? { ...previous.model, threshold: req.threshold } : previous.model;
    const result = await matchIncremental({ records: existing, clusters }, fresh, model, common);
    return { result, kind: 'incremental', records: existing.length + fresh.length, newRecords: fresh.length, rematched: changed };
  }
  // Loaded and prepared on two threads; the raw records are gone once prepared.
  const p = await prepareProject(db, maxId, common);
  const result = await matchPrepared(p, { ...common, threshold: req.threshold ?? DEFAULT_THRESHOLD });
  const count = result.clusters.size;
  return { result, kind: 'full', records: count, newRecords: count };
}

export async function dedupeProject(
  db: Db, req: DedupeRequest, opts: { signal?: RunOptions['signal']; onProgress?: (p: DedupeProgress) => void } = {},
): Promise<DedupeSummary> {
  const started = performance.now();
  opts.onProgress?.({ step: 'load', done: 0, total: 1 });
  const maxId = maxCustomerId(db);
  const seenSeq = maxChangeSeq(db);
  const { result, kind, records, newRecords, rematched } = await runEngine(db, req, maxId, opts);
  opts.signal?.throwIfAborted();
  opts.onProgress?.({ step: 'save', done: 0, total: 1 });
  const seconds = (performance.now() - started) / 1000;
  const pairs = result.levels!;
  const runId = saveMatchRun(db, {
    kind, seconds, model: result.model, reportThreshold: REPORT_THRESHOLD, blocking: result.blockingStats,
    records, comparisons: result.comparisons, maxCustomerId: maxId, maxChangeSeq: seenSeq, rematched, pairs, clusters: result.clusters,
  });
  opts.onProgress?.({ step: 'save', done: 1, total: 1 });
  return { runId, kind, records, newRecords, comparisons: result.comparisons, pairs: pairs.count, clusters: countClusters(result.clusters), seconds };
}
