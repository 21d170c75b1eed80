/**
 * profileProject: check every customer (split across threads for big
 * projects), derive the run-wide findings, write the run's rows, flip it to
 * current, then count the metrics from what was stored and keep a snapshot
 * for the trend. Metrics are counted from the stored rows, with the same
 * predicates the drill-down uses, so a number and its records agree.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { AppError } from '../../shared/errors.ts';
import type { ProfileOptions, ProfileResult, SourceInfo } from './types.ts';
import { addIssue, ageBucketOf, ageBuckets, type RangeResult } from './accumulators.ts';
import type { CheckContext } from './check-record.ts';
import { checkAll } from './parallel-check.ts';
import { mergeRanges } from './merge-ranges.ts';
import { findDuplicates, flagIncomeOutliers, formatFlags, recordIdCandidates } from './post-pass.ts';
import { Timely } from './flag-schema.ts';
import { abandonRun, deleteAbandonedRows, finishRun, startRun, writeRunRows } from './run-store.ts';
import { computeMetrics, type RunContext } from './metrics.ts';
import { writeSnapshot } from './snapshots.ts';
import { loadReferences } from './reference.ts';
import { resolveCountry } from '../standardize/country.ts';
import { throwIfProfilingCancelled } from './cancel.ts';
import { flagEntityFindings, hasMatchRun } from './entity-findings.ts';
import { indexOfId } from './run-index.ts';
import { flagPlaceMismatches } from './place-consistency.ts';

export async function profileProject(db: Database.Database, opts: ProfileOptions = {}): Promise<ProfileResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const timelinessDays = opts.timelinessDays ?? 365;
  const defaultCountry = opts.defaultCountry ? resolveCountry(opts.defaultCountry) : undefined;
  if (opts.defaultCountry && !defaultCountry) throw new AppError('invalid_input', `Default country "${opts.defaultCountry}" is not a country we recognise.`);
  throwIfProfilingCancelled(opts.signal);

  // Customers added while we run belong to the next run: fix the upper bound now.
  const { maxId, minId } = db.prepare('SELECT COALESCE(MAX(id), 0) maxId, COALESCE(MIN(id), 1) minId FROM customers').get() as { maxId: number; minId: number };
  // For progress and the thread count only: ids are dense unless customers were deleted (counting a million rows costs 0.3 s).
  const total = Math.max(0, maxId - minId + 1);
  const fields = projectFields(db);
  const ctx: CheckContext = {
    now,
    defaultCountry,
    fields,
    judgeTimeliness: fields.includes('updated_at') || fields.includes('created_at'),
    references: loadReferences(db),
    projectCountries: fields.includes('country') ? projectCountries(db) : [],
  };

  const T = (phase: string) => opts.onPhase?.(phase, Math.round(performance.now() - started));
  deleteAbandonedRows(db);
  T('setup');
  const runId = startRun(db, now.toISOString(), { defaultCountry, timelinessDays, now: now.toISOString() });
  try {
    const parts = await checkAll(db, ctx, { maxId, total, batchSize: opts.batchSize, threads: opts.threads, signal: opts.signal, onProgress: opts.onProgress });
    T('checked');
    throwIfProfilingCancelled(opts.signal);
    const run = mergeRanges(parts);
    // The per-thread results were copied into `run`: let them go before the post-pass allocates.
    if (parts.length > 1) parts.length = 0;
    const sources = loadSources(db, run);
    T('merged');
    const incomeStats = flagIncomeOutliers(run);
    const duplicateOf = findDuplicates(run);
    flagPlaceMismatches(db, run, fields);
    if (fields.includes('source_record_id')) flagDuplicateRecordIds(repeatedRecordIds(db, maxId, recordIdCandidates(run)), run);
    const matched = hasMatchRun(db);
    if (matched) flagEntityFindings(db, maxId, run);
    const { format, dominant } = formatFlags(run);
    const { timely, histogram } = timeliness(run, ctx.judgeTimeliness, timelinessDays);
    T('post');
    throwIfProfilingCancelled(opts.signal);
    writeRunRows(db, runId, { run, format, timely, duplicateOf, dominant });
    throwIfProfilingCancelled(opts.signal);

    const context: RunContext = {
      sources,
      fields,
      records: run.count,
      timelinessDays,
      judgeTimeliness: ctx.judgeTimeliness,
      ageHistogram: histogram,
      confusion: run.confusion,
      incomeStats: incomeStats ?? null,
      matched,
    };
    T('written');
    finishRun(db, runId, context);
    // The previous run's rows are unreachable now; removing them is housekeeping, not part of the switch.
    deleteAbandonedRows(db);
    const metrics = computeMetrics(db, runId);
    T('metrics');
    const takenAt = now.toISOString();
    writeSnapshot(db, { runId, takenAt, reason: opts.reason ?? 'on_demand', metrics });
    return { runId, takenAt, sources, metrics, issueCount: metrics.byRule.reduce((n, r) => n + r.count, 0), durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    abandonRun(db, runId, isCancel(err) ? 'cancelled' : 'failed');
    throw err;
  }
}

function isCancel(err: unknown): boolean {
  return err instanceof AppError && err.code === 'cancelled';
}

/** Per record: stale, no date or timely; and the age histogram per source, from the same whole-day ages the flags store. */
function timeliness(run: RangeResult, judge: boolean, windowDays: number): { timely: Uint8Array; histogram: Record<string, number[]> } {
  const timely = new Uint8Array(run.count).fill(judge ? Timely.ok : Timely.notJudged);
  const histogram: Record<string, number[]> = {};
  if (!judge) return { timely, histogram };
  for (let r = 0; r < run.count; r++) {
    const days = run.ageDays[r];
    if (days < 0) timely[r] = Timely.noDate;
    else if (days > windowDays) timely[r] = Timely.stale;
    const h = (histogram[String(run.sourceOf[r])] ??= ageBuckets.map(() => 0));
    h[ageBucketOf(days)]++;
  }
  return { timely, histogram };
}

