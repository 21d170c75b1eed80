/**
 * Golden-record membership as change requests for the one write path
 * (entity 'golden', field 'golden_id'; picks 'golden_pick'; labels
 * 'match_label'). A golden record's id is its smallest member's id, so
 * joining records into one, taking one out and dissolving one each say
 * which members' golden_id changes; nothing here writes by itself.
 */
import type { ChangeRequest } from './change-writer.ts';
import { PAIR_PREFIX, PICK_PREFIX } from './entity-stores.ts';
import type { Db } from './open-project.ts';

export type Label = 'same' | 'different';

export function goldenOf(db: Db, customerId: number): number | null {
  return (db.prepare('SELECT golden_id FROM golden_members WHERE customer_id = ?').pluck().get(customerId) as number | undefined) ?? null;
}

/** The members of a golden record, ascending; a customer in none is its own only member. */
export function goldenMembers(db: Db, goldenId: number): number[] {
  const ids = db.prepare('SELECT customer_id FROM golden_members WHERE golden_id = ? ORDER BY customer_id').pluck().all(goldenId) as number[];
  return ids.length > 0 ? ids : [goldenId];
}

const membership = (customerId: number, goldenId: number | null, reason: string): ChangeRequest => ({
  customerId, entity: 'golden', field: 'golden_id', after: goldenId, reason,
});

export function labelRequest(x: number, y: number, label: Label | null, reason: string): ChangeRequest {
  const [a, b] = x < y ? [x, y] : [y, x];
  return { customerId: a, entity: 'match_label', field: `${PAIR_PREFIX}${b}`, after: label, reason };
}

export function pickRequest(customerId: number, field: string, at: string | null, reason: string): ChangeRequest {
  return { customerId, entity: 'golden_pick', field: `${PICK_PREFIX}${field}`, after: at, reason };
}

/** The hand picks of these customers, cleared (a record leaving its golden record takes its picks back). */
function clearPicks(db: Db, customerIds: readonly number[], reason: string): ChangeRequest[] {
  const rows = db.prepare('SELECT customer_id, field FROM golden_picks WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY customer_id, field')
    .raw().all(JSON.stringify(customerIds)) as [number, string][];
  return rows.map(([id, field]) => pickRequest(id, field, null, reason));
}

/**
 * One golden record of these customers and every member of the golden
 * records they are in already: all of them get the smallest id.
 */
export function joinRequests(db: Db, customerIds: readonly number[], reason: string): { goldenId: number; requests: ChangeRequest[] } {
  const all = new Set<number>(customerIds);
  for (const id of customerIds) {
    const g = goldenOf(db, id);
    if (g !== null) for (const m of goldenMembers(db, g)) all.add(m);
  }
  const goldenId = Math.min(...all);
  return { goldenId, requests: [...all].sort((a, b) => a - b).map((id) => membership(id, goldenId, reason)) };
}

/**
 * One record out of its golden record: it becomes its own again (its picks
 * taken back); the others keep theirs, under the smallest remaining id, or
 * become their own when one is left.
 */
export function leaveRequests(db: Db, customerId: number, reason: string): { goldenId: number | null; requests: ChangeRequest[] } {
  const g = goldenOf(db, customerId);
  if (g === null) return { goldenId: null, requests: [] };
  const rest = goldenMembers(db, g).filter((m) => m !== customerId);
  const requests = [membership(customerId, null, reason), ...clearPicks(db, [customerId], reason)];
  if (rest.length === 1) return { goldenId: null, requests: [...requests, membership(rest[0], null, reason), ...clearPicks(db, rest, reason)] };
  const next = Math.min(...rest);
  for (const m of rest) requests.push(membership(m, next, reason));
  return { goldenId: next, requests };
}

/** Every member back to its own golden record, picks taken back. */
export function dissolveRequests(db: Db, goldenId: number, reason: string): ChangeRequest[] {
  const members = goldenMembers(db, goldenId);
  if (members.length < 2) return [];
  return [...members.map((m) => membership(m, null, reason)), ...clearPicks(db, members, reason)];
}

/** Labels among these customers (each pair once, a < b). */
export function labelsAmong(db: Db, customerIds: readonly number[]): Map<string, Label> {
  const json = JSON.stringify(customerIds);
  const rows = db.prepare(
    'SELECT a, b, label FROM match_labels WHERE a IN (SELECT value FROM json_each(?)) AND b IN (SELECT value FROM json_each(?))',
  ).raw().all(json, json) as [number, number, Label][];
  return new Map(rows.map(([a, b, l]) => [pairKey(a, b), l]));
}

export function pairKey(x: number, y: number): string {
  return x < y ? `${x}:${y}` : `${y}:${x}`;
}

/** The records a review action on `id` is about: the current cluster of that id, else the golden record of that id. */
export function membersOfClusterOrGolden(db: Db, id: number): number[] {
  const ids = db.prepare('SELECT customer_id FROM match_members WHERE cluster_id = ? ORDER BY customer_id').pluck().all(id) as number[];
  return ids.length > 0 ? ids : goldenMembers(db, id);
}

/** 'same' labels between members of one golden record (what merging them said): cleared when they are taken apart. */
export function sameLabelsWithin(db: Db, customerIds: readonly number[], reason: string): ChangeRequest[] {
  const labels = labelsAmong(db, customerIds);
  return [...labels].filter(([, l]) => l === 'same').map(([k]) => {
    const [a, b] = k.split(':').map(Number);
    return labelRequest(a, b, null, reason);
  });
}
