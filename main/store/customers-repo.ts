import type { ColumnFilter, CustomerRow } from '../../shared/contract.ts';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { AppError } from '../../shared/errors.ts';
import { buildOrder, buildWhere, type WhereClause } from './grid-query.ts';
import type { Db } from './open-project.ts';
import { getSource, type SourceSummary } from './sources-repo.ts';
import { buildSortIndex, missingSortIndexes } from './sort-indexes.ts';

export interface PageQuery {
  startRow: number;
  endRow: number;
  sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel: Partial<Record<string, ColumnFilter>>;
  quickFilter: string;
  sourceId?: number;
  ids?: number[];
  /** Only customers in this `SELECT customer_id …` (built by the caller). */
  restrictTo?: WhereClause;
}

const selectColumns = `c.id, s.file_name AS source, c.source_id, ${customerFieldKeys.map((k) => `c.${k}`).join(', ')}`;

/** Id lists kept for paging; a few are enough for back-and-forth between two searches. */
const CACHED_RESULTS = 3;

type IdList = ArrayLike<number> & { slice(start: number, end: number): ArrayLike<number> };

export interface CustomersRepoOptions {
  /**
   * Told which sorted columns have no index yet; the page is sorted without
   * one meanwhile (slower, the same rows). By default the index is built at
   * once, on this connection.
   */
  requestSortIndexes?: (colIds: string[]) => void;
  /** Shares the owner's customer count (the service keeps one). */
  countAll?: () => number;
  /**
   * Where the heavy id queries run (a search, a sort without its index) when
   * `worthIt` says the table is big enough: another thread, so the one that
   * answers every request is not held up. Here, on this connection, by default.
   */
  offThread?: { run(sql: string, params: unknown[]): Promise<IdList>; worthIt(): boolean };
}

export class CustomersRepo {
  /** Row count of the whole table, valid until the data changes. */
  private total: number | null = null;
  /** Sorted ids of searches and unindexed sorts, valid until the data changes: a million rows are scanned once, then paged from memory. */
  private results = new Map<string, Promise<IdList>>();

  private readonly requestSortIndexes: (colIds: string[]) => void;
  private readonly countAll: () => number;

  constructor(
    private readonly db: Db,
    private readonly opts: CustomersRepoOptions = {},
  ) {
    this.requestSortIndexes = opts.requestSortIndexes ?? ((colIds) => colIds.forEach((c) => buildSortIndex(db, c)));
    this.countAll = opts.countAll ?? (() => db.prepare('SELECT count(*) FROM customers').pluck().get() as number);
  }

  invalidate(): void {
    this.total = null;
    this.results.clear();
  }

  /**
   * Two steps: the ids of the page (from the covering sort index when nothing
   * is filtered, so a jump to row 500,000 reads no table rows), then those
   * rows. Searches, and sorts whose index does not exist yet, are computed
   * once as a sorted id list.
   */
  async page(q: PageQuery): Promise<{ rows: CustomerRow[]; lastRow: number }> {
    const where = buildWhere(q);
    const limit = Math.max(0, Math.min(q.endRow - q.startRow, 1000));
    const joinSources = q.sortModel.some((s) => s.colId === 'source') ? 'JOIN sources s ON s.id = c.source_id' : '';
    const missing = where.sql ? [] : missingSortIndexes(this.db, q.sortModel.map((s) => s.colId));
    if (missing.length > 0) this.requestSortIndexes(missing);
    if (!where.sql && (missing.length === 0 || !this.opts.offThread?.worthIt())) {
      const ids = this.db.prepare(`SELECT c.id FROM customers c ${joinSources} ${buildOrder(q.sortModel)} LIMIT ? OFFSET ?`).pluck().all(limit, q.startRow) as number[];
      return { rows: this.rowsByIds(ids), lastRow: (this.total ??= this.countAll()) };
    }
    const join = joinSources || (where.sql.includes('s.') ? 'JOIN sources s ON s.id = c.source_id' : '');
    const all = await this.idList(`SELECT c.id FROM customers c ${join} ${where.sql} ${buildOrder(q.sortModel, false)}`, where.params);
    return { rows: this.rowsByIds(Array.from(all.slice(q.startRow, q.startRow + limit))), lastRow: all.length };
  }

  private idList(sql: string, params: unknown[]): Promise<IdList> {
    const key = JSON.stringify([sql, params]);
    let ids = this.results.get(key);
    if (!ids) {
      const off = this.opts.offThread;
      ids = off?.worthIt() ? off.run(sql, params) : Promise.resolve(this.db.prepare(sql).pluck().all(...params) as number[]);
      const mine = ids;
      mine.catch(() => this.results.get(key) === mine && this.results.delete(key)); // a failed search is not kept
      this.results.set(key, ids);
      if (this.results.size > CACHED_RESULTS) this.results.delete(this.results.keys().next().value!);
    }
    return ids;
  }

  private rowsByIds(ids: number[]): CustomerRow[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${selectColumns} FROM customers c JOIN sources s ON s.id = c.source_id WHERE c.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as CustomerRow[];
    const byId = new Map(rows.map((r) => [r.id as number, r]));
    return ids.map((id) => byId.get(id)!).filter(Boolean);
  }

  /** One customer's row as the grid shows it. */
  customer(id: number): CustomerRow {
    const row = this.rowsByIds([id])[0];
    if (!row) throw new AppError('not_found', `Customer ${id} does not exist in this project.`);
    return row;
  }

  /** One customer with its extra fields, source, transactions and needs, and the id of the raw row it came from. */
  detail(id: number): { customer: CustomerRow; extra: Record<string, string>; source: SourceSummary; rawRowId: number; transactions: CustomerRow[]; needs: CustomerRow[] } {
    const row = this.db
      .prepare(`SELECT ${selectColumns}, c.extra_json, c.raw_row_id FROM customers c JOIN sources s ON s.id = c.source_id WHERE c.id = ?`)
      .get(id) as (CustomerRow & { extra_json: string | null; raw_row_id: number }) | undefined;
    if (!row) throw new AppError('not_found', `Customer ${id} does not exist in this project.`);
    const { extra_json, raw_row_id: rawRowId, ...customer } = row;
    return {
      customer,
      extra: extra_json ? (JSON.parse(extra_json) as Record<string, string>) : {},
      source: getSource(this.db, Number(row.source_id))!,
      rawRowId,
      transactions: this.db.prepare('SELECT id, txn_date, amount, currency, txn_kind, product FROM transactions WHERE customer_id = ? ORDER BY txn_date').all(id) as CustomerRow[],
      needs: this.db.prepare('SELECT id, need_kind, need_description, need_date FROM needs WHERE customer_id = ? ORDER BY need_date').all(id) as CustomerRow[],
    };
  }
}
