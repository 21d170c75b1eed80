/**
 * A cluster's members grouped again after a decision, the way a matching
 * run would group them now: stored links at or above the run's threshold,
 * strongest first, golden records together, "not the same" pairs apart.
 * The result is what the suggestion store must say (entity 'match_cluster'
 * change requests), so the queue reflects a decision at once, and an undo
 * of it puts the suggestions back exactly.
 */
import type { ChangeRequest } from '../../store/change-writer.ts';
import type { Db } from '../../store/open-project.ts';
import { clusterPairs } from '../cluster.ts';
import { currentMatchRun } from '../match-repo.ts';

const IN = 'IN (SELECT value FROM json_each(?))';

export function clusterMembers(db: Db, clusterId: number): number[] {
  return db.prepare('SELECT customer_id FROM match_members WHERE cluster_id = ? ORDER BY customer_id').pluck().all(clusterId) as number[];
}

export function clusterOfCustomer(db: Db, customerId: number): number | null {
  return (db.prepare('SELECT cluster_id FROM match_members WHERE customer_id = ?').pluck().get(customerId) as number | undefined) ?? null;
}

export interface Constraints {
  /** Customer → golden record, as it will be after the decision. */
  together: ReadonlyMap<number, number>;
  /** Pairs to keep apart besides those already labelled 'different'. */
  apart: readonly [number, number][];
}

/** The members' new clusters: customer id → cluster id, or null for a record left on its own. */
export function regroup(db: Db, ids: readonly number[], c: Constraints): Map<number, number | null> {
  const json = JSON.stringify(ids);
  const pairs = db.prepare(`SELECT a, b, probability FROM match_pairs WHERE a ${IN} AND b ${IN}`).all(json, json) as { a: number; b: number; probability: number }[];
  const labelled = db.prepare(`SELECT a, b FROM match_labels WHERE label = 'different' AND a ${IN} AND b ${IN}`).raw().all(json, json) as [number, number][];
  const threshold = currentMatchRun(db)?.threshold ?? 0.9;
  const groups = clusterPairs(ids, pairs, { threshold, together: c.together, apart: [...labelled, ...c.apart] });
  const size = new Map<number, number>();
  for (const g of groups.values()) size.set(g, (size.get(g) ?? 0) + 1);
  return new Map([...groups].map(([id, g]) => [id, size.get(g)! > 1 ? g : null]));
}

/** Requests that make the suggestion store say `next` (only members whose cluster changes). */
export function suggestionRequests(db: Db, next: ReadonlyMap<number, number | null>, reason: string): ChangeRequest[] {
  const now = new Map(db.prepare(`SELECT customer_id, cluster_id FROM match_members WHERE customer_id ${IN}`).raw().all(JSON.stringify([...next.keys()])) as [number, number][]);
  const out: ChangeRequest[] = [];
  for (const [id, cluster] of next) {
    if ((now.get(id) ?? null) !== cluster) out.push({ customerId: id, entity: 'match_cluster', field: 'cluster_id', after: cluster, reason });
  }
  return out;
}

/** Golden membership of these customers now: customer → golden id. */
export function goldenMap(db: Db, ids: readonly number[]): Map<number, number> {
  return new Map(db.prepare(`SELECT customer_id, golden_id FROM golden_members WHERE customer_id ${IN}`).raw().all(JSON.stringify(ids)) as [number, number][]);
}
