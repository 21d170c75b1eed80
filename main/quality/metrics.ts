/**
 * Metrics counted from the stored issues of a run, so every number has
 * exactly the records behind it that queryIssues returns for the same scope.
 * Each metric carries its formula; a dimension that cannot be measured
 * honestly is null with the reason, never a made-up number.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Dimension, DimensionMetrics, Metric, QualityMetrics, SourceInfo } from './types.ts';
import { dimensions } from './types.ts';
import { rules, validityFields, consistencyFields, placeFields, uniquenessFields, timelinessField, type RuleId } from './rules.ts';
import { ageBuckets, type Confusion } from './accumulators.ts';
import { flagBranches, flagCountSql } from './flag-schema.ts';
import type { RobustStats } from '../standardize/income.ts';
import { agreementFields } from './entity-findings.ts';

/** What a run stores besides its issues (quality_runs.context_json). */
export interface RunContext {
  sources: SourceInfo[];
  fields: string[];
  records: number;
  timelinessDays: number;
  judgeTimeliness: boolean;
  ageHistogram: Record<string, number[]>;
  confusion: Record<string, Record<string, Confusion>>;
  incomeStats: RobustStats | null;
  /** A duplicate-matching run existed, so entity findings were judged (runs before issue 4 lack it). */
  matched?: boolean;
}

/** The pseudo-field of findings about a whole customer record (probable duplicates). */
export const recordField = 'record';

export function formulaOf(d: Dimension, timelinessDays: number): string {
  switch (d) {
    case 'completeness': return '1 − missing / total (missing = blank or placeholder)';
    case 'validity': return 'valid / present (present = total − missing)';
    case 'accuracy': return '(TP + TN) / (TP + TN + FP + FN), against verified reference values';
    case 'consistency': return "consistent / present (one format per column; phone code and postcode agree with the country; city and region agree with the postcode; the same customer's values agree across sources)";
    case 'timeliness': return `updated within ${timelinessDays} days / total`;
    case 'uniqueness': return '1 − duplicates / present (exact repeats of record id within a source, email, phone; records the duplicate matching found to be an earlier customer)';
  }
}

interface Tally { good: number; total: number; bad: number; confusion?: Confusion; na?: string }

type Counts = Map<number, Map<string, Map<string, number>>>; // source → field → rule → n

/** Issues per source, field and rule: the stored rows grouped, plus the flag rows counted with the view's own predicates. */
function loadCounts(db: Database.Database, runId: number): Counts {
  const rows = db.prepare('SELECT source_id s, field f, rule r, COUNT(*) n FROM quality_issues WHERE run_id = ? GROUP BY field, rule, source_id').all(runId) as { s: number; f: string; r: string; n: number }[];
  const counts: Counts = new Map();
  const bump = (s: number, f: string, r: string, n: number) => {
    if (n === 0) return;
    let bySource = counts.get(s);
    if (!bySource) counts.set(s, (bySource = new Map()));
    let byField = bySource.get(f);
    if (!byField) bySource.set(f, (byField = new Map()));
    byField.set(r, (byField.get(r) ?? 0) + n);
  };
  for (const { s, f, r, n } of rows) bump(s, f, r, n);
  const flagRows = db.prepare(flagCountSql()).all(runId) as Record<string, number>[];
  for (const row of flagRows) flagBranches.forEach((b, i) => bump(row.s, b.field, b.rule, row[`b${i}`] ?? 0));
  return counts;
}

function issues(counts: Counts, source: number, field: string, d: Dimension): number {
  let n = 0;
  const byRule = counts.get(source)?.get(field);
  if (byRule) for (const [rule, c] of byRule) if (rules[rule as RuleId]?.dimension === d) n += c;
  return n;
}

/** The tally of one dimension for one field in one source. */
function tally(ctx: RunContext, counts: Counts, src: SourceInfo, field: string, d: Dimension): Tally {
  if (d === 'accuracy') {
    const c = ctx.confusion[String(src.id)]?.[field];
    if (!c) return { good: 0, total: 0, bad: 0, na: 'no verified reference values' };
    return { good: c.tp + c.tn, total: c.tp + c.tn + c.fp + c.fn, bad: c.fp + c.fn, confusion: { ...c } };
  }
  if (field === recordField) {
    if (d !== 'uniqueness') return { good: 0, total: 0, bad: 0, na: `${d} is judged per field` };
    if (!ctx.matched) return { good: 0, total: 0, bad: 0, na: 'duplicate matching has not been run' };
    const bad = issues(counts, src.id, field, d);
    return { good: src.records - bad, total: src.records, bad };
  }
  const inScope = ctx.fields.includes(field);
  if (!inScope) return { good: 0, total: 0, bad: 0, na: 'field not mapped in this project' };
  const missing = issues(counts, src.id, field, 'completeness');
  const present = src.records - missing;
  const judged = (list: readonly string[]): Tally => {
    if (!list.includes(field)) return { good: 0, total: 0, bad: 0, na: `no ${d} rule for this field` };
    const bad = issues(counts, src.id, field, d);
    return { good: present - bad, total: present, bad };
  };
  switch (d) {
    case 'completeness': return { good: present, total: src.records, bad: missing };
    case 'validity': return judged(validityFields);
    case 'consistency': return judged([
      ...consistencyFields,
      ...(ctx.fields.includes('postcode') ? placeFields : []),
      ...(ctx.matched ? Object.keys(agreementFields) : []),
    ]);
    case 'uniqueness': return judged(uniquenessFields);
    default: {
      if (field !== timelinessField) return { good: 0, total: 0, bad: 0, na: 'timeliness is judged per record, under updated_at' };
      if (!ctx.judgeTimeliness) return { good: 0, total: 0, bad: 0, na: 'no update or creation dates mapped' };
      const bad = issues(counts, src.id, field, 'timeliness');
      return { good: src.records - bad, total: src.records, bad };
    }
  }
}