/** The recognised countries among the first customers (a sample is enough to know where a project's people live), most common first. */
function projectCountries(db: Database.Database): string[] {
  const rows = db.prepare('SELECT country, count(*) n FROM (SELECT country FROM customers ORDER BY id LIMIT 20000) GROUP BY country ORDER BY n DESC').all() as { country: string | null; n: number }[];
  const counts = new Map<string, number>();
  for (const r of rows) {
    const iso = r.country ? resolveCountry(String(r.country)) : undefined;
    if (iso) counts.set(iso, (counts.get(iso) ?? 0) + r.n);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([c]) => c);
}

/** The sources with customers in the run, by id, with their counts (taken from the checked records: a SQL count of a million rows costs 0.7 s). */
function loadSources(db: Database.Database, run: RangeResult): SourceInfo[] {
  const counts = new Map<number, number>();
  let last = -1;
  let n = 0;
  for (let r = 0; r < run.count; r++) {
    const s = run.sourceOf[r];
    if (s !== last) {
      if (last >= 0) counts.set(last, (counts.get(last) ?? 0) + n);
      last = s;
      n = 0;
    }
    n++;
  }
  if (last >= 0) counts.set(last, (counts.get(last) ?? 0) + n);
  const all = db.prepare('SELECT id, file_name AS fileName FROM sources ORDER BY id').all() as { id: number; fileName: string }[];
  return all.filter((s) => counts.has(s.id)).map((s) => ({ id: s.id, fileName: s.fileName, records: counts.get(s.id)! }));
}

/**
 * The fields judged: those some customer source maps a column to. A field no
 * file has is not "missing" from every record; it is not part of this
 * project. Projects without mapping information judge every field.
 */
export function projectFields(db: Database.Database): string[] {
  const rows = db.prepare("SELECT mapping_json, id_column FROM sources WHERE entity = 'customer' AND id NOT IN (SELECT source_id FROM withdrawn_sources)").all() as { mapping_json: string; id_column: string | null }[];
  const mapped = new Set<string>();
  for (const r of rows) {
    try {
      for (const target of Object.values(JSON.parse(r.mapping_json) as Record<string, string | null>)) if (target) mapped.add(target);
    } catch {
      // An unreadable mapping says nothing about fields; the fallback below covers it.
    }
    if (r.id_column) mapped.add('source_record_id');
  }
  const known = customerFieldKeys.filter((k) => mapped.has(k));
  return known.length > 0 ? known : [...customerFieldKeys];
}

type DuplicateRecordId = { id: number; first: number; value: string };

/**
 * Customers whose record id repeats an earlier one within their source. SQL
 * decides, but only among the candidates (customers whose hashed record id
 * repeats, post-pass.ts): equal ids hash equal, so every group of repeats is
 * among them whole, and grouping a million ids in SQL costs over a second.
 */
function repeatedRecordIds(db: Database.Database, maxId: number, candidates: number[]): DuplicateRecordId[] {
  if (candidates.length === 0) return [];
  return db
    .prepare(
      `WITH cand(id) AS (SELECT value FROM json_each(?))
       SELECT c.id, g.first, c.source_record_id AS value FROM customers c
       JOIN (SELECT source_id, source_record_id, MIN(id) AS first FROM customers
             WHERE id IN cand AND source_record_id IS NOT NULL AND source_record_id <> '' AND id <= ?
             GROUP BY source_id, source_record_id HAVING COUNT(*) > 1) g
         ON c.source_id = g.source_id AND c.source_record_id = g.source_record_id
       WHERE c.id IN cand AND c.id <> g.first AND c.id <= ?`,
    )
    .all(JSON.stringify(candidates), maxId, maxId) as DuplicateRecordId[];
}

/** The repeated record ids as issues of the run. */
function flagDuplicateRecordIds(rows: DuplicateRecordId[], run: RangeResult): void {
  for (const r of rows) {
    const index = indexOfId(run.ids, run.count, r.id);
    if (index < 0) continue;
    addIssue(run.issues, index, 'source_record_id', 'duplicate_record_id', { code: 'recordIdRepeated', params: { value: String(r.value), customer: r.first } });
  }
}
