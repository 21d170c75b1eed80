/**
 * Reversing recorded changes: the one mechanism behind undo, redo, and the
 * history view's "revert this batch" and "revert this change". A reversal is
 * a new batch that sets each field back to what it held before the reversed
 * changes; nothing is deleted from the log.
 *
 * A field that some later change has touched again is a conflict: the value
 * the reversed batch left is no longer there. `check` reverses only when
 * there is no conflict and otherwise reports them without writing (the view
 * then asks), `skip` leaves conflicting fields as they are, `overwrite`
 * restores the old value anyway.
 */
import { AppError } from '../../shared/errors.ts';
import type { Cancellation } from '../lib/cancellation.ts';
import { sameValue, writeBatch, type BatchHeader, type BatchResult, type CellValue, type ChangeRequest } from '../store/change-writer.ts';
import { batchChangesByField, getBatch, getChange, laterChange, type BatchRow, type ChangeRow } from '../store/history-repo.ts';
import type { Db } from '../store/open-project.ts';
import { syncSuggestionsAfterReversal } from '../store/suggestions-repo.ts';
import { entityKind } from './entity-kinds.ts';

export type ConflictMode = 'check' | 'skip' | 'overwrite';

export interface Conflict {
  /** change_log.entity of the value ('customer' for a customer field). */
  entity: string;
  customerId: number;
  field: string;
  /** What the reversed change left. */
  left: CellValue;
  /** What the field holds now. */
  current: CellValue;
  /** The newest change that touched the field since. */
  laterBatch: { id: number; kind: string; at: string; description: string } | null;
}

export interface ReversalResult {
  /** Fields the reversal covers. */
  total: number;
  conflicts: number;
  /** Up to 50 conflicts with who changed the field since. */
  sample: Conflict[];
  /** null when `check` found conflicts, or when nothing needed changing. */
  batchId: number | null;
  changed: number;
}

const SAMPLE = 50;

interface Group {
  newest: ChangeRow;
  oldest: ChangeRow;
}

/**
 * Consecutive rows of one entity, record and field, oldest first
 * (batchChangesByField's order), as one group. Kinds never share a field
 * name for one id (entity-stores.ts), so a key's rows are consecutive.
 */
function* groups(rows: Iterable<ChangeRow>): Generator<Group> {
  let group: Group | null = null;
  for (const row of rows) {
    const n = group?.newest;
    if (group && n!.customerId === row.customerId && n!.field === row.field && n!.entity === row.entity) group.newest = row;
    else {
      if (group) yield group;
      group = { newest: row, oldest: row };
    }
  }
  if (group) yield group;
}

function conflictOf(db: Db, g: Group, current: CellValue): Conflict {
  const later = laterChange(db, g.newest.customerId, g.newest.field, g.newest.id, g.newest.entity);
  const batch = later ? getBatch(db, later.batchId) : undefined;
  return {
    entity: g.newest.entity,
    customerId: g.newest.customerId,
    field: g.newest.field,
    left: g.newest.after,
    current,
    laterBatch: batch ? { id: batch.id, kind: batch.kind, at: batch.at, description: batch.description } : null,
  };
}

function reverse(db: Db, rows: () => Iterable<ChangeRow>, header: BatchHeader, mode: ConflictMode, opts: { signal?: Cancellation; onProgress?: (done: number) => void }): ReversalResult {
  let total = 0;
  let conflicts = 0;
  const sample: Conflict[] = [];
  if (mode === 'check') {
    for (const g of groups(rows())) {
      total++;
      const current = entityKind(g.newest.entity).current(db, g.newest.customerId, g.newest.field) ?? null;
      if (sameValue(current, g.newest.after)) continue;
      conflicts++;
      if (sample.length < SAMPLE) sample.push(conflictOf(db, g, current));
    }
    if (conflicts > 0) return { total, conflicts, sample, batchId: null, changed: 0 };
    total = 0;
  }
  const requests = function* (): Generator<ChangeRequest> {
    for (const g of groups(rows())) {
      total++;
      yield {
        // A customer's field or another kind's value: writeBatch gives each to its own writer, in this one batch.
        entity: g.newest.entity,
        customerId: g.newest.customerId,
        field: g.newest.field,
        after: g.oldest.before,
        reason: header.kind,
        expectBefore: mode === 'overwrite' ? undefined : g.newest.after,
        undoes: g.newest.id,
      };
    }
  };
  const result: BatchResult = writeBatch(db, header, requests(), opts);
  return { total, conflicts: result.stale, sample, batchId: result.batchId, changed: result.changed };
}

