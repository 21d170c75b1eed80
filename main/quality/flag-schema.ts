/**
 * The compact form of the bulk findings. Missing values, values written in a
 * column's minority format and stale records are most of what a messy export
 * has wrong (five or six per customer); storing each as an issue row made
 * profiling a million customers write six million rows. Instead each run
 * stores one row per customer in quality_flags (a bit per field, the record's
 * age in days) and the quality_current_issues view expands the bits back into
 * issue rows, each with its message code and parameters. The view (last
 * created by migration 007), the metric counts and the drill-down all read
 * the predicates declared here, so they agree by construction; a test checks
 * a migrated project's view against viewSql().
 */
import { rules, consistencyFields, timelinessField, type RuleId } from './rules.ts';
import type { IssueCode } from '../../shared/domain/issue-message.ts';

/**
 * Bit i of quality_flags.missing / .format is flagFields[i]. Pinned, never
 * reordered: stored rows depend on it. A new customer field gets the next
 * bit and a migration that recreates the view.
 */
export const flagFields = [
  'source_record_id', 'full_name', 'given_name', 'family_name', 'gender', 'birth_date', 'email', 'phone', 'mobile',
  'company', 'street', 'city', 'region', 'postcode', 'country', 'income', 'created_at', 'updated_at',
  // Added with migration 007 (the field came with fixes, migration 005).
  'income_currency',
] as const;

export function fieldBit(field: string): number {
  const i = (flagFields as readonly string[]).indexOf(field);
  if (i < 0) throw new Error(`Field ${field} has no flag bit; add it to flagFields and the view migration.`);
  return 2 ** i;
}

/** quality_flags.timely */
export const Timely = { ok: 0, stale: 1, noDate: 2, notJudged: 3 } as const;

/** The flag-stored rules: one view branch per (rule, field). */
export interface FlagBranch {
  rule: RuleId;
  field: string;
  /** SQL condition over the flags row aliased `f`. */
  predicate: string;
  /** The message code, and an SQL expression over `f` for its parameters as JSON (NULL: none). */
  code: IssueCode;
  params: string;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const flagBranches: readonly FlagBranch[] = [
  ...flagFields.map((field) => ({ rule: 'missing' as const, field, predicate: `f.missing & ${fieldBit(field)} <> 0`, code: 'missing' as const, params: 'NULL' })),
  ...consistencyFields.map((field) => ({
    rule: 'format_inconsistent' as const,
    field,
    predicate: `f.format & ${fieldBit(field)} <> 0`,
    code: 'format' as const,
    params: `json_object('format', coalesce((SELECT d.name FROM quality_formats d WHERE d.run_id = f.run_id AND d.source_id = f.source_id AND d.field = ${q(field)}), '?'))`,
  })),
  ...(['email', 'phone', 'mobile'] as const).map((field) => ({
    rule: (field === 'email' ? 'duplicate_email' : 'duplicate_phone') as RuleId,
    field,
    predicate: `f.dup_${field}_of IS NOT NULL`,
    code: field === 'email' ? ('sameEmail' as const) : ('sameNumber' as const),
    params: `json_object('customer', f.dup_${field}_of)`,
  })),
  {
    rule: 'stale',
    field: timelinessField,
    predicate: `f.timely = ${Timely.stale}`,
    code: 'stale',
    params: `json_object('days', f.age_days, 'window', (SELECT json_extract(r.options_json, '$.timelinessDays') FROM quality_runs r WHERE r.id = f.run_id))`,
  },
  { rule: 'no_update_date', field: timelinessField, predicate: `f.timely = ${Timely.noDate}`, code: 'noUpdateDate', params: 'NULL' },
];

export const flagRules: ReadonlySet<string> = new Set(flagBranches.map((b) => b.rule));

const current = "(SELECT id FROM quality_runs WHERE status = 'current')";

/** The CREATE VIEW statement (last written by migration 007), generated from the branches above. */
export function viewSql(): string {
  const stored = `  SELECT i.run_id, i.customer_id, i.source_id, i.field, i.dimension, i.rule, i.severity, i.code, i.params, i.suggestion\n  FROM quality_issues i WHERE i.run_id = ${current}`;
  const branches = flagBranches.map((b) => {
    const def = rules[b.rule];
    return `  SELECT f.run_id, f.customer_id, f.source_id, ${q(b.field)}, ${q(def.dimension)}, ${q(b.rule)}, ${q(def.severity)}, ${q(b.code)}, ${b.params}, NULL\n  FROM quality_flags f WHERE f.run_id = ${current} AND ${b.predicate}`;
  });
  return `CREATE VIEW quality_current_issues (run_id, customer_id, source_id, field, dimension, rule, severity, code, params, suggestion) AS\n${[stored, ...branches].join('\n  UNION ALL\n')};`;
}

/**
 * One pass over a run's flags counting every branch per source: the metric
 * counts for the flag-stored rules, with exactly the predicates the view uses.
 * (FILTER clauses: a third less work for SQLite than sum(CASE …) per branch.)
 */
export function flagCountSql(): string {
  const sums = flagBranches.map((b, i) => `count(*) FILTER (WHERE ${b.predicate}) AS b${i}`);
  return `SELECT f.source_id AS s, ${sums.join(', ')} FROM quality_flags f WHERE f.run_id = ? GROUP BY f.source_id`;
}