function add(a: Tally, b: Tally): Tally {
  const confusion = a.confusion || b.confusion ? sumConfusion(a.confusion, b.confusion) : undefined;
  return { good: a.good + b.good, total: a.total + b.total, bad: a.bad + b.bad, confusion, na: a.total + b.total > 0 ? undefined : (a.na ?? b.na) };
}

function sumConfusion(a: Confusion | undefined, b: Confusion | undefined): Confusion {
  const z = { tp: 0, tn: 0, fp: 0, fn: 0 };
  const x = a ?? z;
  const y = b ?? z;
  return { tp: x.tp + y.tp, tn: x.tn + y.tn, fp: x.fp + y.fp, fn: x.fn + y.fn };
}

const noReference = 'Accuracy is not measured: there are no verified reference values. Import a verified reference file or mark records verified; validity is shown instead.';

function toMetric(t: Tally, d: Dimension, ctx: RunContext): Metric {
  const formula = formulaOf(d, ctx.timelinessDays);
  if (t.total === 0) {
    const reason = d === 'accuracy' ? noReference : (t.na ?? 'no records');
    return { value: null, numerator: 0, denominator: 0, bad: 0, formula, reason };
  }
  const m: Metric = { value: t.good / t.total, numerator: t.good, denominator: t.total, bad: t.bad, formula };
  if (t.confusion) m.confusion = t.confusion;
  return m;
}

function dimensionMetrics(ctx: RunContext, tallies: (d: Dimension) => Tally): DimensionMetrics {
  return Object.fromEntries(dimensions.map((d) => [d, toMetric(tallies(d), d, ctx)])) as DimensionMetrics;
}

export function computeMetricsFrom(ctx: RunContext, counts: Counts): QualityMetrics {
  const empty: Tally = { good: 0, total: 0, bad: 0 };
  const fieldTally = (field: string, srcs: SourceInfo[], d: Dimension) => srcs.map((s) => tally(ctx, counts, s, field, d)).reduce(add, empty);
  const allFields = ctx.matched ? [...ctx.fields, recordField] : ctx.fields;
  const over = (srcs: SourceInfo[]) => (d: Dimension) => allFields.map((f) => fieldTally(f, srcs, d)).reduce(add, empty);

  const byField: Record<string, DimensionMetrics> = {};
  for (const f of allFields) byField[f] = dimensionMetrics(ctx, (d) => fieldTally(f, ctx.sources, d));
  const bySource: Record<string, DimensionMetrics> = {};
  for (const s of ctx.sources) bySource[String(s.id)] = dimensionMetrics(ctx, over([s]));

  const byRule = new Map<string, number>();
  for (const bySrc of counts.values()) for (const [field, byR] of bySrc) for (const [rule, n] of byR) byRule.set(`${rule}\t${field}`, (byRule.get(`${rule}\t${field}`) ?? 0) + n);

  const histogram = ageBuckets.map((b, i) => ({ ...b, count: Object.values(ctx.ageHistogram).reduce((n, h) => n + (h[i] ?? 0), 0) }));
  return {
    overall: dimensionMetrics(ctx, over(ctx.sources)),
    byField,
    bySource,
    byRule: [...byRule]
      .map(([k, count]) => {
        const [rule, field] = k.split('\t');
        const def = rules[rule as RuleId];
        return { rule, field, dimension: def.dimension, severity: def.severity, count };
      })
      .sort((a, b) => b.count - a.count),
    ageHistogram: ctx.judgeTimeliness ? histogram : [],
    timelinessDays: ctx.timelinessDays,
    records: ctx.records,
  };
}

/** Metrics of a finished run (the current one by default). */
export function computeMetrics(db: Database.Database, runId?: number): QualityMetrics {
  const row = (runId === undefined
    ? db.prepare("SELECT id, context_json FROM quality_runs WHERE status = 'current'").get()
    : db.prepare('SELECT id, context_json FROM quality_runs WHERE id = ?').get(runId)) as { id: number; context_json: string | null } | undefined;
  if (!row?.context_json) throw new Error('No finished quality run: profile the project first.');
  return computeMetricsFrom(JSON.parse(row.context_json) as RunContext, loadCounts(db, row.id));
}
