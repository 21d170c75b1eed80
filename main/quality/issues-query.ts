/**
 * Drill-down: from any metric to the customers behind it, and the issues of
 * one customer. Everything reads the quality_current_issues view (stored
 * issue rows plus the expanded flag rows of the current run) through the
 * filter the grid also uses, so a bar's count and its list agree.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { IssueFilter, RecordIssue, Dimension, Severity } from './types.ts';
import type { IssueCode, IssueParamValue } from '../../shared/domain/issue-message.ts';
import { issueConditions, matchingCustomersSql } from './issue-filter-sql.ts';

/** Ids of the customers with at least one matching issue in the current run, ascending. */
export function queryIssues(db: Database.Database, filter: IssueFilter = {}): number[] {
  const q = matchingCustomersSql(filter);
  return db.prepare(`SELECT DISTINCT customer_id FROM (${q.sql}) ORDER BY customer_id`).pluck().all(...q.params) as number[];
}

interface IssueRow {
  customer_id: number;
  source_id: number;
  field: string;
  dimension: Dimension;
  rule: string;
  severity: Severity;
  code: IssueCode;
  params: string | null;
  suggestion: string | null;
}

/** A finding's parameters as stored (a JSON object, NULL when its code has none). */
export function parseIssueParams(json: string | null): Record<string, IssueParamValue> {
  return json === null ? {} : (JSON.parse(json) as Record<string, IssueParamValue>);
}

function toIssue(r: IssueRow): RecordIssue {
  const i: RecordIssue = { customerId: r.customer_id, sourceId: r.source_id, field: r.field, dimension: r.dimension, rule: r.rule, severity: r.severity, message: { code: r.code, params: parseIssueParams(r.params) } };
  if (r.suggestion !== null) i.suggestion = r.suggestion;
  return i;
}

const columns = 'customer_id, source_id, field, dimension, rule, severity, code, params, suggestion';

/** The issues of one customer, for the grid's "which rule it broke and why". */
export function issuesOfCustomer(db: Database.Database, customerId: number): RecordIssue[] {
  const rows = db.prepare(`SELECT ${columns} FROM quality_current_issues WHERE customer_id = ? ORDER BY field, dimension, rule`).all(customerId) as IssueRow[];
  return rows.map(toIssue);
}

/**
 * The issues matching a drill-down filter for one page of grid rows: what
 * the grid shows beside each record ("which rule it broke and why"). An age
 * bucket filter shows the records' timeliness issues, the verified filter
 * their accuracy issues.
 */
export function issuesForCustomers(db: Database.Database, ids: number[], filter: IssueFilter = {}): RecordIssue[] {
  if (ids.length === 0) return [];
  const { ageBucket: _bucket, verified: _verified, ...rest } = filter;
  // An age bucket's records show their timeliness issues, verified records how they differ from their verified values.
  const w = issueConditions(filter.ageBucket !== undefined ? { sourceId: rest.sourceId, dimension: 'timeliness' } : filter.verified ? { dimension: 'accuracy' } : rest);
  const rows = db
    .prepare(`SELECT ${columns} FROM quality_current_issues WHERE customer_id IN (SELECT value FROM json_each(?)) AND ${w.sql} ORDER BY customer_id, field, rule`)
    .all(JSON.stringify(ids), ...w.params) as IssueRow[];
  return rows.map(toIssue);
}

export interface IssueCursor {
  customerId: number;
  field: string;
  rule: string;
}

/** Matching issues in pages of `limit`, keyset on (customer, field, rule). */
export function listIssues(db: Database.Database, filter: IssueFilter = {}, page: { after?: IssueCursor; limit?: number } = {}): { issues: RecordIssue[]; next?: IssueCursor } {
  const w = issueConditions(filter);
  const limit = page.limit ?? 500;
  const a = page.after;
  const rows = db
    .prepare(`SELECT ${columns} FROM quality_current_issues WHERE ${w.sql} AND (customer_id, field, rule) > (?, ?, ?) ORDER BY customer_id, field, rule LIMIT ?`)
    .all(...w.params, a?.customerId ?? -1, a?.field ?? '', a?.rule ?? '', limit) as IssueRow[];
  const last = rows[rows.length - 1];
  return { issues: rows.map(toIssue), next: rows.length === limit ? { customerId: last.customer_id, field: last.field, rule: last.rule } : undefined };
}
