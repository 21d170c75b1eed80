/**
 * Reads of the change history (005-changes-and-fixes.sql): batches newest
 * first, the changes of one batch, and the whole log for export. Writes go
 * through change-writer.ts only.
 */
import { isEditableField, type BatchKind, type CellValue } from './change-writer.ts';
import type { Db } from './open-project.ts';

export interface BatchRow {
  id: number;
  at: string;
  actor: string;
  kind: BatchKind;
  description: string;
  params: Record<string, unknown>;
  target: number | null;
  changes: number;
}

export interface ChangeRow {
  id: number;
  at: string;
  batchId: number;
  /** change_log.entity: 'customer', or another kind (entity-stores.ts). */
  entity: string;
  /** The entity's id (for 'customer' and the per-customer kinds, the customer's). */
  customerId: number;
  field: string;
  before: CellValue;
  after: CellValue;
  reason: string;
  undoes: number | null;
  actor: string | null;
}

interface RawBatch extends Omit<BatchRow, 'params'> {
  params: string;
}

const batchColumns = 'id, at, actor, kind, description, params, target, changes';
const changeColumns = 'id, at, CAST(batch_id AS INTEGER) batchId, entity, entity_id customerId, field, before, after, reason, undoes, actor';

const toBatch = (r: RawBatch): BatchRow => ({ ...r, params: JSON.parse(r.params) as Record<string, unknown> });

export function batchPage(db: Db, offset: number, limit: number): { rows: BatchRow[]; total: number } {
  const rows = (db.prepare(`SELECT ${batchColumns} FROM change_batches ORDER BY id DESC LIMIT ? OFFSET ?`).all(limit, offset) as RawBatch[]).map(toBatch);
  return { rows, total: db.prepare('SELECT count(*) FROM change_batches').pluck().get() as number };
}

export function getBatch(db: Db, id: number): BatchRow | undefined {
  const row = db.prepare(`SELECT ${batchColumns} FROM change_batches WHERE id = ?`).get(id) as RawBatch | undefined;
  return row && toBatch(row);
}

/** Every batch's id, kind and target in order: what the undo and redo stacks are replayed from. */
export function batchSkeletons(db: Db): { id: number; kind: BatchKind; target: number | null }[] {
  return db.prepare('SELECT id, kind, target FROM change_batches ORDER BY id').all() as { id: number; kind: BatchKind; target: number | null }[];
}

export function batchChangePage(db: Db, batchId: number, offset: number, limit: number): ChangeRow[] {
  return db.prepare(`SELECT ${changeColumns} FROM change_log WHERE batch_id = ? ORDER BY id LIMIT ? OFFSET ?`).all(batchId, limit, offset) as ChangeRow[];
}

const PAGE = 10_000;

/**
 * A batch's changes ordered by record, field and time, read in pages along
 * the change_log_batch index: the first row of a record's field is what was
 * there before the batch, the last what the batch left. Paged rather than
 * iterated, so the caller may write between pages (a connection cannot write
 * while one of its statements iterates).
 */
export function* batchChangesByField(db: Db, batchId: number): Generator<ChangeRow> {
  const first = db.prepare(`SELECT ${changeColumns} FROM change_log WHERE batch_id = ? ORDER BY batch_id, entity_id, field, id LIMIT ?`);
  const next = db.prepare(
    `SELECT ${changeColumns} FROM change_log WHERE batch_id = ? AND (entity_id, field, id) > (?, ?, ?) ORDER BY batch_id, entity_id, field, id LIMIT ?`,
  );
  let rows = first.all(batchId, PAGE) as ChangeRow[];
  while (rows.length > 0) {
    yield* rows;
    const last = rows[rows.length - 1];
    rows = next.all(batchId, last.customerId, last.field, last.id, PAGE) as ChangeRow[];
  }
}

export function getChange(db: Db, id: number): ChangeRow | undefined {
  return db.prepare(`SELECT ${changeColumns} FROM change_log WHERE id = ?`).get(id) as ChangeRow | undefined;
}

/** The newest change after `afterId` to one field of one entity (who touched it since). */
export function laterChange(db: Db, customerId: number, field: string, afterId: number, entity = 'customer'): ChangeRow | undefined {
  return db
    .prepare(`SELECT ${changeColumns} FROM change_log WHERE entity = ? AND entity_id = ? AND field = ? AND id > ? ORDER BY id DESC LIMIT 1`)
    .get(entity, customerId, field, afterId) as ChangeRow | undefined;
}

/** What a field of a record holds now (the other kinds: history/entity-kinds.ts). */
export function currentValue(db: Db, customerId: number, field: string): CellValue | undefined {
  // The field becomes SQL text: only a known column name may.
  if (!isEditableField(field)) return undefined;
  const row = db.prepare(`SELECT ${field} v FROM customer_records WHERE id = ?`).get(customerId) as { v: CellValue } | undefined;
  return row?.v;
}

/** The whole log in order, with each batch's kind and description, for export (a verification's before and after are its JSON texts). */
export function iterateLog(db: Db): IterableIterator<ChangeRow & { kind: string; description: string; source: string; sourceRecordId: string | null }> {
  return db
    .prepare(
      `SELECT l.id, l.at, CAST(l.batch_id AS INTEGER) batchId, l.entity, l.entity_id customerId, l.field, l.before, l.after, l.reason, l.undoes, l.actor,
              b.kind, b.description, s.file_name source, c.source_record_id sourceRecordId
       FROM change_log l JOIN change_batches b ON b.id = l.batch_id
       JOIN customer_records c ON c.id = l.entity_id JOIN sources s ON s.id = c.source_id
       WHERE l.entity IN ('customer', 'verification') ORDER BY l.id`,
    )
    .iterate() as IterableIterator<ChangeRow & { kind: string; description: string; source: string; sourceRecordId: string | null }>;
}
