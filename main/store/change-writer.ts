/**
 * The one write path for customer records. A fix, a manual edit, an undo, a
 * revert, a merge all end here: each change updates the working
 * record and appends its change_log entry (time, actor, reason, before,
 * after) in the same transaction, and the batch that groups them is
 * recorded once at the end. Nothing else in the code base UPDATEs a
 * customer's fields.
 *
 * The other entity kinds of the history (a customer's verification, golden
 * membership, hand picks, match labels, suggestion membership, presence in
 * the source: see entity-stores.ts) are written here too, in the same batch
 * as customer changes when an action makes both, with the same before/after
 * rows, so undo, redo and revert reverse any of them through this function.
 *
 * Raw rows are never touched; a record's change_seq becomes the id of the
 * last log entry that changed it, so caches, profiles and incremental
 * matching can ask "what changed since n".
 */
import { customerFieldKeys, type CustomerFieldKey } from '../../shared/domain/fields.ts';
import { AppError } from '../../shared/errors.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import type Database from 'better-sqlite3-multiple-ciphers';
import { entityStore, type CellValue, type EntityStore } from './entity-stores.ts';
import type { Db } from './open-project.ts';

export type { CellValue } from './entity-stores.ts';

export type BatchKind = 'fix' | 'edit' | 'revert' | 'undo' | 'redo' | 'verify' | 'merge' | 'unmerge' | 'withdraw' | 'restore' | 'import' | 'review';

/** Fields a change may set: every customer field except the record's id in its source. */
export const editableFields: readonly CustomerFieldKey[] = customerFieldKeys.filter((f) => f !== 'source_record_id');
const editable = new Set<string>(editableFields);
const fieldIndex = new Map<string, number>(editableFields.map((f, i) => [f, i]));

export function isEditableField(field: string): field is CustomerFieldKey {
  return editable.has(field);
}

export interface BatchHeader {
  kind: BatchKind;
  /** 'steward' in the app, 'cli', 'automatic' for safe rules a run applied by itself. */
  actor: string;
  /** English summary (CLI, log export); the UI makes its own text from kind and params. */
  description: string;
  params?: Record<string, string | number | boolean | null>;
  /** The batch an undo, redo or revert acts on. */
  target?: number;
}

export interface ChangeRequest {
  /** The entity's id: the customer's, for customer fields and the per-customer kinds; a label's smaller customer id. */
  customerId: number;
  /** change_log.entity: 'customer' when absent; another kind of entity-stores.ts otherwise. */
  entity?: string;
  /** A customer field, or for another kind one of its fields (EntityStore.accepts). */
  field: CustomerFieldKey | (string & {});
  after: CellValue;
  /** Why: a fix rule id, 'manual', 'undo', 'revert'. Stored with the change. */
  reason: string;
  /** Apply only while the current value is still this one (a suggestion made earlier, the value an editor saw). */
  expectBefore?: CellValue;
  /** The change_log entry this change reverses (undo, redo, revert). */
  undoes?: number;
  /** The caller's own reference (a suggestion id), handed back to onOutcome. */
  tag?: number;
  /** When the change happened, if not when it is written (a later export's update time); stored as the entry's time. */
  at?: string;
}

export type ChangeOutcome = 'changed' | 'unchanged' | 'stale';

export interface BatchResult {
  /** null when nothing changed (no batch is recorded for nothing). */
  batchId: number | null;
  changed: number;
  /** Already held the new value. */
  unchanged: number;
  /** The value had changed since the request was made; left alone. */
  stale: number;
}

export interface WriteOptions {
  signal?: Cancellation;
  onProgress?: (done: number) => void;
  /** The clock, so tests and a batch's entries share one time. */
  at?: string;
  /**
   * Told what became of each request, inside the write transaction. A caller
   * that records the batch id elsewhere does so after writeBatch returns, in
   * its own enclosing transaction: the batch row is written last, and a row
   * pointing at it before then would be a deferred foreign-key violation,
   * which makes SQLite search for children on every insert into a parent
   * table (quadratic at a million changes).
   */
  onOutcome?: (req: ChangeRequest, outcome: ChangeOutcome) => void;
}

const PROGRESS_EVERY = 20_000;

/**
 * The value as the column will hold it. Every customer column is TEXT except
 * income (ANY, a number where one parsed): a number given for a text column
 * is stored as its text, and the log must record exactly what was stored, or
 * an undo would look for a value that is not there.
 */
export function storedForm(field: string, value: CellValue): CellValue {
  return typeof value === 'number' && field !== 'income' ? String(value) : value;
}

/** Equal as stored: the type counts ('5' is not 5), so an undo restores exactly what was there. */
export function sameValue(a: CellValue, b: CellValue): boolean {
  return a === b;
}

/**
 * Applies the requests as one batch, all or nothing: the caller's
 * cancellation rolls everything back. BEGIN IMMEDIATE takes the write lock
 * first, so the batch never fails half-way upgrading a read snapshot that
 * another connection's commit made stale. Requests for one customer should be
 * adjacent (they are then read and written with one statement each); any
 * order is correct.
 */
