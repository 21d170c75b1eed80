/**
 * Writes and reads the results of matching runs (003-match.sql). A run's
 * results replace the previous ones in one transaction, so until it commits
 * every reader sees the previous run's results.
 */
import type { BlockingRuleStats, MatchModel, ReportedPairs } from './types.ts';
import { probabilityFromWeight } from './score.ts';
import { refreshClusters } from './review/cluster-stats.ts';
import type { Db } from '../store/open-project.ts';

export interface MatchRunToSave {
  kind: 'full' | 'incremental';
  seconds: number;
  model: MatchModel;
  reportThreshold: number;
  blocking: BlockingRuleStats[];
  records: number;
  comparisons: number;
  maxCustomerId: number;
  /** The newest change_log id the run saw. */
  maxChangeSeq: number;
  /** Records matched again because they changed (incremental): their earlier pairs are replaced. */
  rematched?: readonly number[];
  pairs: ReportedPairs;
  /** customer id → cluster id for every matched record. */
  clusters: ReadonlyMap<number, number>;
}

export interface StoredRun {
  id: number;
  kind: 'full' | 'incremental';
  finishedAt: string;
  seconds: number;
  model: MatchModel;
  threshold: number;
  reportThreshold: number;
  blocking: BlockingRuleStats[];
  records: number;
  comparisons: number;
  maxCustomerId: number;
  maxChangeSeq: number;
}

function writePairs(db: Db, run: MatchRunToSave): void {
  const k = run.model.comparisons.length;
  const insert = db.prepare('INSERT OR REPLACE INTO match_pairs (a, b, weight, probability, levels, rule) VALUES (?, ?, ?, ?, ?, ?)');
  const { pairs } = run;
  for (let x = 0; x < pairs.count; x++) {
    const [a, b] = pairs.a[x] < pairs.b[x] ? [pairs.a[x], pairs.b[x]] : [pairs.b[x], pairs.a[x]];
    let levels = k ? String(pairs.levels[x * k]) : '';
    for (let c = 1; c < k; c++) levels += `,${pairs.levels[x * k + c]}`;
    insert.run(a, b, pairs.weight[x], probabilityFromWeight(pairs.weight[x]), levels, pairs.rule[x]);
  }
}

/**
 * Members of entities of two or more; their probabilities (strongest link
 * inside the entity), each cluster's size, sources, weakest link and status
 * are computed from the stored pairs by refreshClusters, the same code that
 * recomputes a cluster after a decision.
 */
function writeMembers(db: Db, run: MatchRunToSave): void {
  const size = new Map<number, number>();
  for (const c of run.clusters.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const member = db.prepare('INSERT INTO match_members (customer_id, cluster_id, probability) VALUES (?, ?, 0)');
  for (const [id, c] of run.clusters) if (size.get(c)! > 1) member.run(id, c);
}

export function saveMatchRun(db: Db, run: MatchRunToSave): number {
  return db.transaction(() => {
    db.prepare("UPDATE match_runs SET status = 'superseded' WHERE status = 'current'").run();
    const { lastInsertRowid } = db.prepare(
      `INSERT INTO match_runs (kind, status, finished_at, seconds, model_json, threshold, report_threshold, blocking_json, records, comparisons, max_customer_id, max_change_seq)
       VALUES (?, 'current', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(run.kind, new Date().toISOString(), run.seconds, JSON.stringify(run.model), run.model.threshold, run.reportThreshold,
      JSON.stringify(run.blocking), run.records, run.comparisons, run.maxCustomerId, run.maxChangeSeq);
    // An incremental run adds pairs of new records to the stored ones (a changed record's old pairs
    // are replaced by its new ones); a full run starts over.
    if (run.kind === 'full') db.prepare('DELETE FROM match_pairs').run();
    else if (run.rematched?.length) {
      db.prepare('DELETE FROM match_pairs WHERE a IN (SELECT value FROM json_each(@ids)) OR b IN (SELECT value FROM json_each(@ids))').run({ ids: JSON.stringify(run.rematched) });
    }
    db.prepare('DELETE FROM match_members').run();
    db.prepare('DELETE FROM match_clusters').run();
    writePairs(db, run);
    writeMembers(db, run);
    refreshClusters(db, null);
    return Number(lastInsertRowid);
  })();
}

interface RunRow {
  id: number; kind: 'full' | 'incremental'; finished_at: string; seconds: number; model_json: string; threshold: number;
  report_threshold: number; blocking_json: string; records: number; comparisons: number; max_customer_id: number; max_change_seq: number;
}

export function currentMatchRun(db: Db): StoredRun | null {
  const r = db.prepare("SELECT * FROM match_runs WHERE status = 'current'").get() as RunRow | undefined;
  if (!r) return null;
  return {
    id: r.id, kind: r.kind, finishedAt: r.finished_at, seconds: r.seconds, model: JSON.parse(r.model_json) as MatchModel,
    threshold: r.threshold, reportThreshold: r.report_threshold, blocking: JSON.parse(r.blocking_json) as BlockingRuleStats[],
    records: r.records, comparisons: r.comparisons, maxCustomerId: r.max_customer_id, maxChangeSeq: r.max_change_seq,
  };
}

/** customer id → cluster id for records in entities of two or more. */
export function storedClusters(db: Db): Map<number, number> {
  const out = new Map<number, number>();
  for (const [id, c] of db.prepare('SELECT customer_id, cluster_id FROM match_members').raw(true).iterate() as Iterable<[number, number]>) out.set(id, c);
  return out;
}
