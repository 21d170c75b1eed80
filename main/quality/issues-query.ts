/**
 * Drill-down: from any metric to the customers behind it. Reads the current
 * run only, with the same field/dimension/rule/source keys the metrics count
 * by, so a bar's count and its list agree.
 */
import type Database from 'better-sqlite3';
import type { IssueFilter, RecordIssue, Dimension, Severity } from './types.ts';
import { currentRunId } from './run-store.ts';

function where(filter: IssueFilter, runId: number): { sql: string; params: (string | number)[] } {
  const clauses = ['run_id = ?'];
  const params: (string | number)[] = [runId];
  if (filter.field !== undefined) (clauses.push('field = ?'), params.push(filter.field));
  if (filter.dimension !== undefined) (clauses.push('dimension = ?'), params.push(filter.dimension));
  if (filter.rule !== undefined) (clauses.push('rule = ?'), params.push(filter.rule));
  if (filter.sourceId !== undefined) (clauses.push('source_id = ?'), params.push(filter.sourceId));
  if (filter.severity !== undefined) (clauses.push('severity = ?'), params.push(filter.severity));
  return { sql: clauses.join(' AND '), params };
}

/** Ids of the customers with at least one matching issue in the current run, ascending. */
export function queryIssues(db: Database.Database, filter: IssueFilter = {}): number[] {
  const runId = currentRunId(db);
  if (runId === undefined) return [];
  const w = where(filter, runId);
  return (db.prepare(`SELECT DISTINCT customer_id FROM quality_issues WHERE ${w.sql} ORDER BY customer_id`).pluck().all(...w.params)) as number[];
}

interface IssueRow {
  customer_id: number;
  source_id: number;
  field: string;
  dimension: Dimension;
  rule: string;
  severity: Severity;
  message: string;
  suggestion: string | null;
}

function toIssue(r: IssueRow): RecordIssue {
  const i: RecordIssue = { customerId: r.customer_id, sourceId: r.source_id, field: r.field, dimension: r.dimension, rule: r.rule, severity: r.severity, message: r.message };
  if (r.suggestion !== null) i.suggestion = r.suggestion;
  return i;
}

/** The issues of one customer, for the grid's "which rule it broke and why". */
export function issuesOfCustomer(db: Database.Database, customerId: number): RecordIssue[] {
  const runId = currentRunId(db);
  if (runId === undefined) return [];
  const rows = db.prepare('SELECT * FROM quality_issues WHERE run_id = ? AND customer_id = ? ORDER BY field, dimension').all(runId, customerId) as IssueRow[];
  return rows.map(toIssue);
}

/** Matching issues in pages of `limit`, keyset on the issue id. */
export function listIssues(db: Database.Database, filter: IssueFilter = {}, page: { afterId?: number; limit?: number } = {}): { issues: (RecordIssue & { id: number })[]; nextAfterId?: number } {
  const runId = currentRunId(db);
  if (runId === undefined) return { issues: [] };
  const w = where(filter, runId);
  const limit = page.limit ?? 500;
  const rows = db.prepare(`SELECT * FROM quality_issues WHERE ${w.sql} AND id > ? ORDER BY id LIMIT ?`).all(...w.params, page.afterId ?? 0, limit) as (IssueRow & { id: number })[];
  const issues = rows.map((r) => ({ ...toIssue(r), id: r.id }));
  return { issues, nextAfterId: rows.length === limit ? rows[rows.length - 1].id : undefined };
}
