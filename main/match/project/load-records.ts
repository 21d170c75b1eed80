/**
 * Customers as the engine sees them, read straight from the store. Rows come
 * back as arrays (`raw()`), not objects per column, which keeps a million
 * records to a few seconds and a few hundred MB.
 */
import type { Db } from '../../store/open-project.ts';
import type { MatchRecord } from '../types.ts';

/** The customer columns the comparisons can use, in SELECT order. */
export const MATCH_FIELDS = [
  'full_name', 'given_name', 'family_name', 'gender', 'birth_date', 'email', 'phone', 'mobile',
  'company', 'street', 'city', 'region', 'postcode', 'country',
] as const;

type Field = (typeof MATCH_FIELDS)[number];

export function loadMatchRecords(db: Db, range: { fromId?: number; toId?: number } = {}): MatchRecord[] {
  const stmt = db.prepare(
    `SELECT id, source_id, ${MATCH_FIELDS.join(', ')} FROM customers WHERE id > ? AND id <= ? ORDER BY id`,
  ).raw(true);
  const out: MatchRecord[] = [];
  for (const row of stmt.iterate(range.fromId ?? 0, range.toId ?? Number.MAX_SAFE_INTEGER) as Iterable<unknown[]>) {
    const values: Partial<Record<Field, string | number | null>> = {};
    for (let c = 0; c < MATCH_FIELDS.length; c++) {
      const v = row[c + 2] as string | number | null;
      if (v !== null && v !== '') values[MATCH_FIELDS[c]] = v;
    }
    out.push({ id: row[0] as number, sourceId: row[1] as number, values });
  }
  return out;
}

export function maxCustomerId(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) m FROM customers').get() as { m: number }).m;
}
