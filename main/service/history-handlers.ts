import type { Handlers } from '../../shared/contract.ts';
import { changesPage, exportLog, historyState, nextToReverse, redo, undo } from '../history/history.ts';
import { reverseBatch, reverseChange, type ConflictMode, type ReversalResult } from '../history/reverse-batch.ts';
import type { HistoryJobInput } from '../jobs/fix-jobs.ts';
import { getBatch } from '../store/history-repo.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../store/open-project.ts';
import type { ServiceContext } from './service-context.ts';

function touchesSources(db: Db, batchId: number): boolean {
  return db.prepare("SELECT 1 FROM change_log WHERE batch_id = ? AND entity = 'source' LIMIT 1").get(batchId) !== undefined;
}

/** Batches with more changes than this are reversed (or checked) as a job, with progress and cancel. */
const INLINE_CHANGES = 5000;

export function historyHandlers(ctx: ServiceContext): Pick<Handlers, 'history:page' | 'history:changes' | 'history:undo' | 'history:redo' | 'history:revert' | 'history:export'> {
  const done = (r: ReversalResult) => {
    // Undoing or redoing a withdrawal hides or shows a whole source: counts, views and the dashboard follow.
    if (r.batchId !== null && touchesSources(ctx.project().db, r.batchId)) ctx.sourcesChanged();
    else if (r.batchId !== null) ctx.changed();
    return { ...r, jobId: null };
  };
  /** A big batch goes to a job; the job's result (a ReversalResult) arrives with job:done. */
  const asJob = (input: HistoryJobInput) => ({ total: 0, conflicts: 0, sample: [], batchId: null, changed: 0, jobId: ctx.startJob('history', input) });
  // Every mode may write ('check' reverses at once when nothing conflicts), so none may start while a job writes.
  const reverseStack = (which: 'undo' | 'redo', mode: ConflictMode) => {
    ctx.assertCanWrite();
    const { db } = ctx.project();
    const target = nextToReverse(db, which);
    if (target.changes > INLINE_CHANGES) return asJob({ op: 'batch', batchId: target.id, kind: which, mode, actor: 'steward' });
    return done(which === 'undo' ? undo(db, 'steward', mode) : redo(db, 'steward', mode));
  };
  return {
    'history:page': async ({ offset, limit }) => historyState(ctx.project().db, offset, limit),
    'history:changes': async ({ batchId, offset, limit }) => changesPage(ctx.project().db, batchId, offset, limit),
    'history:undo': async ({ mode }) => reverseStack('undo', mode),
    'history:redo': async ({ mode }) => reverseStack('redo', mode),
    'history:revert': async ({ batchId, changeId, mode }) => {
      ctx.assertCanWrite();
      const { db } = ctx.project();
      if (changeId !== undefined) return done(reverseChange(db, changeId, 'steward', mode));
      const batch = getBatch(db, batchId!);
      if (batch && batch.changes > INLINE_CHANGES) return asJob({ op: 'batch', batchId: batch.id, kind: 'revert', mode, actor: 'steward' });
      return done(reverseBatch(db, batchId!, 'revert', 'steward', mode));
    },
    'history:export': async ({ path }) => {
      // Only a .csv: the log must never be written over a project or any other file by a slip of the name.
      if (!/\.csv$/i.test(path)) throw new AppError('invalid_input', 'The file name must end in .csv.');
      return { path, rows: exportLog(ctx.project().db, path) };
    },
  };
}
