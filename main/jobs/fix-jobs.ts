import { decide, type Selection } from '../fix/decide.ts';
import { suggestFixes } from '../fix/suggest-fixes.ts';
import type { ExportRequest } from '../export/export-customers.ts';
import { reverseBatch, reverseChange, type ConflictMode } from '../history/reverse-batch.ts';
import type { JobContext } from '../lib/jobs.ts';
import { exportByLayout, type ExportLayout } from './merge-jobs.ts';
import type { Db } from '../store/open-project.ts';

export type HistoryJobInput =
  | { op: 'batch'; batchId: number; kind: 'undo' | 'redo' | 'revert'; mode: ConflictMode; actor: string }
  | { op: 'change'; changeId: number; mode: ConflictMode; actor: string };

type Ctx = JobContext<Record<string, unknown>>;
const progress = (ctx: Ctx) => (p: { step: string; done: number; total: number }) => ctx.onProgress({ ...p, rows: p.done });

/** Long work of fixing records (issue 9), merged into job-kinds.ts. */
export const fixJobs = {
  /** A standardisation run over every customer; safe rules the project turned on are applied at its end. */
  fix: (db: Db, _input: Record<string, never>, ctx: Ctx) => suggestFixes(db, { signal: ctx.signal, onProgress: progress(ctx) }),
  /** Accepting (or rejecting) a selection too large to do while the user waits. */
  'fix-apply': async (db: Db, input: { action: 'accept' | 'reject' | 'reopen'; selection: Selection; actor: string }, ctx: Ctx) =>
    decide(db, input.action, input.selection, { actor: input.actor, signal: ctx.signal, onProgress: progress(ctx) }),
  /** Customers, or (merge:export-start) golden records, records with their golden id, decisions. */
  export: (db: Db, input: ExportRequest & { layout?: ExportLayout }, ctx: Ctx) => exportByLayout(db, input, { signal: ctx.signal, onProgress: progress(ctx) }),
  /** Undo, redo or revert of a batch with many changes. */
  history: async (db: Db, input: HistoryJobInput, ctx: Ctx) =>
    input.op === 'batch'
      ? reverseBatch(db, input.batchId, input.kind, input.actor, input.mode, { signal: ctx.signal, onProgress: (done) => ctx.onProgress({ step: input.kind, done, total: 0, rows: done }) })
      : reverseChange(db, input.changeId, input.actor, input.mode),
};