export function writeBatch(db: Db, header: BatchHeader, requests: Iterable<ChangeRequest>, opts: WriteOptions = {}): BatchResult {
  const at = opts.at ?? new Date().toISOString();
  return db.transaction(() => {
    // Inside the write transaction nobody else can take the next batch id.
    const batchId = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM change_batches').pluck().get() as number);
    const writer = new RecordWriter(db, batchId, header.actor, at);
    const others = new EntityWriter(db, batchId, header.actor, at);
    const result: BatchResult = { batchId: null, changed: 0, unchanged: 0, stale: 0 };
    let position = 0;
    for (const req of requests) {
      let outcome: ChangeOutcome;
      if (req.entity !== undefined && req.entity !== 'customer') outcome = others.add(req);
      else if (!isEditableField(req.field)) throw new AppError('invalid_input', `${req.field} cannot be changed.`);
      else outcome = writer.add(req);
      if (outcome === 'stale') result.stale++;
      else if (outcome === 'unchanged') result.unchanged++;
      opts.onOutcome?.(req, outcome);
      position++;
      if (position % PROGRESS_EVERY === 0) {
        throwIfCancelled(opts.signal, 'Cancelled; nothing was changed.');
        opts.onProgress?.(position);
      }
    }
    writer.flush();
    others.finish();
    result.changed = writer.changed + others.changed;
    if (result.changed > 0) {
      db.prepare('INSERT INTO change_batches (id, at, actor, kind, description, params, target, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(batchId, at, header.actor, header.kind, header.description, JSON.stringify(header.params ?? {}), header.target ?? null, result.changed);
      result.batchId = batchId;
    }
    return result;
  }).immediate();
}

/** Collects one customer's requests, then reads and writes that record once. */
class RecordWriter {
  changed = 0;
  private readonly read: Database.Statement<unknown[]>;
  private readonly log: Database.Statement<unknown[]>;
  private readonly updates = new Map<string, Database.Statement<unknown[]>>();
  private customerId = -1;
  /** The record's editable values, in editableFields order (read as an array: cheaper than an object per record). */
  private current: CellValue[] | null = null;
  private dirty = new Set<string>();
  private lastLogId = 0;

  constructor(private readonly db: Db, private readonly batchId: number, private readonly actor: string, private readonly at: string) {
    this.read = db.prepare(`SELECT ${editableFields.join(', ')} FROM customer_records WHERE id = ?`).raw(true);
    this.log = db.prepare(
      `INSERT INTO change_log (at, batch_id, entity, entity_id, field, before, after, reason, undoes, actor) VALUES (?, ?, 'customer', ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  add(req: ChangeRequest): ChangeOutcome {
    if (!isEditableField(req.field)) throw new AppError('invalid_input', `${req.field} cannot be changed.`);
    if (req.customerId !== this.customerId) {
      this.flush();
      this.customerId = req.customerId;
      this.current = (this.read.get(req.customerId) as CellValue[] | undefined) ?? null;
      if (!this.current) throw new AppError('not_found', `Customer ${req.customerId} does not exist in this project.`);
    }
    const at = fieldIndex.get(req.field)!;
    const before = this.current![at];
    const after = storedForm(req.field, req.after);
    if (req.expectBefore !== undefined && !sameValue(before, storedForm(req.field, req.expectBefore))) return 'stale';
    if (sameValue(before, after)) return 'unchanged';
    const info = this.log.run(req.at ?? this.at, this.batchId, req.customerId, req.field, before, after, req.reason, req.undoes ?? null, this.actor);
    this.lastLogId = Number(info.lastInsertRowid);
    this.current![at] = after;
    this.dirty.add(req.field);
    this.changed++;
    return 'changed';
  }

  flush(): void {
    if (this.dirty.size === 0) return;
    const fields = [...this.dirty].sort();
    const key = fields.join(',');
    let update = this.updates.get(key);
    if (!update) {
      update = this.db.prepare(`UPDATE customer_records SET ${fields.map((f) => `${f} = ?`).join(', ')}, change_seq = ? WHERE id = ?`);
      this.updates.set(key, update);
    }
    update.run(...fields.map((f) => this.current![fieldIndex.get(f)!]), this.lastLogId, this.customerId);
    this.dirty.clear();
  }
}

/** Changes of the other entity kinds: each read, logged and written at once (entity-stores.ts). */
class EntityWriter {
  changed = 0;
  private readonly log: Database.Statement<unknown[]>;
  /** The kinds this batch changed, each told once at the end (a verification marks the reference as changed). */
  private readonly touched = new Set<EntityStore>();

  constructor(private readonly db: Db, private readonly batchId: number, private readonly actor: string, private readonly at: string) {
    this.log = db.prepare(
      'INSERT INTO change_log (at, batch_id, entity, entity_id, field, before, after, reason, undoes, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  add(req: ChangeRequest): ChangeOutcome {
    const store: EntityStore = entityStore(req.entity!);
    if (!store.accepts(req.field)) throw new AppError('invalid_input', `${req.field} is not a value of ${store.entity}.`);
    const before = store.read(this.db, req.customerId, req.field);
    if (req.expectBefore !== undefined && !sameValue(before, req.expectBefore)) return 'stale';
    if (sameValue(before, req.after)) return 'unchanged';
    this.log.run(req.at ?? this.at, this.batchId, store.entity, req.customerId, req.field, before, req.after, req.reason, req.undoes ?? null, this.actor);
    store.write(this.db, req.customerId, req.field, req.after);
    this.touched.add(store);
    this.changed++;
    return 'changed';
  }

  finish(): void {
    for (const store of this.touched) store.afterBatch?.(this.db, this.at);
  }
}
