import type { Db } from './open-project.ts';
import { anySourceWithdrawn } from './withdrawn-sources.ts';

/**
 * One customer's purchases (or refunds) in one currency up to the as-of
 * date, as numbers only: the customer, the currency's index in the list
 * asked for, 1 for refunds, the latest day (days from 1970-01-01), how many,
 * and their amounts' sum with refunds counted positive however written.
 */
export type ActivityAggregate = [customerId: number, currency: number, refund: 0 | 1, lastDay: number, count: number, amount: number];

/** The currencies of linked transactions ('' for none), in code order. */
export function transactionCurrencies(db: Db): string[] {
  return (db.prepare("SELECT DISTINCT coalesce(amount_currency, '') FROM transactions WHERE customer_id IS NOT NULL").pluck().all() as string[]).sort();
}

/**
 * Sums of dated transactions per customer, currency and purchase-or-refund,
 * in one ordered pass over the covering index transactions_rfm (no sort),
 * handed over one row of numbers at a time: at 5 million transactions, rows
 * of objects and strings, and a join to the customers view per row, took
 * most of an RFM run. Customers of withdrawn sources are left out (checked
 * in memory, and only when a source is withdrawn). Transactions dated after
 * `asOf` are not yet known on that date; undated ones cannot be placed in
 * time and are counted apart.
 */
export function* activityAggregates(db: Db, asOf: string, currencies: string[]): Generator<ActivityAggregate> {
  const index = currencies.map((c, i) => (c === '' ? `WHEN amount_currency IS NULL THEN ${i}` : `WHEN amount_currency = @c${i} THEN ${i}`)).join(' ');
  const params = Object.fromEntries(currencies.map((c, i) => [`c${i}`, c]));
  const visible = anySourceWithdrawn(db) ? visibleCustomers(db) : null;
  const rows = db.prepare(`
    SELECT customer_id, CASE ${index || 'WHEN 0 THEN 0'} END, is_refund, unixepoch(max(txn_day)) / 86400, count(*), total(abs(amount_value))
    FROM transactions WHERE customer_id IS NOT NULL AND txn_day <= @asOf GROUP BY customer_id, amount_currency, is_refund`).raw().iterate({ ...params, asOf }) as IterableIterator<ActivityAggregate>;
  for (const row of rows) if (!visible || visible[row[0]]) yield row;
}

/** Indexed by customer id: 1 for customers still in the project. */
function visibleCustomers(db: Db): Uint8Array {
  const visible = new Uint8Array(largestCustomerId(db) + 1);
  for (const id of db.prepare('SELECT id FROM customers').pluck().iterate() as IterableIterator<number>) visible[id] = 1;
  return visible;
}

/** The largest customer id in the project (0 when none): analyses index arrays by it. */
export function largestCustomerId(db: Db): number {
  return (db.prepare('SELECT max(id) FROM customer_records').pluck().get() as number | null) ?? 0;
}

/** Each merged customer's golden record (a customer in none is its own). */
export function goldenOf(db: Db): Map<number, number> {
  return new Map(db.prepare('SELECT customer_id, golden_id FROM golden_members').raw().all() as [number, number][]);
}

/** Linked transactions an analysis cannot place in time (no readable date). */
export function undatedTransactions(db: Db): number {
  return db.prepare('SELECT count(*) FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.txn_day IS NULL').pluck().get() as number;
}

/**
 * Transactions not linked to a customer in the project (no reference, unknown, ambiguous, or a customer of a
 * withdrawn source). Counted from both ends of the customer index rather than testing 5 million rows one by one.
 */
export function unlinkedTransactions(db: Db): number {
  const one = (sql: string): number => db.prepare(sql).pluck().get() as number;
  return one('SELECT count(*) FROM transactions WHERE customer_id IS NULL')
    + one('SELECT count(*) FROM customer_records c JOIN withdrawn_sources w ON w.source_id = c.source_id JOIN transactions t ON t.customer_id = c.id');
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
