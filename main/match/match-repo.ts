/**
 * Writes and reads the results of matching runs (003-match.sql). A run's
 * results replace the previous ones in one transaction, so until it commits
 * every reader sees the previous run's results.
 */
import type { BlockingRuleStats, MatchModel, ReportedPairs } from './types.ts';
import { probabilityFromWeight } from './score.ts';
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
 * A member's probability is its strongest stored link inside its entity
 * (links are ≥ threshold ≥ report threshold, so stored). A full run stored
 * exactly this run's pairs, so it is computed from them here; an incremental
 * run's table also holds earlier runs' pairs, so SQL reads them all.
 */
function writeClusters(db: Db, run: MatchRunToSave): void {
  const { clusters, pairs } = run;
  const size = new Map<number, number>();
  for (const c of clusters.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const member = db.prepare('INSERT INTO match_members (customer_id, cluster_id, probability) VALUES (?, ?, ?)');
  if (run.kind === 'full') {
    const strongest = new Map<number, number>();
    for (let x = 0; x < pairs.count; x++) {
      const a = pairs.a[x];
      const b = pairs.b[x];
      const c = clusters.get(a);
      if (c === undefined || c !== clusters.get(b)) continue;
      const pr = probabilityFromWeight(pairs.weight[x]);
      if (!(pr <= (strongest.get(a) ?? -1))) strongest.set(a, pr);
      if (!(pr <= (strongest.get(b) ?? -1))) strongest.set(b, pr);
    }
    for (const [id, c] of clusters) if (size.get(c)! > 1) member.run(id, c, strongest.get(id) ?? 0);
  } else {
    for (const [id, c] of clusters) if (size.get(c)! > 1) member.run(id, c, 0);
    db.exec(`UPDATE match_members SET probability = coalesce((
        SELECT max(p.probability) FROM match_pairs p JOIN match_members o ON o.customer_id = p.b
        WHERE p.a = match_members.customer_id AND o.cluster_id = match_members.cluster_id), 0)`);
    db.exec(`UPDATE match_members SET probability = max(probability, coalesce((
        SELECT max(p.probability) FROM match_pairs p JOIN match_members o ON o.customer_id = p.a
        WHERE p.b = match_members.customer_id AND o.cluster_id = match_members.cluster_id), 0))`);
  }
  db.exec(`INSERT INTO match_clusters (id, size, sources, min_probability, max_probability)
      SELECT m.cluster_id, count(*), count(DISTINCT c.source_id), min(m.probability), max(m.probability)
      FROM match_members m JOIN customers c ON c.id = m.customer_id GROUP BY m.cluster_id`);
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
    writeClusters(db, run);
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
