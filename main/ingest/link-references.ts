import { AppError } from '../../shared/errors.ts';
import type { Db } from '../store/open-project.ts';

/**
 * Transactions and needs name their customer by the customer's record id in
 * its source. Record ids repeat across sources (two CRMs both number from 1),
 * so a reference is looked up only among the customers of one source system:
 *   1. the customers source the steward picked for the file (sources.link_source_id);
 *   2. else a customers source of the same file (the sheets of one workbook);
 *   3. else any source, as long as exactly one source system holds the id;
 *      held by several, the row stays unlinked as 'ambiguous' until a source is picked.
 * Links are recomputed from scratch after every import and every pick, so the
 * order in which a client's files arrive does not matter and a later customers
 * file can settle an earlier ambiguity. Nothing is dropped: an unlinked row
 * keeps its reference and says why (link_status).
 */
export function linkReferences(db: Db): void {
  const any = db.prepare('SELECT (SELECT count(*) FROM transactions) + (SELECT count(*) FROM needs)').pluck().get() as number;
  if (any === 0) return; // the common case: a customer-only project pays nothing here
  db.exec('CREATE INDEX IF NOT EXISTS customers_record_id ON customer_records(source_record_id)');
  writeLinkScopes(db);
  for (const { table, ref } of [{ table: 'transactions', ref: 'customer_ref' }, { table: 'needs', ref: 'need_customer_ref' }]) {
    // Each distinct (file, reference) is resolved once, then written to the rows that carry it:
    // a customer has several transactions, and a correlated lookup per row costs minutes at millions.
    // A system is a source and its later exports (sources.system_id): their record ids name the same customers.
    const candidates = `FROM customers c JOIN sources s ON s.id = c.source_id
      WHERE c.source_record_id = r.ref
        AND (NOT EXISTS (SELECT 1 FROM temp.link_scope l WHERE l.source_id = r.source_id)
             OR c.source_id IN (SELECT l.customer_source_id FROM temp.link_scope l WHERE l.source_id = r.source_id))`;
    db.exec(`
      DROP TABLE IF EXISTS temp.link_refs;
      CREATE TEMP TABLE link_refs (source_id INTEGER NOT NULL, ref TEXT NOT NULL, customer_id INTEGER, status TEXT, PRIMARY KEY (source_id, ref)) WITHOUT ROWID;
      INSERT OR IGNORE INTO temp.link_refs (source_id, ref) SELECT source_id, ${ref} FROM ${table} WHERE ${ref} IS NOT NULL;
      UPDATE temp.link_refs AS r SET customer_id = (SELECT CASE WHEN count(DISTINCT coalesce(s.system_id, s.id)) = 1 THEN min(c.id) END ${candidates});
      UPDATE temp.link_refs AS r SET status = CASE
        WHEN customer_id IS NOT NULL THEN 'linked'
        WHEN trim(ref) = '' THEN 'no_reference'
        WHEN EXISTS (SELECT 1 ${candidates}) THEN 'ambiguous'
        ELSE 'not_found' END;
      UPDATE ${table} SET customer_id = r.customer_id, link_status = r.status FROM temp.link_refs r
        WHERE r.source_id = ${table}.source_id AND r.ref = ${table}.${ref}
          AND (${table}.customer_id IS NOT r.customer_id OR ${table}.link_status IS NOT r.status);
      UPDATE ${table} SET customer_id = NULL, link_status = 'no_reference' WHERE ${ref} IS NULL AND link_status IS NOT 'no_reference';
      DROP TABLE temp.link_refs;
    `);
  }
  db.exec('DROP TABLE temp.link_scope');
}

/** For each transactions or needs source with a scope, the customers sources its references may name. */
function writeLinkScopes(db: Db): void {
  db.exec('DROP TABLE IF EXISTS temp.link_scope; CREATE TEMP TABLE link_scope (source_id INTEGER NOT NULL, customer_source_id INTEGER NOT NULL)');
  db.exec(`
    INSERT INTO temp.link_scope (source_id, customer_source_id)
      SELECT a.id, c.id FROM sources a JOIN sources p ON p.id = a.link_source_id
        JOIN sources c ON c.entity = 'customer' AND coalesce(c.system_id, c.id) = coalesce(p.system_id, p.id)
      WHERE a.entity IN ('transaction', 'need');
    INSERT INTO temp.link_scope (source_id, customer_source_id)
      SELECT a.id, c.id FROM sources a JOIN sources c ON c.entity = 'customer' AND c.file_path = a.file_path AND c.content_hash = a.content_hash
      WHERE a.entity IN ('transaction', 'need') AND a.link_source_id IS NULL;
  `);
}

/** Points a transactions or needs source at the customers source its record ids belong to (null: decide as usual), then relinks. */
export function setLinkSource(db: Db, sourceId: number, customerSourceId: number | null): void {
  const entityOf = (id: number): string | undefined => (db.prepare('SELECT entity FROM sources WHERE id = ?').pluck().get(id) as string | undefined);
  const entity = entityOf(sourceId);
  if (entity !== 'transaction' && entity !== 'need') throw new AppError('invalid_input', `Source ${sourceId} is not a transactions or needs file.`);
  if (customerSourceId !== null && entityOf(customerSourceId) !== 'customer') throw new AppError('invalid_input', `Source ${customerSourceId} is not a customers file.`);
  db.prepare('UPDATE sources SET link_source_id = ? WHERE id = ?').run(customerSourceId, sourceId);
  linkReferences(db);
}
