import type { WhereClause } from './grid-query.ts';
import type { Db } from './open-project.ts';
import { anySourceWithdrawn } from './withdrawn-sources.ts';

/** Dated transactions of one month, currency and kind (purchase or refund), customers still in the project. */
export interface MonthActivity {
  /** yyyy-MM. */
  month: string;
  currency: string | null;
  refund: 0 | 1;
  count: number;
  /** Their amounts' sum, refunds counted positive however they were written. */
  amount: number;
}

/**
 * Monthly sums for the RFM charts, one pass over the covering index
 * transactions_month (migration 015), which is in month, kind and currency
 * order, so nothing is sorted. Joining every row to the customers to leave
 * out withdrawn sources' customers would cost a lookup per transaction;
 * instead, when a source is withdrawn, its customers' (few) transactions are
 * summed apart — those customers first (CROSS JOIN keeps that order), then
 * their transactions through transactions_rfm — and taken off.
 */
export function monthlyActivity(db: Db, asOf: string | null): MonthActivity[] {
  const all = `SELECT substr(txn_day, 1, 7) AS month, is_refund AS refund, amount_currency AS currency, count(*) AS count, total(abs(amount_value)) AS amount
    FROM transactions WHERE customer_id IS NOT NULL AND txn_day IS NOT NULL AND txn_day <= @asOf GROUP BY 1, 2, 3`;
  const withdrawn = `SELECT substr(t.txn_day, 1, 7), t.is_refund, t.amount_currency, -count(*), -total(abs(t.amount_value))
    FROM customer_records cr CROSS JOIN transactions t ON t.customer_id = cr.id
    WHERE cr.source_id IN (SELECT source_id FROM withdrawn_sources) AND t.txn_day IS NOT NULL AND t.txn_day <= @asOf GROUP BY 1, 2, 3`;
  return db.prepare(`
    SELECT month, currency, refund, sum(count) AS count, total(amount) AS amount FROM (${all}${anySourceWithdrawn(db) ? ` UNION ALL ${withdrawn}` : ''})
    GROUP BY 1, 2, 3 HAVING sum(count) > 0 ORDER BY 1, 2, 3`).all({ asOf: asOf ?? '9999-12-31' }) as MonthActivity[];
}

/** `SELECT customer_id …` of the customers with a purchase (or, `refund`, a refund) dated in the month (yyyy-MM) up to the as-of date, for the Customers grid: a seek into transactions_month. */
export function customersWithActivityIn(month: string, refund: boolean, asOf: string | null): WhereClause {
  return {
    sql: 'SELECT customer_id FROM transactions WHERE substr(txn_day, 1, 7) = ? AND is_refund = ? AND txn_day <= ? AND customer_id IS NOT NULL',
    params: [month, refund ? 1 : 0, asOf ?? '9999-12-31'],
  };
}
