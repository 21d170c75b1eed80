/**
 * A steward picking a field's value by hand: for the golden record of the
 * cluster (or golden record) `id`, `field` takes `customerId`'s value; the
 * pick beats every survivorship rule. One 'merge' batch: the pick, and the
 * other members' picks of that field taken back. null takes the pick back.
 */
import type { DecisionResult } from '../../shared/channels/merge.ts';
import { AppError } from '../../shared/errors.ts';
import { writeBatch } from '../store/change-writer.ts';
import { goldenOf, membersOfClusterOrGolden, pickRequest } from '../store/golden-repo.ts';
import type { Db } from '../store/open-project.ts';

export function pickValue(db: Db, id: number, field: string, customerId: number | null, actor: string, at = new Date().toISOString()): DecisionResult {
  return db.transaction(() => {
    const members = membersOfClusterOrGolden(db, id);
    if (members.length < 2) throw new AppError('not_found', `There is no cluster or golden record ${id} to pick a value for.`);
    if (customerId !== null && !members.includes(customerId)) throw new AppError('invalid_input', `Customer ${customerId} is not in cluster ${id}.`);
    const picked = db.prepare(`SELECT customer_id FROM golden_picks WHERE field = ? AND customer_id IN (SELECT value FROM json_each(?))`).pluck().all(field, JSON.stringify(members)) as number[];
    const requests = picked.filter((m) => m !== customerId).map((m) => pickRequest(m, field, null, 'pick'));
    if (customerId !== null) requests.push(pickRequest(customerId, field, at, 'pick'));
    const description = customerId === null ? `Took back the hand pick of ${field} (cluster ${id})` : `Picked ${field} of customer ${customerId} by hand (cluster ${id})`;
    const r = writeBatch(db, { kind: 'merge', actor, description, params: { action: 'pick', cluster: id, field, customer: customerId } }, requests);
    return { batchId: r.batchId, changes: r.changed, goldenId: goldenOf(db, members[0]), clusters: [id] };
  }).immediate();
}

/** field → the member whose value was picked (the newest pick among the members). */
export function picksOf(db: Db, members: readonly number[]): Map<string, number> {
  const rows = db.prepare('SELECT field, customer_id FROM golden_picks WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY picked_at, customer_id')
    .raw().all(JSON.stringify(members)) as [string, number][];
  return new Map(rows);
}
