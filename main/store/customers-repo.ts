import type { ColumnFilter, CustomerRow } from '../../shared/contract.ts';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { AppError } from '../../shared/errors.ts';
import { buildOrder, buildWhere, gridColumns } from './grid-query.ts';
import type { Db } from './open-project.ts';
import { getSource, type SourceSummary } from './sources-repo.ts';

export interface PageQuery {
  startRow: number;
  endRow: number;
  sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel: Partial<Record<string, ColumnFilter>>;
  quickFilter: string;
  sourceId?: number;
  ids?: number[];
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

export class CustomersRepo {
  /** Counts per filter, valid until the data changes: COUNT(*) over a million rows is not free. */
  private counts = new Map<string, number>();

  constructor(private readonly db: Db) {}

  invalidate(): void {
    this.counts.clear();
  }

  page(q: PageQuery): { rows: CustomerRow[]; lastRow: number } {
    const where = buildWhere(q);
    for (const s of q.sortModel) ensureSortIndex(this.db, s.colId);
    const limit = Math.max(0, Math.min(q.endRow - q.startRow, 1000));
    const rows = this.db
      .prepare(`SELECT ${selectColumns} FROM customers c JOIN sources s ON s.id = c.source_id ${where.sql} ${buildOrder(q.sortModel)} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, q.startRow) as CustomerRow[];
    return { rows, lastRow: this.count(where) };
  }

  private count(where: { sql: string; params: unknown[] }): number {
    const key = JSON.stringify(where);
    let n = this.counts.get(key);
    if (n === undefined) {
      const join = where.sql.includes('s.') ? 'JOIN sources s ON s.id = c.source_id' : '';
      n = (this.db.prepare(`SELECT count(*) n FROM customers c ${join} ${where.sql}`).get(...where.params) as { n: number }).n;
      this.counts.set(key, n);
    }
    return n;
  }

  detail(id: number): { customer: CustomerRow; extra: Record<string, string>; source: SourceSummary; raw: { rowNumber: number; lineNumber: number; cells: string[] }; transactions: CustomerRow[]; needs: CustomerRow[] } {
    const row = this.db
      .prepare(`SELECT ${selectColumns}, c.extra_json, c.raw_row_id FROM customers c JOIN sources s ON s.id = c.source_id WHERE c.id = ?`)
      .get(id) as (CustomerRow & { extra_json: string | null; raw_row_id: number }) | undefined;
    if (!row) throw new AppError('not_found', `Customer ${id} does not exist in this project.`);
    const raw = this.db.prepare('SELECT row_number, line_number, cells_json FROM raw_rows WHERE id = ?').get(row.raw_row_id) as { row_number: number; line_number: number; cells_json: string };
    const { extra_json, raw_row_id: _raw, ...customer } = row;
    return {
      customer,
      extra: extra_json ? (JSON.parse(extra_json) as Record<string, string>) : {},
      source: getSource(this.db, Number(row.source_id))!,
      raw: { rowNumber: raw.row_number, lineNumber: raw.line_number, cells: JSON.parse(raw.cells_json) as string[] },
      transactions: this.db.prepare('SELECT id, txn_date, amount, currency, txn_kind, product FROM transactions WHERE customer_id = ? ORDER BY txn_date').all(id) as CustomerRow[],
      needs: this.db.prepare('SELECT id, need_kind, need_description, need_date FROM needs WHERE customer_id = ? ORDER BY need_date').all(id) as CustomerRow[],
    };
  }
}
