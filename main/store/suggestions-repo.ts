/**
 * The SQL of standardisation suggestions (005-changes-and-fixes.sql): a run's
 * rows, the review grid's pages and counts, and status changes. Only the
 * current run's suggestions are ever shown or applied.
 */
import type { Db } from './open-project.ts';
import type { CellValue } from './change-writer.ts';

export type SuggestionStatus = 'open' | 'accepted' | 'rejected' | 'stale';

export interface SuggestionFilterSql {
  rule?: string;
  field?: string;
  sourceId?: number;
  status?: SuggestionStatus;
  kind?: 'change' | 'flag';
  minConfidence?: number;
  maxConfidence?: number;
  customerId?: number;
}

export interface NewSuggestion {
  customerId: number;
  sourceId: number;
  field: string;
  kind: 'change' | 'flag';
  rule: string;
  before: CellValue;
  after: CellValue;
  confidence: number;
  params: string | null;
}

const CURRENT = "(SELECT id FROM fix_runs WHERE status = 'current')";

export function currentFixRunId(db: Db): number | null {
  return (db.prepare("SELECT id FROM fix_runs WHERE status = 'current'").pluck().get() as number | undefined) ?? null;
}

/** WHERE clause over fix_suggestions (alias g) for the current run; every value bound. */
export function suggestionWhere(f: SuggestionFilterSql): { sql: string; params: (string | number)[] } {
  const parts = [`g.run_id = ${CURRENT}`];
  const params: (string | number)[] = [];
  const eq = (col: string, v: string | number | undefined): void => {
    if (v !== undefined) (parts.push(`g.${col} = ?`), params.push(v));
  };
  eq('rule', f.rule);
  eq('field', f.field);
  eq('source_id', f.sourceId);
  eq('status', f.status);
  eq('kind', f.kind);
  eq('customer_id', f.customerId);
  if (f.minConfidence !== undefined) (parts.push('g.confidence >= ?'), params.push(f.minConfidence));
  if (f.maxConfidence !== undefined) (parts.push('g.confidence <= ?'), params.push(f.maxConfidence));
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/** Rows per INSERT: at a million records binding one statement per suggestion is most of a run's time. */
const ROWS_PER_INSERT = 32;
const COLUMNS = 10;

/**
 * Inserts a run's suggestions in statements of 32 rows; `flush` writes the
 * rest (call it before the run's transaction ends).
 */
export function suggestionInserter(db: Db, runId: number): { add: (s: NewSuggestion) => void; flush: () => void } {
  const sql = (n: number) =>
    `INSERT INTO fix_suggestions (run_id, customer_id, source_id, field, kind, rule, before, after, confidence, params) VALUES ${Array(n).fill(`(${Array(COLUMNS).fill('?').join(', ')})`).join(', ')}`;
  const many = db.prepare(sql(ROWS_PER_INSERT));
  const one = db.prepare(sql(1));
  const values: unknown[] = [];
  let rows = 0;
  return {
    add(s) {
      values.push(runId, s.customerId, s.sourceId, s.field, s.kind, s.rule, s.before, s.after, s.confidence, s.params);
      if (++rows === ROWS_PER_INSERT) {
        many.run(values);
        values.length = 0;
        rows = 0;
      }
    },
    flush() {
      for (let i = 0; i < rows; i++) one.run(values.slice(i * COLUMNS, (i + 1) * COLUMNS));
      values.length = 0;
      rows = 0;
    },
  };
}

/**
 * Drops the review index (run, rule, field) for the length of a run's
 * bulk insert and returns what puts it back, exactly as the schema defines it.
 * A run's rows arrive in customer order, so each lands in the middle of that
 * index (one insertion point per rule and field): maintaining it row by row
 * cost two thirds of the insert, while building it afterwards is one sort.
 * The rebuild also sorts every earlier run's rows, so the index is kept when
 * those outnumber this run's likely rows (the last run's) several times. Call
 * inside the run's transaction: a kill or a rollback leaves the index as it was.
 */
export function suspendReviewIndex(db: Db, expectedRows: number): () => void {
  const existing = db.prepare('SELECT coalesce(max(id), 0) FROM fix_suggestions').pluck().get() as number;
  if (existing > REBUILD_BEYOND * Math.max(expectedRows, 1)) return () => {};
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'fix_suggestions_review'").pluck().get() as string | undefined;
  if (!sql) return () => {};
  db.exec('DROP INDEX fix_suggestions_review');
  return () => db.exec(sql);
}

/** Building the index sorts old and new rows; maintaining it costs about four times a sorted row per new row. */
const REBUILD_BEYOND = 3;

/** Rows (suggestions and flags) the current run stored, or null when there is none. */
export function currentRunRows(db: Db): number | null {
  const json = db.prepare("SELECT summary_json FROM fix_runs WHERE status = 'current'").pluck().get() as string | null | undefined;
  if (!json) return null;
  const s = JSON.parse(json) as { suggestions?: number; flags?: number };
  return (s.suggestions ?? 0) + (s.flags ?? 0);
}

/** Keys (customer, field, proposed value) a steward rejected in any run: a new run does not propose them again. */
export function rejectedKeys(db: Db): Set<string> {
  const rows = db.prepare("SELECT customer_id, field, after FROM fix_suggestions WHERE status = 'rejected'").raw().iterate() as IterableIterator<[number, string, CellValue]>;
  const keys = new Set<string>();
  for (const [c, f, a] of rows) keys.add(rejectionKey(c, f, a));
  return keys;
}

export function rejectionKey(customerId: number, field: string, after: CellValue): string {
  return `${customerId}\u0000${field}\u0000${typeof after}\u0000${after}`;
}

/**
 * After a batch that reversed (some of) a fix batch's changes: the
 * suggestions whose changes it touched are open again, or accepted again
 * when the reversal re-applied them (a redo).
 */
export function syncSuggestionsAfterReversal(db: Db, fixBatchId: number, reversalBatchId: number, applied: boolean): void {
  db.prepare(
    `UPDATE fix_suggestions SET status = ?
     WHERE batch_id = ? AND status IN ('open', 'accepted')
       AND EXISTS (SELECT 1 FROM change_log l WHERE l.batch_id = ? AND l.entity_id = fix_suggestions.customer_id AND l.field = fix_suggestions.field)`,
  ).run(applied ? 'accepted' : 'open', fixBatchId, reversalBatchId);
}
