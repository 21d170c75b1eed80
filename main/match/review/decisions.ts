/**
 * A reviewer's decisions on suggested clusters, each one batch of the change
 * history through the one write path:
 *   accept     the members become one golden record (kind 'merge'); every
 *              pair among them is labelled 'same';
 *   reject     the members are not duplicates: every pair 'different', the
 *              suggestion dissolved (kind 'review'; 'unmerge' when it was
 *              merged), the cluster listed as rejected while that stands;
 *   split      one record out: 'different' from each other member, out of
 *              the golden record too, the rest grouped again;
 *   not-same   two records 'different': out of one golden record, their
 *              cluster grouped again with the two apart.
 * Matching runs read the labels (never group a 'different' pair again) and
 * the golden records (keep them together).
 */
import type { DecisionResult } from '../../../shared/channels/merge.ts';
import { AppError } from '../../../shared/errors.ts';
import { writeBatch, type BatchKind, type ChangeRequest } from '../../store/change-writer.ts';
import { joinRequests, labelRequest, labelsAmong, leaveRequests, dissolveRequests, pairKey, type Label } from '../../store/golden-repo.ts';
import type { Db } from '../../store/open-project.ts';
import { durably } from '../../store/durable-commit.ts';
import { refreshDirtyClusters } from './cluster-stats.ts';
import { clusterMembers, clusterOfCustomer, goldenMap, regroup, suggestionRequests } from './regroup.ts';

/** Beyond this many members a cluster's labels are its stored pairs only (a pair per two records would be quadratic). */
const ALL_PAIRS_UP_TO = 30;

function pairsToLabel(db: Db, ids: readonly number[]): [number, number][] {
  if (ids.length <= ALL_PAIRS_UP_TO) return ids.flatMap((a, i) => ids.slice(i + 1).map((b): [number, number] => [a, b]));
  const json = JSON.stringify(ids);
  return db.prepare('SELECT a, b FROM match_pairs WHERE a IN (SELECT value FROM json_each(?)) AND b IN (SELECT value FROM json_each(?))').raw().all(json, json) as [number, number][];
}

function labelRequests(db: Db, ids: readonly number[], label: Label, reason: string): ChangeRequest[] {
  const now = labelsAmong(db, ids);
  return pairsToLabel(db, ids).filter(([a, b]) => now.get(pairKey(a, b)) !== label).map(([a, b]) => labelRequest(a, b, label, reason));
}

function membersOf(db: Db, clusterId: number): number[] {
  refreshDirtyClusters(db);
  const ids = clusterMembers(db, clusterId);
  if (ids.length < 2) throw new AppError('not_found', `There is no cluster ${clusterId} to decide on (it may have been decided or re-matched since).`);
  return ids;
}

interface Written {
  kind: BatchKind;
  description: string;
  params: Record<string, string | number>;
  requests: ChangeRequest[];
}

function write(db: Db, actor: string, w: Written, goldenId: number | null, clusters: number[]): DecisionResult {
  const r = writeBatch(db, { kind: w.kind, actor, description: w.description, params: w.params }, w.requests);
  return { batchId: r.batchId, changes: r.changed, goldenId, clusters };
}

export function accept(db: Db, clusterId: number, actor: string): DecisionResult {
  // Synced like a bulk merge (synchronous = FULL): an accepted merge survives a power cut.
  return durably(db, () => db.transaction(() => {
    const ids = membersOf(db, clusterId);
    const join = joinRequests(db, ids, 'accept');
    const requests = [...join.requests, ...labelRequests(db, ids, 'same', 'accept')];
    const w = { kind: 'merge' as const, description: `Merged ${ids.length} records into golden record ${join.goldenId}`, params: { action: 'accept', cluster: clusterId, golden: join.goldenId, records: ids.length }, requests };
    return write(db, actor, w, join.goldenId, [clusterId]);
  }).immediate());
}

