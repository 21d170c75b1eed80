/**
 * Persistence of profiling runs and their issues. A run writes its issues in
 * page-sized transactions under its own run id, invisible to readers (they
 * read the 'current' run). Finishing flips the run to current in one short
 * transaction; cancelling deletes the run's rows. Either way the previous
 * results stay intact until the flip.
 */
import type Database from 'better-sqlite3';
import type { RecordIssue } from './types.ts';

export function currentRunId(db: Database.Database): number | undefined {
  const row = db.prepare("SELECT id FROM quality_runs WHERE status = 'current'").get() as { id: number } | undefined;
  return row?.id;
}

/** Issue rows of runs that were cancelled, failed, crashed or superseded: nobody reads them, so they go. */
export function deleteAbandonedIssues(db: Database.Database): void {
  db.prepare("DELETE FROM quality_issues WHERE run_id IN (SELECT id FROM quality_runs WHERE status NOT IN ('current'))").run();
  db.prepare("UPDATE quality_runs SET status = 'failed', finished_at = ? WHERE status = 'running'").run(new Date().toISOString());
}

export function startRun(db: Database.Database, startedAt: string, options: unknown): number {
  const info = db.prepare("INSERT INTO quality_runs (started_at, status, options_json) VALUES (?, 'running', ?)").run(startedAt, JSON.stringify(options));
  return Number(info.lastInsertRowid);
}

/** Makes the run current and the previous one superseded, atomically. */
export function finishRun(db: Database.Database, runId: number, context: unknown): void {
  db.transaction(() => {
    db.prepare("UPDATE quality_runs SET status = 'superseded' WHERE status = 'current'").run();
    db.prepare("UPDATE quality_runs SET status = 'current', finished_at = ?, context_json = ? WHERE id = ?").run(new Date().toISOString(), JSON.stringify(context), runId);
  })();
}

export function abandonRun(db: Database.Database, runId: number, status: 'cancelled' | 'failed'): void {
  db.transaction(() => {
    db.prepare('DELETE FROM quality_issues WHERE run_id = ?').run(runId);
    db.prepare('UPDATE quality_runs SET status = ?, finished_at = ? WHERE id = ?').run(status, new Date().toISOString(), runId);
  })();
}

/** Buffers issues and writes them in one transaction per flush: per-row commits would cost ~100× more. */
export class IssueWriter {
  private readonly insert: Database.Statement;
  private buffer: RecordIssue[] = [];
  count = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly runId: number,
    private readonly flushAt = 20_000,
  ) {
    this.insert = db.prepare(
      'INSERT INTO quality_issues (run_id, customer_id, source_id, field, dimension, rule, severity, message, suggestion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  readonly add = (issue: RecordIssue): void => {
    this.buffer.push(issue);
    if (this.buffer.length >= this.flushAt) this.flush();
  };

  addAll(issues: RecordIssue[]): void {
    for (const i of issues) this.buffer.push(i);
    if (this.buffer.length >= this.flushAt) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    const insert = this.insert;
    const runId = this.runId;
    this.db.transaction(() => {
      for (const i of rows) insert.run(runId, i.customerId, i.sourceId, i.field, i.dimension, i.rule, i.severity, i.message, i.suggestion ?? null);
    })();
    this.count += rows.length;
  }
}
