/**
 * A standardisation run: every customer's values go through the
 * standardisers, and what they propose (or flag) is stored as suggestions
 * for a steward to review. The run writes beside the current suggestions and
 * becomes current in the same transaction, so a cancelled, failed or killed
 * run leaves the previous suggestions exactly as they were.
 */
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import { projectAccess, type Db } from '../store/open-project.ts';
import { currentRunRows, rejectedKeys, rejectionKey, suggestionInserter, suspendReviewIndex, type NewSuggestion } from '../store/suggestions-repo.ts';
import { standardiseCustomers } from './standardise-customers.ts';
import { standardiseInWorker } from './standardise-in-worker.ts';
import { readSourceContexts } from './source-context.ts';
import { fillFromDuplicates } from './fill-from-duplicates.ts';
import { applyAutomaticRules } from './decide.ts';

export interface FixRunProgress {
  step: 'context' | 'suggest' | 'fill' | 'save' | 'apply';
  done: number;
  total: number;
}

export interface FixRunOptions {
  /** Standardise in a second thread from this many customers on (default 50,000). */
  parallelFrom?: number;
  signal?: Cancellation;
  onProgress?: (p: FixRunProgress) => void;
  now?: Date;
}

export interface FixRunResult {
  runId: number;
  records: number;
  suggestions: number;
  flags: number;
  seconds: number;
  /** Suggestions applied automatically (safe rules the project turned on). */
  autoApplied: number;
}

/** Projects this large are standardised in a second thread. */
const PARALLEL_FROM = 50_000;
const cancelled = 'Cancelled; the previous suggestions are unchanged.';

export async function suggestFixes(db: Db, opts: FixRunOptions = {}): Promise<FixRunResult> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  opts.onProgress?.({ step: 'context', done: 0, total: 1 });
  const contexts = readSourceContexts(db);
  const counts = { suggestions: 0, flags: 0 };
  const rejected = rejectedKeys(db);
  let runId = 0;
  let total = 0;
  let seconds = 0;
  // One write transaction over the whole run (held across the pages' awaits): the run's row, its
  // suggestions and its becoming current commit together, so a failure, a crash or a kill at any
  // moment leaves the previous run current and no trace of this one but a note that it failed.
  // Inside a caller's transaction (the command line finds and applies in one) it is a savepoint of it.
  const nested = db.inTransaction;
  db.exec(nested ? 'SAVEPOINT suggest_fixes' : 'BEGIN IMMEDIATE');
  try {
    const maxChangeSeq = db.prepare('SELECT coalesce(max(id), 0) FROM change_log').pluck().get() as number;
    runId = Number(db.prepare("INSERT INTO fix_runs (started_at, status, options_json) VALUES (?, 'running', ?)")
      .run(now.toISOString(), JSON.stringify({ now: now.toISOString(), maxChangeSeq })).lastInsertRowid);
    total = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    // Without an earlier run, a run stores a few rows per customer.
    const restoreReviewIndex = suspendReviewIndex(db, currentRunRows(db) ?? total);
    const insert = suggestionInserter(db, runId);
    const store = (s: NewSuggestion): void => {
      if (s.kind === 'change' && rejected.size > 0 && rejected.has(rejectionKey(s.customerId, s.field, s.after))) return;
      insert.add(s);
      if (s.kind === 'change') counts.suggestions++;
      else counts.flags++;
    };
    // A large project is standardised in a second thread while this one writes (the writes are half the work).
    const pages = total >= (opts.parallelFrom ?? PARALLEL_FROM) ? standardiseInWorker(projectAccess(db), contexts, now) : standardiseCustomers(db, contexts, now);
    let done = 0;
    for await (const page of pages) {
      for (const s of page.suggestions) store(s);
      done += page.customers;
      throwIfCancelled(opts.signal, cancelled);
      opts.onProgress?.({ step: 'suggest', done, total });
    }
    opts.onProgress?.({ step: 'fill', done: 0, total: 1 });
    fillFromDuplicates(db, contexts, now, store);
    insert.flush();
    throwIfCancelled(opts.signal, cancelled);
    restoreReviewIndex();
    seconds = (Date.now() - started) / 1000;
    opts.onProgress?.({ step: 'save', done: 0, total: 1 });
    db.prepare("UPDATE fix_runs SET status = 'superseded' WHERE status = 'current'").run();
    db.prepare("UPDATE fix_runs SET status = 'current', finished_at = ?, summary_json = ? WHERE id = ?")
      .run(new Date().toISOString(), JSON.stringify({ records: total, seconds, ...counts }), runId);
    db.exec(nested ? 'RELEASE suggest_fixes' : 'COMMIT');
  } catch (err) {
    if (nested) db.exec('ROLLBACK TO suggest_fixes; RELEASE suggest_fixes');
    else if (db.inTransaction) db.exec('ROLLBACK');
    const failed = (err as { code?: string }).code === 'cancelled' ? 'cancelled' : 'failed';
    try {
      db.prepare('INSERT INTO fix_runs (started_at, finished_at, status, options_json) VALUES (?, ?, ?, ?)')
        .run(now.toISOString(), new Date().toISOString(), failed, JSON.stringify({ now: now.toISOString() }));
    } catch {
      // The run's own error is the one to report.
    }
    throw err;
  }
  opts.onProgress?.({ step: 'apply', done: 0, total: 1 });
  const autoApplied = applyAutomaticRules(db, { signal: opts.signal });
  return { runId, records: total, ...counts, seconds, autoApplied };
}
