import type { WhereClause } from './grid-query.ts';
import type { Db } from './open-project.ts';

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
 * Monthly sums for the RFM charts. The inner query walks the covering index
 * transactions_rfm in its order (customer, currency, kind, day), so grouping
 * by the month — a prefix of the day — needs no sort of the 5 million rows;
 * the outer one folds the (far fewer) customer-month groups into months.
 */
export function monthlyActivity(db: Db, asOf: string | null): MonthActivity[] {
  return db.prepare(`
    SELECT a.month, a.currency, a.refund, sum(a.count) AS count, total(a.amount) AS amount FROM (
      SELECT customer_id, amount_currency AS currency, is_refund AS refund, substr(txn_day, 1, 7) AS month, count(*) AS count, total(abs(amount_value)) AS amount
      FROM transactions WHERE customer_id IS NOT NULL AND txn_day IS NOT NULL AND txn_day <= ? GROUP BY customer_id, amount_currency, is_refund, substr(txn_day, 1, 7)
    ) a JOIN customers c ON c.id = a.customer_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`).all(asOf ?? '9999-12-31') as MonthActivity[];
}

/** `SELECT customer_id …` of the customers with a purchase (or, `refund`, a refund) dated in the month (yyyy-MM) up to the as-of date, for the Customers grid. */
export function customersWithActivityIn(month: string, refund: boolean, asOf: string | null): WhereClause {
  // A range on txn_day rather than substr() = ?, so the comparison stays on the index's own values; days after the as-of date were not charted.
  return {
    sql: 'SELECT customer_id FROM transactions WHERE customer_id IS NOT NULL AND is_refund = ? AND txn_day >= ? AND txn_day < ? AND txn_day <= ?',
    params: [refund ? 1 : 0, `${month}-01`, `${month}-32`, asOf ?? '9999-12-31'],
  };
}
