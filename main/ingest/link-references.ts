import type { Db } from '../store/open-project.ts';

/**
 * Transactions and needs name their customer by the customer's record id in
 * its source. Links are resolved after every import, so the order in which a
 * client's files are imported does not matter.
 */
export function linkReferences(db: Db): void {
  const pending = db.prepare(
    `SELECT (SELECT count(*) FROM transactions WHERE customer_id IS NULL AND customer_ref IS NOT NULL)
          + (SELECT count(*) FROM needs WHERE customer_id IS NULL AND need_customer_ref IS NOT NULL) n`,
  ).get() as { n: number };
  if (pending.n === 0) return; // the common case: a customer-only import pays nothing here
  db.exec('CREATE INDEX IF NOT EXISTS customers_record_id ON customer_records(source_record_id)');
  db.exec(`
    UPDATE transactions SET customer_id = (
      SELECT c.id FROM customers c WHERE c.source_record_id = transactions.customer_ref ORDER BY c.id LIMIT 1)
    WHERE customer_id IS NULL AND customer_ref IS NOT NULL;
    UPDATE needs SET customer_id = (
      SELECT c.id FROM customers c WHERE c.source_record_id = needs.need_customer_ref ORDER BY c.id LIMIT 1)
    WHERE customer_id IS NULL AND need_customer_ref IS NOT NULL;
  `);
}
