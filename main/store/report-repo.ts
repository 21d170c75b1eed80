/**
 * SQL of the client report (main/report/): the few aggregates and samples
 * it needs that no other read model gives. What the figures mean is the
 * report's.
 */
import type { Db } from './open-project.ts';

/** Accepted fix suggestions of the given (still applied) batches, per rule and field. */
export function appliedFixCounts(db: Db, batchIds: readonly number[]): { rule: string; field: string; count: number }[] {
  return db.prepare(`SELECT rule, field, count(*) AS count FROM fix_suggestions
    WHERE status = 'accepted' AND batch_id IN (SELECT value FROM json_each(?))
    GROUP BY rule, field ORDER BY count DESC, rule, field`).all(JSON.stringify(batchIds)) as { rule: string; field: string; count: number }[];
}

/** Changes of the given batches that are manual edits (a steward's own value). */
export function changesOfKind(db: Db, batchIds: readonly number[], kind: string): number {
  return db.prepare('SELECT coalesce(sum(changes), 0) FROM change_batches WHERE kind = ? AND id IN (SELECT value FROM json_each(?))').pluck().get(kind, JSON.stringify(batchIds)) as number;
}

/** The person a report may show for a customer: the identifying fields a masked report hides. */
export interface PersonRow {
  id: number;
  full_name: string | null;
  given_name: string | null;
  family_name: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
}

const person = 'c.id, c.full_name, c.given_name, c.family_name, c.email, c.phone, c.city';

/** The golden records with the most members still in the project, each shown by its smallest member (whose id it has). */
export function largestGoldenRecords(db: Db, limit: number): (PersonRow & { members: number })[] {
  return db.prepare(`SELECT ${person}, g.members FROM (
      SELECT gm.golden_id, count(*) AS members FROM golden_members gm JOIN customers m ON m.id = gm.customer_id
      GROUP BY gm.golden_id HAVING count(*) > 1 ORDER BY members DESC, gm.golden_id LIMIT ?
    ) g JOIN customers c ON c.id = g.golden_id ORDER BY g.members DESC, c.id`).all(limit) as (PersonRow & { members: number })[];
}

/** The RFM run's entities with the highest monetary value (a golden record is named by its smallest member). */
export function topRfmEntities(db: Db, limit: number): (PersonRow & { recency_days: number; frequency: number; monetary: number; r: number; f: number; m: number })[] {
  return db.prepare(`SELECT ${person}, s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m
    FROM rfm_scores s JOIN customers c ON c.id = s.entity_id ORDER BY s.monetary DESC, s.entity_id LIMIT ?`).all(limit) as (PersonRow & { recency_days: number; frequency: number; monetary: number; r: number; f: number; m: number })[];
}