export function reject(db: Db, clusterId: number, actor: string): DecisionResult {
  return db.transaction(() => {
    const ids = membersOf(db, clusterId);
    const k = db.prepare('SELECT size, source_ids, weakest, weakest_a, weakest_b, max_probability FROM match_clusters WHERE id = ?').get(clusterId) as
      { size: number; source_ids: string; weakest: number | null; weakest_a: number | null; weakest_b: number | null; max_probability: number };
    const goldens = new Set(goldenMap(db, ids).values());
    const unmerge = [...goldens].flatMap((g) => dissolveRequests(db, g, 'reject'));
    const requests = [...unmerge, ...labelRequests(db, ids, 'different', 'reject'), ...suggestionRequests(db, new Map(ids.map((id) => [id, null])), 'reject')];
    const w = { kind: unmerge.length ? 'unmerge' as const : 'review' as const, description: `Rejected ${ids.length} records as not duplicates (cluster ${clusterId})`, params: { action: 'reject', cluster: clusterId, records: ids.length }, requests };
    const result = write(db, actor, w, null, []);
    if (result.batchId !== null) {
      const [a, b] = k.weakest_a !== null ? [k.weakest_a, k.weakest_b!] : [ids[0], ids[1]];
      db.prepare(`INSERT INTO match_rejections (batch_id, cluster_id, at, members, size, source_ids, weakest, max_probability, a, b) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(result.batchId, clusterId, new Date().toISOString(), JSON.stringify(ids), ids.length, k.source_ids, k.weakest, k.max_probability, Math.min(a, b), Math.max(a, b));
    }
    return result;
  }).immediate();
}

/** Golden membership after `leaving` leaves its golden record (for grouping the rest). */
function withoutMember(db: Db, ids: readonly number[], leaving: number): Map<number, number> {
  const together = goldenMap(db, ids);
  together.delete(leaving);
  return together;
}

function regroupRequests(db: Db, ids: readonly number[], together: Map<number, number>, apart: [number, number][], reason: string): { requests: ChangeRequest[]; clusters: number[] } {
  const next = regroup(db, ids, { together, apart });
  const clusters = [...new Set([...next.values()].filter((c): c is number => c !== null))].sort((a, b) => a - b);
  return { requests: suggestionRequests(db, next, reason), clusters };
}

export function split(db: Db, clusterId: number, customerId: number, actor: string): DecisionResult {
  return db.transaction(() => {
    const ids = membersOf(db, clusterId);
    if (!ids.includes(customerId)) throw new AppError('invalid_input', `Customer ${customerId} is not in cluster ${clusterId}.`);
    const apart = ids.filter((id) => id !== customerId).map((id): [number, number] => [customerId, id]);
    const leave = leaveRequests(db, customerId, 'split');
    const grouped = regroupRequests(db, ids, withoutMember(db, ids, customerId), apart, 'split');
    const labels = apart.map(([a, b]) => labelRequest(a, b, 'different', 'split'));
    const w = { kind: leave.requests.length ? 'unmerge' as const : 'review' as const, description: `Split customer ${customerId} out of cluster ${clusterId}`, params: { action: 'split', cluster: clusterId, customer: customerId }, requests: [...leave.requests, ...labels, ...grouped.requests] };
    return write(db, actor, w, leave.goldenId, grouped.clusters);
  }).immediate();
}

export function notSame(db: Db, a: number, b: number, actor: string): DecisionResult {
  return db.transaction(() => {
    const golden = goldenMap(db, [a, b]);
    const leaving = Math.max(a, b);
    const leave = golden.has(a) && golden.get(a) === golden.get(b) ? leaveRequests(db, leaving, 'not_same') : { goldenId: null, requests: [] };
    const cluster = clusterOfCustomer(db, a);
    let grouped: { requests: ChangeRequest[]; clusters: number[] } = { requests: [], clusters: [] };
    if (cluster !== null && cluster === clusterOfCustomer(db, b)) {
      const ids = clusterMembers(db, cluster);
      grouped = regroupRequests(db, ids, leave.requests.length ? withoutMember(db, ids, leaving) : goldenMap(db, ids), [[a, b]], 'not_same');
    }
    const w = { kind: leave.requests.length ? 'unmerge' as const : 'review' as const, description: `Marked customers ${a} and ${b} as not the same customer`, params: { action: 'not_same', a, b }, requests: [...leave.requests, labelRequest(a, b, 'different', 'not_same'), ...grouped.requests] };
    return write(db, actor, w, leave.goldenId, grouped.clusters);
  }).immediate();
}
