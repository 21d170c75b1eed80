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

type Cell = string | number | null;
const cell = (v: unknown): Cell => (v === '' ? null : (v as Cell));

export function loadMatchRecords(db: Db, range: { fromId?: number; toId?: number } = {}): MatchRecord[] {
  return Array.from(iterateMatchRecords(db, range));
}

/** The same records one at a time, for preparing without holding them all (prepare-project.ts); `ids` picks given records instead of a range. */
export function* iterateMatchRecords(db: Db, range: { fromId?: number; toId?: number; ids?: readonly number[] } = {}): Generator<MatchRecord> {
  const where = range.ids ? 'id IN (SELECT value FROM json_each(?))' : 'id > ? AND id <= ?';
  const stmt = db.prepare(`SELECT id, source_id, ${MATCH_FIELDS.join(', ')} FROM customers WHERE ${where} ORDER BY id`).raw(true);
  const params = range.ids ? [JSON.stringify(range.ids)] : [range.fromId ?? 0, range.toId ?? Number.MAX_SAFE_INTEGER];
  for (const r of stmt.iterate(...params) as Iterable<unknown[]>) {
    // One object literal with every field (null when empty): all records share one shape, which is
    // far cheaper to build and read at a million records than properties added one by one.
    const values: Record<Field, Cell> = {
      full_name: cell(r[2]), given_name: cell(r[3]), family_name: cell(r[4]), gender: cell(r[5]), birth_date: cell(r[6]),
      email: cell(r[7]), phone: cell(r[8]), mobile: cell(r[9]), company: cell(r[10]), street: cell(r[11]), city: cell(r[12]),
      region: cell(r[13]), postcode: cell(r[14]), country: cell(r[15]),
    };
    yield { id: r[0] as number, sourceId: r[1] as number, values };
  }
}

/** Records imported up to maxId whose values changed after change_log entry `sinceSeq`. */
export function changedRecordIds(db: Db, maxId: number, sinceSeq: number): number[] {
  return db.prepare('SELECT id FROM customers WHERE id <= ? AND change_seq > ? ORDER BY id').pluck().all(maxId, sinceSeq) as number[];
}

export function loadMatchRecordsById(db: Db, ids: readonly number[]): MatchRecord[] {
  return Array.from(iterateMatchRecords(db, { ids }));
}

/** The newest change_log entry: what a run has seen of the change history. */
export function maxChangeSeq(db: Db): number {
  return db.prepare('SELECT coalesce(max(id), 0) FROM change_log').pluck().get() as number;
}

export function maxCustomerId(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) m FROM customers').get() as { m: number }).m;
}
