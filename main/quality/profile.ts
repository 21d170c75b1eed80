/**
 * profileProject: one pass over every customer in keyset-paged batches, the
 * run-wide findings after it, then metrics counted from the stored issues and
 * a snapshot for the trend.
 *
 * It is async only to yield between pages: in a worker thread the cancel
 * message can reach the AbortSignal only when the event loop gets a turn.
 */
import type Database from 'better-sqlite3';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { AppError } from '../../shared/errors.ts';
import type { ProfileOptions, ProfileResult, SourceInfo } from './types.ts';
import { Accumulators } from './accumulators.ts';
import { checkRecord, type CheckContext, type CustomerRow } from './check-record.ts';
import { flagFormatInconsistencies, flagIncomeOutliers } from './post-pass.ts';
import { IssueWriter, abandonRun, deleteAbandonedIssues, finishRun, startRun } from './run-store.ts';
import { computeMetrics, type RunContext } from './metrics.ts';
import { writeSnapshot } from './snapshots.ts';
import { loadReferences } from './reference.ts';
import { resolveCountry } from './validators/country.ts';

const dayMs = 86_400_000;

export async function profileProject(db: Database.Database, opts: ProfileOptions = {}): Promise<ProfileResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const timelinessDays = opts.timelinessDays ?? 365;
  const defaultCountry = opts.defaultCountry ? resolveCountry(opts.defaultCountry) : undefined;
  if (opts.defaultCountry && !defaultCountry) throw new AppError('invalid_input', `Default country "${opts.defaultCountry}" is not a country we recognise.`);
  throwIfCancelled(opts.signal);

  // Customers added while we run belong to the next run: fix the upper bound now.
  const maxId = (db.prepare('SELECT COALESCE(MAX(id), 0) m FROM customers').get() as { m: number }).m;
  const sources = loadSources(db, maxId);
  const total = sources.reduce((n, s) => n + s.records, 0);
  const fields = projectFields(db);
  const ctx: CheckContext = {
    now,
    defaultCountry,
    fields,
    timelinessMs: timelinessDays * dayMs,
    judgeTimeliness: fields.includes('updated_at') || fields.includes('created_at'),
    references: loadReferences(db),
    duplicateRecordIds: fields.includes('source_record_id') ? duplicateRecordIds(db, maxId) : new Map(),
  };

  deleteAbandonedIssues(db);
  const runId = startRun(db, now.toISOString(), { defaultCountry, timelinessDays, now: now.toISOString() });
  try {
    const acc = new Accumulators(total);
    const writer = new IssueWriter(db, runId);
    const page = db.prepare(`SELECT id, source_id, ${fields.join(', ')} FROM customers WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`);
    const batchSize = opts.batchSize ?? 5000;
    let lastId = 0;
    let index = 0;
    for (;;) {
      throwIfCancelled(opts.signal);
      const rows = page.all(lastId, maxId, batchSize) as CustomerRow[];
      if (rows.length === 0) break;
      const out: Parameters<typeof checkRecord>[4] = [];
      for (const row of rows) checkRecord(row, index++, ctx, acc, out);
      writer.addAll(out);
      lastId = rows[rows.length - 1].id;
      opts.onProgress?.({ done: index, total });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    throwIfCancelled(opts.signal);
    const incomeStats = flagIncomeOutliers(acc, writer.add);
    flagFormatInconsistencies(acc, index, writer.add);
    writer.flush();
    throwIfCancelled(opts.signal);

    const context: RunContext = {
      sources,
      fields,
      records: index,
      timelinessDays,
      judgeTimeliness: ctx.judgeTimeliness,
      ageHistogram: Object.fromEntries(acc.ageHistogram),
      confusion: Object.fromEntries([...acc.confusion].map(([s, m]) => [s, Object.fromEntries(m)])),
      incomeStats: incomeStats ?? null,
    };
    finishRun(db, runId, context);
    // The previous run's rows are unreachable now; removing them is housekeeping, not part of the switch.
    deleteAbandonedIssues(db);
    const metrics = computeMetrics(db, runId);
    const takenAt = now.toISOString();
    writeSnapshot(db, { runId, takenAt, reason: opts.reason ?? 'on_demand', metrics });
    return { runId, takenAt, sources, metrics, issueCount: writer.count, durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    abandonRun(db, runId, opts.signal?.aborted ? 'cancelled' : 'failed');
    throw err;
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('cancelled', 'Profiling was cancelled; the previous results are unchanged.');
}

function loadSources(db: Database.Database, maxId: number): SourceInfo[] {
  return db
    .prepare(
      `SELECT s.id, s.file_name AS fileName, COUNT(c.id) AS records
       FROM sources s JOIN customers c ON c.source_id = s.id AND c.id <= ?
       GROUP BY s.id ORDER BY s.id`,
    )
    .all(maxId) as SourceInfo[];
}

/**
 * The fields judged: those some customer source maps a column to. A field no
 * file has is not "missing" from every record; it is not part of this
 * project. Projects without mapping information judge every field.
 */
export function projectFields(db: Database.Database): string[] {
  const rows = db.prepare("SELECT mapping_json, id_column FROM sources WHERE entity = 'customer'").all() as { mapping_json: string; id_column: string | null }[];
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

/** Customers whose record id repeats within their source, mapped to the first customer with that id (index-backed). */
function duplicateRecordIds(db: Database.Database, maxId: number): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT c.id, g.first FROM customers c
       JOIN (SELECT source_id, source_record_id, MIN(id) AS first FROM customers
             WHERE source_record_id IS NOT NULL AND source_record_id <> '' AND id <= ?
             GROUP BY source_id, source_record_id HAVING COUNT(*) > 1) g
         ON c.source_id = g.source_id AND c.source_record_id = g.source_record_id
       WHERE c.id <> g.first AND c.id <= ?`,
    )
    .all(maxId, maxId) as { id: number; first: number }[];
  return new Map(rows.map((r) => [r.id, r.first]));
}
