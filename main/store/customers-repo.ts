import type { ColumnFilter, CustomerRow } from '../../shared/contract.ts';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { AppError } from '../../shared/errors.ts';
import { buildOrder, buildWhere, gridColumns, type WhereClause } from './grid-query.ts';
import type { Db } from './open-project.ts';
import { rawRow } from './raw-rows-repo.ts';
import { getSource, type SourceSummary } from './sources-repo.ts';

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

/**
 * Sorting a million rows needs an index on the sort column; rather than make
 * every import pay for eighteen indexes, one is built the first time a
 * column is sorted (about a second at a million rows) and kept.
 */
function ensureSortIndex(db: Db, colId: string): void {
  if (colId === 'id' || colId === 'source' || !gridColumns[colId]) return;
  db.exec(`CREATE INDEX IF NOT EXISTS customers_sort_${colId} ON customers(${colId})`);
}

/** Filtered id lists kept for paging; a few are enough for back-and-forth between two searches. */
const CACHED_RESULTS = 3;

export class CustomersRepo {
  /** Row count of the whole table, valid until the data changes. */
  private total: number | null = null;
  /** Sorted ids of filtered results, valid until the data changes: a search over a million rows is scanned once, then paged from memory. */
  private results = new Map<string, number[]>();

  constructor(private readonly db: Db) {}

  invalidate(): void {
    this.total = null;
    this.results.clear();
  }

  /**
   * Two steps: the ids of the page (from the covering sort index when nothing
   * is filtered, so a jump to row 500,000 reads no table rows), then those
   * rows. Filtered results are computed once as a sorted id list.
   */
  page(q: PageQuery): { rows: CustomerRow[]; lastRow: number } {
    const where = buildWhere(q);
    const limit = Math.max(0, Math.min(q.endRow - q.startRow, 1000));
    const joinSources = q.sortModel.some((s) => s.colId === 'source') ? 'JOIN sources s ON s.id = c.source_id' : '';
    let ids: number[];
    let lastRow: number;
    if (!where.sql) {
      for (const s of q.sortModel) ensureSortIndex(this.db, s.colId);
      ids = this.db.prepare(`SELECT c.id FROM customers c ${joinSources} ${buildOrder(q.sortModel)} LIMIT ? OFFSET ?`).pluck().all(limit, q.startRow) as number[];
      lastRow = this.total ??= (this.db.prepare('SELECT count(*) FROM customers').pluck().get() as number);
    } else {
      const all = this.filteredIds(where, joinSources || (where.sql.includes('s.') ? 'JOIN sources s ON s.id = c.source_id' : ''), buildOrder(q.sortModel, false));
      ids = all.slice(q.startRow, q.startRow + limit);
      lastRow = all.length;
    }
    return { rows: this.rowsByIds(ids), lastRow };
  }

  private filteredIds(where: { sql: string; params: unknown[] }, join: string, order: string): number[] {
    const key = JSON.stringify([where, order]);
    let ids = this.results.get(key);
    if (!ids) {
      ids = this.db.prepare(`SELECT c.id FROM customers c ${join} ${where.sql} ${order}`).pluck().all(...where.params) as number[];
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

  detail(id: number): { customer: CustomerRow; extra: Record<string, string>; source: SourceSummary; raw: { rowNumber: number; lineNumber: number; cells: string[] }; transactions: CustomerRow[]; needs: CustomerRow[] } {
    const row = this.db
      .prepare(`SELECT ${selectColumns}, c.extra_json, c.raw_row_id FROM customers c JOIN sources s ON s.id = c.source_id WHERE c.id = ?`)
      .get(id) as (CustomerRow & { extra_json: string | null; raw_row_id: number }) | undefined;
    if (!row) throw new AppError('not_found', `Customer ${id} does not exist in this project.`);
    const { extra_json, raw_row_id: _raw, ...customer } = row;
    return {
      customer,
      extra: extra_json ? (JSON.parse(extra_json) as Record<string, string>) : {},
      source: getSource(this.db, Number(row.source_id))!,
      raw: rawRow(this.db, row.raw_row_id),
      transactions: this.db.prepare('SELECT id, txn_date, amount, currency, txn_kind, product FROM transactions WHERE customer_id = ? ORDER BY txn_date').all(id) as CustomerRow[],
      needs: this.db.prepare('SELECT id, need_kind, need_description, need_date FROM needs WHERE customer_id = ? ORDER BY need_date').all(id) as CustomerRow[],
    };
  }
}
