import { buildOrder, buildWhere, type GridTable } from './grid-query.ts';
import type { PageQuery } from './customers-repo.ts';
import type { Db } from './open-project.ts';
import { customerLabelSql } from './customer-label.ts';

/**
 * Transactions and needs as grids of their own, and one customer's (or
 * golden record's) activity. Sort and filter are translated to SQL with the
 * customers grid's translator over these whitelists.
 */

/** Why a row is not linked, with 'withdrawn' for a link to a customer whose source was taken back. */
const linkStatus = (alias: string): string => `CASE WHEN ${alias}.customer_id IS NOT NULL AND c.id IS NULL THEN 'withdrawn' ELSE ${alias}.link_status END`;

export const transactionsGrid: GridTable = {
  columns: {
    id: 't.id', source: 's.file_name', customer_ref: 't.customer_ref', customer_id: 'c.id', customer_name: customerLabelSql('c'),
    txn_date: 't.txn_date', txn_day: 't.txn_day', amount: 't.amount', amount_value: 't.amount_value', currency: 't.amount_currency',
    txn_kind: 't.txn_kind', refund: 't.is_refund', product: 't.product', link_status: linkStatus('t'),
  },
  quick: ['t.customer_ref', 't.product', customerLabelSql('c'), 't.txn_kind'],
  id: 't.id',
};

export const needsGrid: GridTable = {
  columns: {
    id: 'n.id', source: 's.file_name', customer_ref: 'n.need_customer_ref', customer_id: 'c.id', customer_name: customerLabelSql('c'),
    need_kind: 'n.need_kind', need_description: 'n.need_description', need_date: 'n.need_date', need_day: 'n.need_day', link_status: linkStatus('n'),
  },
  quick: ['n.need_customer_ref', 'n.need_kind', 'n.need_description', customerLabelSql('c')],
  id: 'n.id',
};

/** A grid row: column name to its value. */
export type ActivityRow = Record<string, string | number | null>;

/** The customers grid's paging, sort and filter, with what only these grids have. */
export interface ActivityPageQuery extends Omit<PageQuery, 'ids' | 'restrictTo'> {
  /** Only rows not linked to a customer in the project. */
  unlinkedOnly?: boolean;
  /** Only rows of these customers (a customer, or a golden record's members). */
  customerIds?: number[];
}

function page(db: Db, grid: GridTable, from: string, q: ActivityPageQuery): { rows: ActivityRow[]; lastRow: number } {
  const alias = grid.id.split('.')[0];
  const where = buildWhere({ filterModel: q.filterModel, quickFilter: q.quickFilter, sourceId: q.sourceId }, grid);
  const parts = where.sql ? [where.sql.replace(/^WHERE /, '')] : [];
  const params = [...where.params];
  if (q.unlinkedOnly) parts.push('c.id IS NULL');
  if (q.customerIds) {
    parts.push(`${alias}.customer_id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(q.customerIds));
  }
  const sqlWhere = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const select = Object.entries(grid.columns).map(([k, expr]) => `${expr} AS ${k}`).join(', ');
  const limit = Math.max(0, Math.min(q.endRow - q.startRow, 1000));
  const rows = db.prepare(`SELECT ${select} ${from} ${sqlWhere} ${buildOrder(q.sortModel, true, grid)} LIMIT ? OFFSET ?`).all(...params, limit, q.startRow) as ActivityRow[];
  const lastRow = db.prepare(`SELECT count(*) ${from} ${sqlWhere}`).pluck().get(...params) as number;
  return { rows, lastRow };
}

export function transactionsPage(db: Db, q: ActivityPageQuery): { rows: ActivityRow[]; lastRow: number } {
  return page(db, transactionsGrid, 'FROM transactions t JOIN sources s ON s.id = t.source_id LEFT JOIN customers c ON c.id = t.customer_id', q);
}

export function needsPage(db: Db, q: ActivityPageQuery): { rows: ActivityRow[]; lastRow: number } {
  return page(db, needsGrid, 'FROM needs n JOIN sources s ON s.id = n.source_id LEFT JOIN customers c ON c.id = n.customer_id', q);
}

/** The customers whose activity is one record's: the members of its golden record when asked for, else itself. */
export function activityMembers(db: Db, customerId: number, golden: boolean): number[] {
  if (!golden) return [customerId];
  const goldenId = (db.prepare('SELECT golden_id FROM golden_members WHERE customer_id = ?').pluck().get(customerId) as number | undefined) ?? customerId;
  const members = db.prepare('SELECT customer_id FROM golden_members WHERE golden_id = ? ORDER BY customer_id').pluck().all(goldenId) as number[];
  return members.length > 0 ? members : [customerId];
}

export interface CurrencyTotal {
  currency: string | null;
  purchases: number;
  refunds: number;
  bought: number;
  refunded: number;
}

/** Purchases and refunds per currency of these customers. */
export function activityTotals(db: Db, customerIds: number[]): CurrencyTotal[] {
  return db.prepare(`
    SELECT amount_currency AS currency, sum(is_refund = 0) AS purchases, sum(is_refund = 1) AS refunds,
      total(CASE WHEN is_refund = 0 THEN abs(amount_value) END) AS bought,
      total(CASE WHEN is_refund = 1 THEN abs(amount_value) END) AS refunded
    FROM transactions WHERE customer_id IN (SELECT value FROM json_each(?)) GROUP BY 1 ORDER BY 1`).all(JSON.stringify(customerIds)) as CurrencyTotal[];
}

/** How many transactions and needs are linked, and how many are not, by reason. */
export function linkCounts(db: Db): { entity: string; status: string; count: number }[] {
  return db.prepare(`
    SELECT 'transaction' AS entity, ${linkStatus('t')} AS status, count(*) AS count FROM transactions t LEFT JOIN customers c ON c.id = t.customer_id GROUP BY 2
    UNION ALL
    SELECT 'need', ${linkStatus('n')}, count(*) FROM needs n LEFT JOIN customers c ON c.id = n.customer_id GROUP BY 2`).all() as { entity: string; status: string; count: number }[];
}
