/**
 * The review queue as the reviewer walks it: pages of suggested clusters
 * (to review, merged) and rejected ones, sorted and filtered in SQL, a
 * cluster's place and neighbours in that list, and the counts for the
 * view's header. Clusters marked dirty by decisions are recomputed first.
 */
import type { MergeSummary, QueuePosition, QueueRow, QueueView } from '../../../shared/channels/merge.ts';
import type { Db } from '../../store/open-project.ts';
import { currentMatchRun } from '../match-repo.ts';
import { refreshDirtyClusters } from './cluster-stats.ts';
import { uncertainty } from './weakest-link.ts';
import { customerLabelSql } from '../../store/customer-label.ts';

const ORDER = {
  // Weakest link nearest a coin toss first: links are ≥ 0.5 in a cluster, so the lowest first.
  uncertainty: 'q.weakest ASC, q.id',
  size: 'q.size DESC, q.weakest ASC, q.id',
  probability: 'q.max_probability DESC, q.id',
  id: 'q.id',
} as const;

type Params = (string | number)[];

function filterSql(f: QueueView['filter'], alias: string): { sql: string; params: Params } {
  const parts: string[] = [];
  const params: Params = [];
  if (f.sourceIds?.length) {
    parts.push(`(${f.sourceIds.map(() => `instr(${alias}.source_ids, ?) > 0`).join(' OR ')})`);
    params.push(...f.sourceIds.map((id) => `,${id},`));
  }
  if (f.minProbability !== undefined) (parts.push(`${alias}.weakest >= ?`), params.push(f.minProbability));
  if (f.maxProbability !== undefined) (parts.push(`${alias}.weakest <= ?`), params.push(f.maxProbability));
  if (f.minSize !== undefined) (parts.push(`${alias}.size >= ?`), params.push(f.minSize));
  if (f.maxSize !== undefined) (parts.push(`${alias}.size <= ?`), params.push(f.maxSize));
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** The rows of a view as one subquery q(id, status, size, source_ids, weakest, max_probability, rejected_batch). */
function viewRows(view: QueueView): { sql: string; params: Params } {
  const parts: string[] = [];
  const params: Params = [];
  const status = view.filter.status;
  if (status !== 'rejected') {
    const f = filterSql(view.filter, 'k');
    const which = status === 'all' ? '' : ' AND k.status = ?';
    parts.push(`SELECT k.id, k.status, k.size, k.source_ids, k.weakest, k.weakest_a, k.max_probability, NULL rejected_batch FROM match_clusters k WHERE 1${which}${f.sql}`);
    if (status !== 'all') params.push(status);
    params.push(...f.params);
  }
  if (status === 'rejected' || status === 'all') {
    const f = filterSql(view.filter, 'r');
    // Listed while the rejection stands: an undo of it takes the label, and the row, away.
    parts.push(`SELECT r.cluster_id id, 'rejected' status, r.size size, r.source_ids source_ids, r.weakest weakest, r.a weakest_a, r.max_probability max_probability, r.batch_id rejected_batch FROM match_rejections r
      WHERE EXISTS (SELECT 1 FROM match_labels l WHERE l.a = r.a AND l.b = r.b AND l.label = 'different')${f.sql}`);
    params.push(...f.params);
  }
  return { sql: parts.join(' UNION ALL '), params };
}

interface RawRow {
  id: number; status: QueueRow['status']; size: number; source_ids: string; weakest: number | null; weakest_a: number | null;
  max_probability: number; rejected_batch: number | null; label: string | null; golden: number | null;
}

function sourceNames(db: Db): Map<number, string> {
  return new Map(db.prepare('SELECT id, file_name FROM sources').raw().all() as [number, string][]);
}

function toRow(r: RawRow, names: Map<number, string>): QueueRow {
  const sourceIds = r.source_ids.split(',').filter(Boolean).map(Number);
  // Clusters joined only by decisions (no stored link spans them) have no weakest link.
  const weakest = r.weakest_a === null ? null : r.weakest;
  return {
    id: r.id, status: r.status, size: r.size, sourceIds, sources: sourceIds.map((s) => names.get(s) ?? ''), weakest,
    maxProbability: r.max_probability, uncertainty: uncertainty(weakest), label: r.label ?? '', goldenId: r.status === 'merged' ? r.golden : null,
    rejectedBatch: r.rejected_batch,
  };
}

export function queuePage(db: Db, view: QueueView & { startRow: number; endRow: number }): { rows: QueueRow[]; lastRow: number } {
  refreshDirtyClusters(db);
  const limit = Math.max(0, Math.min(1000, view.endRow - view.startRow));
  const q = viewRows(view);
  const rows = db.prepare(
    `SELECT q.*, ${customerLabelSql('c')} label, g.golden_id golden
     FROM (${q.sql}) q LEFT JOIN customers c ON c.id = q.id LEFT JOIN golden_members g ON g.customer_id = q.id
     ORDER BY ${ORDER[view.sort]} LIMIT ? OFFSET ?`,
  ).all(...q.params, limit, view.startRow) as RawRow[];
  const total = db.prepare(`SELECT count(*) FROM (${q.sql})`).pluck().get(...q.params) as number;
  const names = sourceNames(db);
  return { rows: rows.map((r) => toRow(r, names)), lastRow: total };
}

/** Where a cluster sorts: the columns ORDER sorts by, as they were when it was last listed. */
interface SortKey { id: number; weakest: number | null; size: number; max_probability: number }

/**
 * The columns of each order, ascending or descending, to say "sorts after".
 * ORDER itself stays as written (its plain columns let SQLite walk the queue index).
 */
const KEYS: Record<QueueView['sort'], [keyof SortKey, 'asc' | 'desc'][]> = {
  uncertainty: [['weakest', 'asc'], ['id', 'asc']],
  size: [['size', 'desc'], ['weakest', 'asc'], ['id', 'asc']],
  probability: [['max_probability', 'desc'], ['id', 'asc']],
  id: [['id', 'asc']],
};

/**
 * SQL that holds for rows sorting strictly after (or before) `key` in `sort`.
 * SQLite sorts NULL below every number (first ascending, last descending), so
 * "c after k" is spelt out for a NULL weakest link rather than left to `>`.
 */
function sortsBeyond(sort: QueueView['sort'], key: SortKey, after: boolean): { sql: string; params: Params } {
  const params: Params = [];
  const beyond = (col: string, asc: boolean, k: number | null): string => {
    const up = asc === after;
    if (k === null) return up ? `q.${col} IS NOT NULL` : '0';
    params.push(k);
    return up ? `q.${col} > ?` : `(q.${col} < ? OR q.${col} IS NULL)`;
  };
  // Lexicographic: beyond on the first column, or equal there and beyond on the rest (placeholders bound in order).
  const build = ([[col, dir], ...rest]: [keyof SortKey, 'asc' | 'desc'][]): string => {
    const strictly = beyond(col, dir === 'asc', key[col]);
    if (rest.length === 0) return strictly;
    const k = key[col];
    const tie = k === null ? `q.${col} IS NULL` : (params.push(k), `q.${col} = ?`);
    return `(${strictly} OR (${tie} AND ${build(rest)}))`;
  };
  return { sql: build(KEYS[sort]), params };
}

/** Where a cluster that is not in the list would sort: as it stands (another status), else as it was when last rejected. */
function keyOutside(db: Db, id: number): SortKey | undefined {
  return (db.prepare('SELECT id, weakest, size, max_probability FROM match_clusters WHERE id = ?').get(id) as SortKey | undefined)
    ?? (db.prepare('SELECT cluster_id id, weakest, size, max_probability FROM match_rejections WHERE cluster_id = ? ORDER BY batch_id DESC LIMIT 1').get(id) as SortKey | undefined);
}

/**
 * A cluster's place in a list and its neighbours. A cluster not in the list
 * (just decided, or filtered out) has no place, but its neighbours are those
 * around where it would sort: `next` is the one after where it was, so the
 * reviewer carries on in the order they were working in, not from the top.
 * A cluster known nowhere (split into single records) has no neighbours.
 */
export function queuePosition(db: Db, view: QueueView & { id: number }): QueuePosition {
  refreshDirtyClusters(db);
  const q = viewRows(view);
  const total = db.prepare(`SELECT count(*) FROM (${q.sql})`).pluck().get(...q.params) as number;
  const listed = db.prepare(`SELECT q.id, q.weakest, q.size, q.max_probability FROM (${q.sql}) q WHERE q.id = ? LIMIT 1`).get(...q.params, view.id) as SortKey | undefined;
  const key = listed ?? keyOutside(db, view.id);
  if (!key) return { index: null, total, previous: null, next: null };
  const neighbour = (after: boolean): number | null => {
    const b = sortsBeyond(view.sort, key, after);
    const order = after ? ORDER[view.sort] : KEYS[view.sort].map(([col, dir]) => `q.${col} ${dir === 'asc' ? 'DESC' : 'ASC'}`).join(', ');
    return (db.prepare(`SELECT q.id FROM (${q.sql}) q WHERE ${b.sql} ORDER BY ${order} LIMIT 1`).pluck().get(...q.params, ...b.params) as number | undefined) ?? null;
  };
  const before = sortsBeyond(view.sort, key, false);
  const index = listed ? db.prepare(`SELECT count(*) FROM (${q.sql}) q WHERE ${before.sql}`).pluck().get(...q.params, ...before.params) as number : null;
  return { index, total, previous: neighbour(false), next: neighbour(true) };
}

export function mergeSummary(db: Db): MergeSummary {
  refreshDirtyClusters(db);
  const one = (sql: string): number => db.prepare(sql).pluck().get() as number;
  const run = currentMatchRun(db);
  const customers = one('SELECT count(*) FROM customers');
  // Members of withdrawn sources stay in golden_members (brought back, they are where they were) but count only while visible.
  const mergedCustomers = one('SELECT count(*) FROM golden_members g JOIN customers c ON c.id = g.customer_id');
  return {
    threshold: run?.threshold ?? null,
    review: one("SELECT count(*) FROM match_clusters WHERE status = 'review'"),
    merged: one("SELECT count(*) FROM match_clusters WHERE status = 'merged'"),
    rejected: one(`SELECT count(*) FROM match_rejections r WHERE EXISTS (SELECT 1 FROM match_labels l WHERE l.a = r.a AND l.b = r.b AND l.label = 'different')`),
    goldenRecords: customers - mergedCustomers + one('SELECT count(DISTINCT g.golden_id) FROM golden_members g JOIN customers c ON c.id = g.customer_id'),
    mergedCustomers,
    customers,
    goneFromSource: one('SELECT count(*) FROM customers WHERE gone_since IS NOT NULL'),
    labels: {
      same: one("SELECT count(*) FROM match_labels WHERE label = 'same'"),
      different: one("SELECT count(*) FROM match_labels WHERE label = 'different'"),
    },
  };
}
