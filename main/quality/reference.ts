/**
 * Reference values for accuracy. Two ways in: rows from a verified reference
 * file (matched to customers by the caller), or a steward marking a customer
 * verified, which freezes the values it has now. Later edits to that customer
 * are then measured against what the steward confirmed.
 */
import type Database from 'better-sqlite3';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import type { ReferenceValue } from './accuracy.ts';

export interface ReferenceRow {
  customerId: number;
  field: string;
  value: string | null;
}

export function loadReferences(db: Database.Database): Map<number, ReferenceValue[]> {
  const map = new Map<number, ReferenceValue[]>();
  const rows = db.prepare('SELECT customer_id, field, value FROM quality_reference ORDER BY customer_id, field').iterate() as IterableIterator<{ customer_id: number; field: string; value: string | null }>;
  for (const r of rows) {
    let list = map.get(r.customer_id);
    if (!list) map.set(r.customer_id, (list = []));
    list.push({ field: r.field, value: r.value });
  }
  return map;
}

/** Stores values from a verified reference file; a newer value for the same customer and field replaces the older. */
export function addReferenceValues(db: Database.Database, rows: ReferenceRow[], fileName: string, at = new Date()): number {
  const upsert = db.prepare(
    `INSERT INTO quality_reference (customer_id, field, value, origin, origin_detail, verified_at) VALUES (?, ?, ?, 'reference_file', ?, ?)
     ON CONFLICT (customer_id, field) DO UPDATE SET value = excluded.value, origin = excluded.origin, origin_detail = excluded.origin_detail, verified_at = excluded.verified_at`,
  );
  db.transaction(() => {
    for (const r of rows) upsert.run(r.customerId, r.field, r.value, fileName, at.toISOString());
  })();
  return rows.length;
}

/**
 * Marks customers verified by a steward: records the marker and freezes the
 * current values of `fields` (all customer fields by default) as reference.
 */
export function markVerified(db: Database.Database, customerIds: number[], opts: { by?: string; fields?: string[]; at?: Date } = {}): void {
  const fields = (opts.fields ?? customerFieldKeys.filter((f) => f !== 'source_record_id')).filter((f) => (customerFieldKeys as string[]).includes(f));
  const at = (opts.at ?? new Date()).toISOString();
  const read = db.prepare(`SELECT ${fields.join(', ')} FROM customers WHERE id = ?`);
  const marker = db.prepare('INSERT INTO quality_verified (customer_id, verified_at, verified_by) VALUES (?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET verified_at = excluded.verified_at, verified_by = excluded.verified_by');
  const upsert = db.prepare(
    `INSERT INTO quality_reference (customer_id, field, value, origin, origin_detail, verified_at) VALUES (?, ?, ?, 'steward', ?, ?)
     ON CONFLICT (customer_id, field) DO UPDATE SET value = excluded.value, origin = excluded.origin, origin_detail = excluded.origin_detail, verified_at = excluded.verified_at`,
  );
  db.transaction(() => {
    for (const id of customerIds) {
      const row = read.get(id) as Record<string, string | number | null> | undefined;
      if (!row) continue;
      marker.run(id, at, opts.by ?? null);
      for (const f of fields) upsert.run(id, f, row[f] === null ? null : String(row[f]), opts.by ?? null, at);
    }
  })();
}
