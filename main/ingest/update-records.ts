/**
 * A later export of a source system already imported (same layout, same
 * id column, record ids it already holds) updates that system's records
 * instead of adding them again:
 *   - a record id the system holds: each field the source changed since its
 *     last export goes through the change history (one 'import' batch, each
 *     change dated with the record's update time in the export); a field
 *     the source did not change keeps what a steward made of it (a fix, an
 *     edit): the export is compared with what the source said last time,
 *     not with the working value;
 *   - a record id it does not hold: a new customer of the system;
 *   - a record the export no longer holds: marked gone from its source
 *     (entity 'presence'), never deleted; back when a later export has it.
 * The new export's rows are stored like any import's (raw rows are never
 * lost); only the working records it would have duplicated are not kept.
 * Runs inside the import's transaction, after the file's rows are written.
 */
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import { editableFields, writeBatch, type CellValue, type ChangeRequest } from '../store/change-writer.ts';
import type { Db } from '../store/open-project.ts';
import { standardiseValue } from '../standardize/standardise-record.ts';

export interface UpdateCounts {
  /** The system's first source: the records updated are its, and its later exports'. */
  system: number;
  new: number;
  changed: number;
  unchanged: number;
  gone: number;
  /** Records gone from an earlier export that this one holds again. */
  back: number;
  batchId: number | null;
}

/** A known record id must make up at least this share of the new export's ids for it to count as the same system. */
const MIN_KNOWN_SHARE = 0.1;

/**
 * The system a just-imported customer source updates: an earlier customer
 * source with the same headers and id column whose record ids it shares;
 * null when none (a new system).
 */
export function findSystem(db: Db, sourceId: number): number | null {
  const me = db.prepare('SELECT headers_json, id_column FROM sources WHERE id = ?').get(sourceId) as { headers_json: string; id_column: string | null };
  if (!me.id_column) return null;
  const candidates = db.prepare(
    `SELECT DISTINCT coalesce(system_id, id) FROM sources WHERE id <> ? AND entity = 'customer' AND id_column = ? AND headers_json = ? ORDER BY 1 DESC`,
  ).pluck().all(sourceId, me.id_column, me.headers_json) as number[];
  // Counting a million ids takes seconds; a first export of a system (every
  // import into a new project) has no earlier source to compare with.
  if (candidates.length === 0) return null;
  const ids = db.prepare('SELECT count(DISTINCT source_record_id) FROM customers WHERE source_id = ? AND source_record_id IS NOT NULL').pluck().get(sourceId) as number;
  for (const system of candidates) {
    const known = db.prepare(
      `SELECT count(DISTINCT n.source_record_id) FROM customers n JOIN customers e ON e.source_record_id = n.source_record_id
       WHERE n.source_id = ? AND e.source_id IN (SELECT id FROM sources WHERE id = ? OR system_id = ?)`,
    ).pluck().get(sourceId, system, system) as number;
    if (known > 0 && known >= MIN_KNOWN_SHARE * ids) return system;
  }
  return null;
}

/** The field values the source gave a record at its last export: before any steward's change since. */
function sourceValues(db: Db, id: number, current: CellValue[]): CellValue[] {
  const base = current.slice();
  const rows = db.prepare(
    `SELECT l.field, l.before, l.after, b.kind FROM change_log l JOIN change_batches b ON b.id = l.batch_id
     WHERE l.entity = 'customer' AND l.entity_id = ? ORDER BY l.id`,
  ).raw().all(id) as [string, CellValue, CellValue, string][];
  const seen = new Set<string>();
  for (const [field, before, after, kind] of rows) {
    const at = editableFields.indexOf(field as CustomerFieldKey);
    if (at < 0) continue;
    // An earlier update from the source says what the source said then; else the value before the first change.
    if (kind === 'import') (base[at] = after, seen.add(field));
    else if (!seen.has(field)) (base[at] = before, seen.add(field));
  }
  return base;
}

/** When the source changed the record: its update time in the export, if it reads as one; else now. */
function changedAt(updatedAt: CellValue, fallback: string): string {
  if (updatedAt === null) return fallback;
  const out = standardiseValue('updated_at', updatedAt, { recordCountry: undefined, sourceCountry: undefined, dateOrder: undefined, now: new Date(fallback) });
  const text = out === null ? String(updatedAt) : out.kind === 'change' ? String(out.value) : '';
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text : fallback;
}

interface Pair {
  fresh: number;
  existing: number;
}

function pairsOf(db: Db, sourceId: number, system: number): Pair[] {
  return db.prepare(
    `SELECT n.id fresh, (SELECT min(e.id) FROM customers e WHERE e.source_record_id = n.source_record_id
       AND e.source_id IN (SELECT id FROM sources WHERE (id = ? OR system_id = ?) AND id <> n.source_id)) existing
     FROM customers n WHERE n.source_id = ? AND n.source_record_id IS NOT NULL AND existing IS NOT NULL ORDER BY existing`,
  ).all(system, system, sourceId) as Pair[];
}

export function applyUpdate(db: Db, sourceId: number, system: number, label: string): UpdateCounts {
  const at = new Date().toISOString();
  db.prepare('UPDATE sources SET system_id = ? WHERE id = ?').run(system, sourceId);
  db.exec('CREATE INDEX IF NOT EXISTS customers_record_id ON customer_records(source_record_id)');
  const pairs = pairsOf(db, sourceId, system).filter((p, i, all) => i === 0 || all[i - 1].existing !== p.existing);
  const read = db.prepare(`SELECT ${editableFields.join(', ')}, change_seq FROM customers WHERE id = ?`).raw();
  const updatedAt = editableFields.indexOf('updated_at');
  const requests: ChangeRequest[] = [];
  let changed = 0;
  for (const p of pairs) {
    const fresh = read.get(p.fresh) as CellValue[];
    const row = read.get(p.existing) as CellValue[];
    const current = row.slice(0, editableFields.length);
    const base = (row[editableFields.length] as number) > 0 ? sourceValues(db, p.existing, current) : current;
    const when = changedAt(fresh[updatedAt], at);
    const before = requests.length;
    editableFields.forEach((field, i) => {
      if (fresh[i] !== base[i] && fresh[i] !== current[i]) requests.push({ customerId: p.existing, field, after: fresh[i], reason: 'import', at: when });
    });
    if (requests.length > before) changed++;
  }
  const held = new Set(pairs.map((p) => p.existing));
  const presence = db.prepare(
    `SELECT id, gone_since FROM customers WHERE source_id IN (SELECT id FROM sources WHERE (id = ? OR system_id = ?) AND id <> ?) ORDER BY id`,
  ).raw().all(system, system, sourceId) as [number, string | null][];
  let gone = 0;
  let back = 0;
  for (const [id, since] of presence) {
    if (!held.has(id) && since === null) (requests.push({ customerId: id, entity: 'presence', field: 'gone_since', after: at, reason: 'import' }), gone++);
    else if (held.has(id) && since !== null) (requests.push({ customerId: id, entity: 'presence', field: 'gone_since', after: null, reason: 'import' }), back++);
  }
  const r = writeBatch(db, { kind: 'import', actor: 'import', description: `Updated from ${label}`, params: { source: sourceId, system, changed, gone } }, requests, { at });
  // The rows that would have duplicated known records go; their raw rows stay with the new source.
  db.prepare('DELETE FROM customer_records WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(pairs.map((p) => p.fresh)));
  const fresh = db.prepare('SELECT count(*) FROM customers WHERE source_id = ?').pluck().get(sourceId) as number;
  return { system, new: fresh, changed, unchanged: pairs.length - changed, gone, back, batchId: r.batchId };
}
