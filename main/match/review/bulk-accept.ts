/**
 * Accepting every cluster to review whose weakest link reaches a threshold
 * the user chose, after saying how many that is. One 'merge' batch, so one
 * undo takes it all back. Written as fast as the write path allows: the
 * selection is read once, each cluster's golden id worked out in memory,
 * and the clusters marked merged in one statement afterwards (rather than
 * recomputed one by one).
 *
 * A bulk accept records no labels: it is the model's own confident guess,
 * not a steward's judgement, so learning from it would only teach the model
 * what it already believes. Golden membership keeps the clusters together.
 */
import type { BulkPreview, BulkResult, QueueFilter } from '../../../shared/channels/merge.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Cancellation } from '../../lib/cancellation.ts';
import { writeBatch, type ChangeRequest } from '../../store/change-writer.ts';
import type { Db } from '../../store/open-project.ts';
import { durably } from '../../store/durable-commit.ts';
import { refreshDirtyClusters } from './cluster-stats.ts';
import { mergeSummary } from './queue-queries.ts';

export type BulkFilter = Omit<QueueFilter, 'status'>;

function selection(threshold: number, f: BulkFilter): { sql: string; params: (string | number)[] } {
  const parts = ["k.status = 'review'", 'k.weakest >= ?'];
  const params: (string | number)[] = [threshold];
  if (f.sourceIds?.length) {
    parts.push(`(${f.sourceIds.map(() => 'instr(k.source_ids, ?) > 0').join(' OR ')})`);
    params.push(...f.sourceIds.map((id) => `,${id},`));
  }
  if (f.minProbability !== undefined) (parts.push('k.weakest >= ?'), params.push(f.minProbability));
  if (f.maxProbability !== undefined) (parts.push('k.weakest <= ?'), params.push(f.maxProbability));
  if (f.minSize !== undefined) (parts.push('k.size >= ?'), params.push(f.minSize));
  if (f.maxSize !== undefined) (parts.push('k.size <= ?'), params.push(f.maxSize));
  return { sql: parts.join(' AND '), params };
}

export function bulkPreview(db: Db, threshold: number, filter: BulkFilter): BulkPreview {
  refreshDirtyClusters(db);
  const w = selection(threshold, filter);
  const row = db.prepare(
    `SELECT count(DISTINCT k.id) clusters, count(m.customer_id) records, count(DISTINCT coalesce(g.golden_id, m.customer_id)) entities
     FROM match_clusters k JOIN match_members m ON m.cluster_id = k.id LEFT JOIN golden_members g ON g.customer_id = m.customer_id WHERE ${w.sql}`,
  ).get(...w.params) as { clusters: number; records: number; entities: number };
  // Each cluster becomes one golden record: the golden records (or lone customers) it holds now become one.
  return { threshold, clusters: row.clusters, records: row.records, goldenRecordsAfter: mergeSummary(db).goldenRecords - (row.entities - row.clusters) };
}

export interface BulkOptions {
  actor: string;
  expectClusters?: number;
  signal?: Cancellation;
  onProgress?: (p: { step: 'accept'; done: number; total: number }) => void;
}

/** The selected clusters' members, cluster by cluster, with each cluster's golden id (its smallest member's, and its golden records' members). */
function plan(db: Db, w: { sql: string; params: (string | number)[] }): { clusters: number[]; members: Map<number, number[]>; grown: number[] } {
  const rows = db.prepare(
    `SELECT k.id, m.customer_id, g.golden_id FROM match_clusters k JOIN match_members m ON m.cluster_id = k.id
     LEFT JOIN golden_members g ON g.customer_id = m.customer_id WHERE ${w.sql} ORDER BY k.id, m.customer_id`,
  ).raw().all(...w.params) as [number, number, number | null][];
  const members = new Map<number, number[]>();
  const goldens = new Map<number, Set<number>>();
  for (const [k, id, g] of rows) {
    const list = members.get(k) ?? [];
    list.push(id);
    members.set(k, list);
    if (g !== null) (goldens.get(k) ?? goldens.set(k, new Set()).get(k)!).add(g);
  }
  // A golden record partly outside its cluster (rare: seeding keeps them whole) comes along whole.
  const extra = db.prepare('SELECT customer_id FROM golden_members WHERE golden_id = ?').pluck();
  const grown: number[] = [];
  for (const [k, gs] of goldens) {
    const list = members.get(k)!;
    const before = list.length;
    const have = new Set(list);
    for (const g of gs) for (const id of extra.all(g) as number[]) if (!have.has(id)) (list.push(id), have.add(id));
    if (list.length > before) grown.push(k);
  }
  return { clusters: [...members.keys()], members, grown };
}

export function bulkAccept(db: Db, threshold: number, filter: BulkFilter, opts: BulkOptions): BulkResult {
  const started = performance.now();
  refreshDirtyClusters(db);
  // The commit is synced (synchronous = FULL): a merge said to be done survives a power cut.
  return durably(db, () => db.transaction(() => {
    const w = selection(threshold, filter);
    const { clusters, members, grown } = plan(db, w);
    if (opts.expectClusters !== undefined && opts.expectClusters !== clusters.length) {
      throw new AppError('invalid_input', `The queue changed since the preview: ${clusters.length} clusters are now above ${threshold}, not ${opts.expectClusters}. Look at the new count and accept again.`);
    }
    let records = 0;
    for (const list of members.values()) records += list.length;
    const requests = function* (): Generator<ChangeRequest> {
      for (const list of members.values()) {
        const golden = Math.min(...list);
        for (const id of list) yield { customerId: id, entity: 'golden', field: 'golden_id', after: golden, reason: 'bulk_accept' };
      }
    };
    const r = writeBatch(db, {
      kind: 'merge', actor: opts.actor, description: `Merged ${clusters.length} clusters (${records} records) at or above ${threshold}`,
      params: { action: 'bulk_accept', threshold, clusters: clusters.length, records },
    }, requests(), { signal: opts.signal, onProgress: (done) => opts.onProgress?.({ step: 'accept', done, total: records }) });
    // Each accepted cluster is now exactly one golden record (unless one came along with members outside it: recomputed when read).
    const whole = new Set(clusters);
    for (const k of grown) whole.delete(k);
    db.prepare("UPDATE match_clusters SET status = 'merged', dirty = 0 WHERE id IN (SELECT value FROM json_each(?))").run(JSON.stringify([...whole]));
    return { clusters: clusters.length, records, batchId: r.batchId, seconds: (performance.now() - started) / 1000 };
  }).immediate());
}
