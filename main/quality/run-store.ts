/**
 * Persistence of profiling runs. A run writes its issue rows and flag rows
 * under its own run id, invisible to readers (the view reads the 'current'
 * run). Finishing flips the run to current in one short transaction;
 * cancelling deletes the run's rows. Either way the previous results stay
 * intact until the flip.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { RangeResult } from './accumulators.ts';
import type { DuplicateOf } from './post-pass.ts';
import { rules } from './rules.ts';

export function currentRunId(db: Database.Database): number | undefined {
  const row = db.prepare("SELECT id FROM quality_runs WHERE status = 'current'").get() as { id: number } | undefined;
  return row?.id;
}

const runTables = ['quality_issues', 'quality_flags', 'quality_formats'];

/** Rows of runs that were cancelled, failed, crashed or superseded: nobody reads them, so they go. */
export function deleteAbandonedRows(db: Database.Database): void {
  db.transaction(() => {
    const stale = db.prepare("SELECT id FROM quality_runs WHERE status <> 'current'").pluck().all() as number[];
    for (const table of runTables) {
      const del = db.prepare(`DELETE FROM ${table} WHERE run_id = ?`);
      for (const id of stale) del.run(id);
    }
    db.prepare("UPDATE quality_runs SET status = 'failed', finished_at = ? WHERE status = 'running'").run(new Date().toISOString());
  })();
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
    for (const table of runTables) db.prepare(`DELETE FROM ${table} WHERE run_id = ?`).run(runId);
    db.prepare('UPDATE quality_runs SET status = ?, finished_at = ? WHERE id = ?').run(status, new Date().toISOString(), runId);
  })();
}

/**
 * Inserts `count` rows of `width` values with multi-row statements: one
 * statement call per 100 rows instead of per row is most of the write speed.
 */
function bulkInsert(db: Database.Database, head: string, width: number, count: number, values: (r: number, out: unknown[]) => void): void {
  const per = 100;
  const tuple = `(${new Array(width).fill('?').join(',')})`;
  const full = db.prepare(`${head} VALUES ${new Array(per).fill(tuple).join(',')}`);
  const params: unknown[] = [];
  let r = 0;
  for (; r + per <= count; r += per) {
    params.length = 0;
    for (let k = r; k < r + per; k++) values(k, params);
    full.run(params);
  }
  if (r < count) {
    const tail = db.prepare(`${head} VALUES ${new Array(count - r).fill(tuple).join(',')}`);
    params.length = 0;
    for (let k = r; k < count; k++) values(k, params);
    tail.run(params);
  }
}

export interface RunRows {
  run: RangeResult;
  format: Int32Array;
  timely: Uint8Array;
  duplicateOf: DuplicateOf;
  dominant: { sourceId: number; field: string; name: string }[];
}

/**
 * Writes a run's issue rows, flag rows and dominant formats in one
 * transaction. Without foreign-key lookups (as the import writes): the run was
 * just created and every customer id was read from the customers table, so
 * each lookup would only cost (a fifth of the issue rows' write time).
 */
export function writeRunRows(db: Database.Database, runId: number, rows: RunRows): number {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (db.inTransaction || !foreignKeys) return writeRows(db, runId, rows);
  db.pragma('foreign_keys = OFF');
  try {
    return writeRows(db, runId, rows);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function writeRows(db: Database.Database, runId: number, { run, format, timely, duplicateOf, dominant }: RunRows): number {
  const i = run.issues;
  db.transaction(() => {
    bulkInsert(db, 'INSERT INTO quality_issues (run_id, customer_id, source_id, field, dimension, rule, severity, code, params, suggestion)', 10, i.record.length, (k, out) => {
      const r = i.record[k];
      const def = rules[i.rule[k]];
      out.push(runId, run.ids[r], run.sourceOf[r], i.field[k], def.dimension, i.rule[k], def.severity, i.code[k], i.params[k], i.suggestion[k]);
    });
    const orNull = (n: number) => (Number.isNaN(n) ? null : n);
    bulkInsert(db, 'INSERT INTO quality_flags (run_id, customer_id, source_id, missing, format, timely, age_days, dup_email_of, dup_phone_of, dup_mobile_of)', 10, run.count, (r, out) => {
      const age = run.ageDays[r];
      out.push(runId, run.ids[r], run.sourceOf[r], run.missing[r], format[r], timely[r], age < 0 ? null : age, orNull(duplicateOf.email[r]), orNull(duplicateOf.phone[r]), orNull(duplicateOf.mobile[r]));
    });
    const fmt = db.prepare('INSERT INTO quality_formats (run_id, source_id, field, name) VALUES (?, ?, ?, ?)');
    for (const d of dominant) fmt.run(runId, d.sourceId, d.field, d.name);
  })();
  return i.record.length;
}