/**
 * Reverses a whole batch as a new batch of the given kind (undo, redo or
 * revert), keeping the fix suggestions' status in step with what is applied.
 */
export function reverseBatch(db: Db, batchId: number, kind: 'undo' | 'redo' | 'revert', actor: string, mode: ConflictMode, opts: { signal?: Cancellation; onProgress?: (done: number) => void } = {}): ReversalResult {
  const target = getBatch(db, batchId);
  if (!target) throw new AppError('not_found', `There is no batch ${batchId} in the change history.`);
  const header: BatchHeader = {
    kind, actor, description: `${verb[kind]}: ${target.description}`,
    params: { targetKind: target.kind, targetDescription: target.description, ...rootParams(db, target) }, target: batchId,
  };
  return db.transaction(() => {
    const result = reverse(db, () => batchChangesByField(db, batchId), header, mode, opts);
    if (result.batchId !== null) syncSuggestionsAfterReversal(db, rootBatch(db, target), result.batchId, appliesRoot(db, target));
    return result;
  }).immediate();
}

/** Reverses one change (the history view's "revert this change"). */
export function reverseChange(db: Db, changeId: number, actor: string, mode: ConflictMode): ReversalResult {
  const change = getChange(db, changeId);
  if (!change) throw new AppError('not_found', `There is no change ${changeId} in the change history.`);
  const header: BatchHeader = {
    kind: 'revert', actor, description: `Revert: ${change.field} of customer ${change.customerId}`,
    params: { change: changeId, field: change.field, customer: change.customerId }, target: change.batchId,
  };
  return db.transaction(() => {
    const result = reverse(db, () => [change], header, mode, {});
    const batch = getBatch(db, change.batchId);
    if (result.batchId !== null && batch) syncSuggestionsAfterReversal(db, rootBatch(db, batch), result.batchId, appliesRoot(db, batch));
    return result;
  }).immediate();
}

const verb = { undo: 'Undo', redo: 'Redo', revert: 'Revert' } as const;

/** The batch whose work an undo/redo chain is about (a redo's undo's fix batch). */
function rootBatch(db: Db, batch: BatchRow): number {
  let b: BatchRow | undefined = batch;
  while (b && (b.kind === 'undo' || b.kind === 'redo') && b.target !== null) {
    const next = getBatch(db, b.target);
    if (!next) break;
    b = next;
  }
  return b?.id ?? batch.id;
}

/**
 * The work an undo, redo or revert is ultimately about (a redo's undo's fix
 * batch), with that batch's own parameters prefixed "root_": the UI words
 * "Redo of batch 5: applied 65 suggestions (email case)" in the user's
 * language from these, without reading older batches.
 */
function rootParams(db: Db, target: BatchRow): Record<string, string | number | boolean | null> {
  const root = getBatch(db, rootBatch(db, target)) ?? target;
  const out: Record<string, string | number | boolean | null> = { rootId: root.id, rootKind: root.kind, rootTarget: root.target };
  for (const [k, v] of Object.entries(root.params)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[`root_${k}`] = v;
  }
  return out;
}

/**
 * Whether, after reversing `target`, the root batch's changes are in force
 * again: reversing an undo (a redo) re-applies them; reversing the root or a
 * redo takes them away.
 */
function appliesRoot(db: Db, target: BatchRow): boolean {
  let depth = 0;
  let b: BatchRow | undefined = target;
  while (b && (b.kind === 'undo' || b.kind === 'redo') && b.target !== null) {
    depth++;
    b = getBatch(db, b.target);
  }
  // A target at even depth (the root itself, or a redo) holds the root's work: reversing it removes the work.
  return depth % 2 === 1;
}
