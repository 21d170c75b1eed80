import type { Db } from './open-project.ts';

/** One customer's purchases (or refunds) in one currency, up to the as-of date. */
export interface ActivityAggregate {
  customerId: number;
  currency: string | null;
  refund: 0 | 1;
  /** The latest date among them. */
  last: string;
  count: number;
  /** Their amounts' sum, refunds counted positive however they were written. */
  amount: number;
}

/**
 * Sums of dated transactions of customers still in the project, per
 * customer, currency and purchase-or-refund: the grouping the covering index
 * transactions_rfm is in, so millions of rows are summed in one ordered pass
 * without a sort. Transactions dated after `asOf` are not yet known on that
 * date; undated ones cannot be placed in time and are counted apart.
 */
export function activityAggregates(db: Db, asOf: string): ActivityAggregate[] {
  return db.prepare(`
    SELECT a.* FROM (
      SELECT customer_id AS customerId, amount_currency AS currency, is_refund AS refund, max(txn_day) AS last, count(*) AS count, total(abs(amount_value)) AS amount
      FROM transactions WHERE customer_id IS NOT NULL AND txn_day <= ? GROUP BY 1, 2, 3
    ) a JOIN customers c ON c.id = a.customerId`).all(asOf) as ActivityAggregate[];
}

/** Each merged customer's golden record (a customer in none is its own). */
export function goldenOf(db: Db): Map<number, number> {
  return new Map(db.prepare('SELECT customer_id, golden_id FROM golden_members').raw().all() as [number, number][]);
}

/** Linked transactions an analysis cannot place in time (no readable date). */
export function undatedTransactions(db: Db): number {
  return db.prepare('SELECT count(*) FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.txn_day IS NULL').pluck().get() as number;
}

/** Transactions not linked to a customer in the project (no reference, unknown, ambiguous, or a withdrawn customer). */
export function unlinkedTransactions(db: Db): number {
  return db.prepare('SELECT count(*) FROM transactions t WHERE t.customer_id IS NULL OR t.customer_id NOT IN (SELECT id FROM customers)').pluck().get() as number;
}

export interface ScoredRow {
  entityId: number;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
}

/** Replaces the stored run in one transaction: until it commits, the previous run stands. */
export function saveRfmScores(db: Db, rows: ScoredRow[]): void {
  const insert = db.prepare('INSERT INTO rfm_scores (entity_id, recency_days, frequency, monetary, r, f, m) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.exec('DELETE FROM rfm_scores');
    for (const x of rows) insert.run(x.entityId, x.recencyDays, x.frequency, x.monetary, x.r, x.f, x.m);
  })();
}

/** How many scored entities, and how much money, sit in each (r, f, m) cell: at most 125 rows, whatever the project's size. */
export function rfmCells(db: Db): { cell: number; count: number; monetary: number }[] {
  return db.prepare('SELECT r * 100 + f * 10 + m AS cell, count(*) AS count, total(monetary) AS monetary FROM rfm_scores GROUP BY 1').all() as { cell: number; count: number; monetary: number }[];
}

/** The source file name and record id of customers (a golden record is named by its smallest member, whose id it has). */
export function customerIdentities(db: Db): Map<number, { source: string; recordId: string | null }> {
  const rows = db.prepare('SELECT c.id, s.file_name, c.source_record_id FROM customers c JOIN sources s ON s.id = c.source_id').raw().all() as [number, string, string | null][];
  return new Map(rows.map(([id, source, recordId]) => [id, { source, recordId }]));
}

/** `SELECT customer_id …` of the customers in the given score cells, for the Customers grid (members of a scored golden record included). */
export function customersInCells(per: 'customer' | 'golden', cells: number[]): { sql: string; params: unknown[] } {
  const scored = 'SELECT entity_id FROM rfm_scores WHERE r * 100 + f * 10 + m IN (SELECT value FROM json_each(?))';
  const sql = per === 'golden'
    ? `SELECT c.id FROM customers c LEFT JOIN golden_members g ON g.customer_id = c.id WHERE coalesce(g.golden_id, c.id) IN (${scored})`
    : scored;
  return { sql, params: [JSON.stringify(cells)] };
}

export function readJsonSetting<T>(db: Db, key: string): T | null {
  const text = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return text === undefined ? null : (JSON.parse(text) as T);
}

export function writeJsonSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
