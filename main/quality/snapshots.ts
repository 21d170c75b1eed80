/** Snapshots of the metrics, taken at each run (import, on demand), for the dashboard's trend. */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { QualityMetrics } from './types.ts';

export interface Snapshot {
  id: number;
  takenAt: string;
  reason: string;
  runId: number | null;
  metrics: QualityMetrics;
}

export function writeSnapshot(db: Database.Database, s: { runId: number; takenAt: string; reason: string; metrics: QualityMetrics }): number {
  const info = db.prepare('INSERT INTO quality_snapshots (taken_at, reason, run_id, metrics_json) VALUES (?, ?, ?, ?)').run(s.takenAt, s.reason, s.runId, JSON.stringify(s.metrics));
  return Number(info.lastInsertRowid);
}

/** Snapshots oldest first; `limit` keeps the most recent ones. */
export function listSnapshots(db: Database.Database, limit = 100): Snapshot[] {
  const rows = db
    .prepare('SELECT * FROM (SELECT id, taken_at, reason, run_id, metrics_json FROM quality_snapshots ORDER BY taken_at DESC, id DESC LIMIT ?) ORDER BY taken_at, id')
    .all(limit) as { id: number; taken_at: string; reason: string; run_id: number | null; metrics_json: string }[];
  return rows.map((r) => ({ id: r.id, takenAt: r.taken_at, reason: r.reason, runId: r.run_id, metrics: JSON.parse(r.metrics_json) as QualityMetrics }));
}
