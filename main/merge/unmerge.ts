/**
 * Taking golden records apart, at any time, as one 'unmerge' batch of the
 * change history: the members' membership goes back to "its own golden
 * record", their hand picks and the 'same' labels merging them recorded are
 * taken back. The member records themselves were never changed by a merge,
 * so they hold exactly what they held, later edits included. An undo of
 * the unmerge merges them again.
 */
import type { DecisionResult } from '../../shared/channels/merge.ts';
import { AppError } from '../../shared/errors.ts';
import type { Cancellation } from '../lib/cancellation.ts';
import { writeBatch, type ChangeRequest } from '../store/change-writer.ts';
import { dissolveRequests, goldenMembers, labelRequest, leaveRequests, sameLabelsWithin } from '../store/golden-repo.ts';
import type { Db } from '../store/open-project.ts';

export function unmergeGolden(db: Db, goldenId: number, actor: string, customerId?: number): DecisionResult {
  return db.transaction(() => {
    const members = goldenMembers(db, goldenId);
    if (members.length < 2) throw new AppError('not_found', `Customer ${goldenId} is in no golden record of two or more.`);
    if (customerId !== undefined && !members.includes(customerId)) throw new AppError('invalid_input', `Customer ${customerId} is not in golden record ${goldenId}.`);
    if (customerId === undefined) {
      const requests = [...dissolveRequests(db, goldenId, 'unmerge'), ...sameLabelsWithin(db, members, 'unmerge')];
      const r = writeBatch(db, { kind: 'unmerge', actor, description: `Unmerged golden record ${goldenId} (${members.length} records)`, params: { golden: goldenId, records: members.length } }, requests);
      return { batchId: r.batchId, changes: r.changed, goldenId: null, clusters: [] };
    }
    const leave = leaveRequests(db, customerId, 'unmerge');
    const labels = sameLabelsWithin(db, members, 'unmerge').filter((req) => req.customerId === customerId || req.field === `pair:${customerId}`);
    const r = writeBatch(db, { kind: 'unmerge', actor, description: `Took customer ${customerId} out of golden record ${goldenId}`, params: { golden: goldenId, customer: customerId } }, [...leave.requests, ...labels]);
    return { batchId: r.batchId, changes: r.changed, goldenId: leave.goldenId, clusters: [] };
  }).immediate();
}

export interface UnmergeAllResult {
  goldenRecords: number;
  records: number;
  batchId: number | null;
}

/** Every golden record apart, as one batch (undoing it merges them all again). */
export function unmergeAll(db: Db, actor: string, opts: { signal?: Cancellation; onProgress?: (p: { step: 'unmerge'; done: number; total: number }) => void } = {}): UnmergeAllResult {
  return db.transaction(() => {
    const goldenRecords = db.prepare('SELECT count(DISTINCT golden_id) FROM golden_members').pluck().get() as number;
    const records = db.prepare('SELECT count(*) FROM golden_members').pluck().get() as number;
    const members = db.prepare('SELECT customer_id FROM golden_members ORDER BY customer_id').pluck().all() as number[];
    const picks = db.prepare('SELECT p.customer_id, p.field FROM golden_picks p JOIN golden_members g ON g.customer_id = p.customer_id ORDER BY p.customer_id, p.field').raw().all() as [number, string][];
    const labels = db.prepare(
      `SELECT l.a, l.b FROM match_labels l JOIN golden_members x ON x.customer_id = l.a JOIN golden_members y ON y.customer_id = l.b
       WHERE l.label = 'same' AND x.golden_id = y.golden_id`,
    ).raw().all() as [number, number][];
    const requests = function* (): Generator<ChangeRequest> {
      for (const id of members) yield { customerId: id, entity: 'golden', field: 'golden_id', after: null, reason: 'unmerge' };
      for (const [id, field] of picks) yield { customerId: id, entity: 'golden_pick', field: `pick:${field}`, after: null, reason: 'unmerge' };
      for (const [a, b] of labels) yield labelRequest(a, b, null, 'unmerge');
    };
    const total = members.length + picks.length + labels.length;
    const r = writeBatch(db, { kind: 'unmerge', actor, description: `Unmerged all ${goldenRecords} golden records (${records} records)`, params: { all: true, golden: goldenRecords, records } }, requests(), {
      signal: opts.signal, onProgress: (done) => opts.onProgress?.({ step: 'unmerge', done, total }),
    });
    // No golden record is left, so no suggestion is merged: said at once rather than recomputed cluster by cluster.
    db.prepare("UPDATE match_clusters SET status = 'review', dirty = 0 WHERE status = 'merged'").run();
    return { goldenRecords, records, batchId: r.batchId };
  }).immediate();
}

