/** What the dashboard shows: the current run's metrics with its sources and settings, and the trend. */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { QualityMetrics, SourceInfo } from './types.ts';
import { computeMetrics, type RunContext } from './metrics.ts';
import { listSnapshots } from './snapshots.ts';
import { getQualitySettings, type QualitySettings } from './settings.ts';

export interface QualityOverview {
  runId: number;
  takenAt: string;
  sources: SourceInfo[];
  metrics: QualityMetrics;
  settings: QualitySettings;
  /** Customers imported after this run: the numbers do not cover them yet. */
  newCustomers: number;
}

/** `customers` is the project's customer count when the caller has it already (counting a million rows is not free). */
export function qualityOverview(db: Database.Database, customers?: number): QualityOverview | null {
  const run = db.prepare("SELECT id, started_at, context_json FROM quality_runs WHERE status = 'current'").get() as { id: number; started_at: string; context_json: string } | undefined;
  if (!run) return null;
  const context = JSON.parse(run.context_json) as RunContext;
  const covered = context.sources.reduce((n, s) => n + s.records, 0);
  const count = customers ?? (db.prepare('SELECT count(*) n FROM customers').get() as { n: number }).n;
  return { runId: run.id, takenAt: run.started_at, sources: context.sources, metrics: runMetrics(db, run.id), settings: getQualitySettings(db), newCustomers: Math.max(0, count - covered) };
}

/**
 * A finished run's metrics never change, and the profile stored them with
 * its snapshot: reading them back costs a millisecond where counting the
 * run's issues again took most of a second at a million customers, on the
 * thread that answers every request. Counted when no snapshot has them.
 */
function runMetrics(db: Database.Database, runId: number): QualityMetrics {
  const stored = db.prepare('SELECT metrics_json FROM quality_snapshots WHERE run_id = ? ORDER BY id DESC LIMIT 1').pluck().get(runId) as string | undefined;
  return stored ? (JSON.parse(stored) as QualityMetrics) : computeMetrics(db, runId);
}

export interface TrendPoint {
  id: number;
  takenAt: string;
  reason: string;
  records: number;
  /** Overall value per dimension (null: not measured). */
  values: Record<string, number | null>;
}

export function qualityTrend(db: Database.Database, limit = 60): TrendPoint[] {
  return listSnapshots(db, limit).map((s) => ({
    id: s.id,
    takenAt: s.takenAt,
    reason: s.reason,
    records: s.metrics.records,
    values: Object.fromEntries(Object.entries(s.metrics.overall).map(([d, m]) => [d, m.value])),
  }));
}
