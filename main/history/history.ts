/**
 * The change history as a steward uses it: the list of batches with what
 * Undo and Redo would do next, one batch's changes with whose record each
 * is, undo and redo (reversals of the top of each stack), undo of everything,
 * and the log as CSV.
 */
import type { BatchInfo, ChangeInfo, HistoryState } from '../../shared/channels/fix.ts';
import { AppError } from '../../shared/errors.ts';
import type { Cancellation } from '../lib/cancellation.ts';
import { CsvFileWriter } from '../lib/csv.ts';
import { batchChangePage, batchPage, batchSkeletons, getBatch, iterateLog, type BatchRow } from '../store/history-repo.ts';
import type { Db } from '../store/open-project.ts';
import { reverseBatch, type ConflictMode, type ReversalResult } from './reverse-batch.ts';
import { appliedBatches, replayStacks, type Stacks } from './undo-stack.ts';

export function stacks(db: Db): Stacks {
  return replayStacks(batchSkeletons(db));
}

/** Ordinary batches whose changes stand now (undone ones left out, redone ones back in). */
export function batchesInEffect(db: Db): number[] {
  return appliedBatches(batchSkeletons(db));
}

function info(row: BatchRow, s: Stacks): BatchInfo {
  const active = row.kind === 'undo' ? s.redo.includes(row.id) : s.undo.includes(row.id);
  return { ...row, active };
}

export function historyState(db: Db, offset: number, limit: number): HistoryState {
  const s = stacks(db);
  const { rows, total } = batchPage(db, offset, limit);
  const top = (ids: number[]): BatchInfo | null => {
    const id = ids.at(-1);
    const row = id === undefined ? undefined : getBatch(db, id);
    return row ? info(row, s) : null;
  };
  return { rows: rows.map((r) => info(r, s)), total, undo: top(s.undo), redo: top(s.redo) };
}

export function changesPage(db: Db, batchId: number, offset: number, limit: number): { rows: ChangeInfo[]; total: number } {
  const batch = getBatch(db, batchId);
  if (!batch) throw new AppError('not_found', `There is no batch ${batchId} in the change history.`);
  const rows = batchChangePage(db, batchId, offset, limit);
  const labels = db.prepare(
    `SELECT c.id, s.file_name source, trim(coalesce(nullif(c.full_name, ''), trim(coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, '')), '')) label
     FROM customer_records c JOIN sources s ON s.id = c.source_id WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(rows.filter((r) => r.entity !== 'source').map((r) => r.customerId))])) as { id: number; source: string; label: string }[];
  const byId = new Map(labels.map((l) => [l.id, l]));
  // A withdrawal's change names a source, not a customer (entity-stores.ts): its label is the file.
  const sourceName = db.prepare('SELECT file_name FROM sources WHERE id = ?').pluck();
  const labelOf = (r: (typeof rows)[number]) =>
    r.entity === 'source' ? { label: (sourceName.get(r.customerId) as string | undefined) ?? '', source: (sourceName.get(r.customerId) as string | undefined) ?? '' } : byId.get(r.customerId);
  return {
    rows: rows.map((r) => ({ ...r, label: labelOf(r)?.label ?? '', source: labelOf(r)?.source ?? '' })),
    total: batch.changes,
  };
}

/** The batch Undo (or Redo) would reverse next, or an error saying there is none. */
export function nextToReverse(db: Db, which: 'undo' | 'redo'): BatchRow {
  const id = stacks(db)[which].at(-1);
  const row = id === undefined ? undefined : getBatch(db, id);
  if (!row) throw new AppError('invalid_input', which === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
  return row;
}

export function undo(db: Db, actor: string, mode: ConflictMode, opts: { signal?: Cancellation; onProgress?: (done: number) => void } = {}): ReversalResult {
  return reverseBatch(db, nextToReverse(db, 'undo').id, 'undo', actor, mode, opts);
}

export function redo(db: Db, actor: string, mode: ConflictMode, opts: { signal?: Cancellation; onProgress?: (done: number) => void } = {}): ReversalResult {
  return reverseBatch(db, nextToReverse(db, 'redo').id, 'redo', actor, mode, opts);
}

/**
 * Undoes every batch on the undo stack, newest first, so the records hold
 * what they held after import. Reversing in this order meets no conflicts:
 * every later batch is undone before an earlier one. All of it is one
 * transaction (each batch's reversal a savepoint inside it): a crash or a
 * batch that cannot be reversed leaves every batch as it was, never some
 * undone and some not.
 */
export function undoAll(db: Db, actor: string, opts: { signal?: Cancellation; onProgress?: (done: number) => void } = {}): { batches: number; changed: number } {
  return db.transaction(() => {
    let batches = 0;
    let changed = 0;
    for (;;) {
      const id = stacks(db).undo.at(-1);
      if (id === undefined) return { batches, changed };
      const r = reverseBatch(db, id, 'undo', actor, 'skip', opts);
      // A batch that could not be reversed at all stays on the stack: stop rather than try it forever.
      if (r.batchId === null) throw new AppError('invalid_input', `Batch ${id} could not be undone: every value it set has been changed since (${r.conflicts} conflicts); nothing was undone.`);
      batches++;
      changed += r.changed;
    }
  }).immediate();
}

/** The whole log as CSV: one row per change, with its batch, who and why. */
export function exportLog(db: Db, path: string): number {
  const out = new CsvFileWriter(path, { bom: true });
  out.row(['change_id', 'at', 'batch_id', 'batch_kind', 'batch', 'actor', 'source', 'source_record_id', 'customer_id', 'field', 'before', 'after', 'reason', 'undoes']);
  let n = 0;
  for (const r of iterateLog(db)) {
    out.row([r.id, r.at, r.batchId, r.kind, r.description, r.actor, r.source, r.sourceRecordId, r.customerId, r.field, r.before, r.after, r.reason, r.undoes]);
    n++;
  }
  out.close();
  return n;
}
