/**
 * Quality before and after fixing: the dashboard and the audit put each
 * score next to what it was before the first change to the records (the
 * newest snapshot taken before the first batch of the change history), so
 * a steward sees what the fixes did. "After" is the current profile; the
 * number of customers changed since it was taken says whether it is current.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { QualityMetrics } from './types.ts';

export interface ScoresAt {
  takenAt: string;
  records: number;
  overall: Record<string, number | null>;
}

export interface BeforeAfter {
  /** When the records were first changed; null while nothing has been. */
  firstChangeAt: string | null;
  before: ScoresAt | null;
  after: ScoresAt | null;
  /** Customers changed after the current profile was taken. */
  changedSinceProfile: number;
}

/** A measurement's overall score per dimension (null: not measured). */
export function scoresOf(takenAt: string, m: QualityMetrics): ScoresAt {
  return { takenAt, records: m.records, overall: Object.fromEntries(Object.entries(m.overall).map(([d, v]) => [d, v.value])) };
}

function scores(row: { taken_at: string; metrics_json: string } | undefined): ScoresAt | null {
  return row ? scoresOf(row.taken_at, JSON.parse(row.metrics_json) as QualityMetrics) : null;
}

export function beforeAfter(db: Database.Database): BeforeAfter {
  const firstChangeAt = (db.prepare('SELECT min(at) FROM change_batches').pluck().get() as string | null) ?? null;
  const current = db.prepare("SELECT started_at FROM quality_runs WHERE status = 'current'").pluck().get() as string | undefined;
  const changedSinceProfile = current ? (db.prepare('SELECT count(DISTINCT entity_id) FROM change_log WHERE at > ?').pluck().get(current) as number) : 0;
  if (!firstChangeAt) return { firstChangeAt, before: null, after: null, changedSinceProfile };
  const snapshot = (where: string, ...params: string[]) =>
    db.prepare(`SELECT taken_at, metrics_json FROM quality_snapshots ${where} ORDER BY taken_at DESC, id DESC LIMIT 1`).get(...params) as { taken_at: string; metrics_json: string } | undefined;
  return {
    firstChangeAt,
    before: scores(snapshot('WHERE taken_at <= ?', firstChangeAt)),
    after: scores(snapshot('WHERE taken_at > ?', firstChangeAt)),
    changedSinceProfile,
  };
}
