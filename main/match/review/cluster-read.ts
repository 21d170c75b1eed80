/**
 * One cluster as the review shows it: its members' records, the stored
 * pairs among them with any decision on them, and the weakest link with its
 * waterfall (the explanation opens there). A current cluster is read from
 * the suggestions; a rejected one from its rejection; a golden record that
 * is no current cluster from its membership.
 */
import type { ClusterStatus } from '../../../shared/channels/merge.ts';
import type { PairExplanation } from '../../../shared/channels/match.ts';
import { customerFieldKeys } from '../../../shared/domain/fields.ts';
import { AppError } from '../../../shared/errors.ts';
import { goldenMembers, goldenOf, labelsAmong, pairKey } from '../../store/golden-repo.ts';
import type { Db } from '../../store/open-project.ts';
import { currentMatchRun } from '../match-repo.ts';
import { explainPairOf } from '../review-queries.ts';
import { refreshDirtyClusters } from './cluster-stats.ts';

type Cell = string | number | null;

export interface MemberRow {
  id: number;
  source: string;
  sourceId: number;
  sourceRecordId: string | null;
  rowNumber: number;
  updatedAt: string | null;
  goneSince: string | null;
  goldenId: number | null;
  probability: number | null;
  values: Record<string, Cell>;
}

export interface ClusterRead {
  id: number;
  status: ClusterStatus;
  goldenId: number | null;
  rejectedBatch: number | null;
  members: MemberRow[];
  pairs: { a: number; b: number; probability: number; linked: boolean; label: 'same' | 'different' | null }[];
  weakest: PairExplanation | null;
}

/** Which customers make the cluster, and what it is. */
function locate(db: Db, id: number, rejectedBatch: number | undefined): { ids: number[]; status: ClusterStatus; weakest: [number, number] | null } {
  if (rejectedBatch !== undefined) {
    const r = db.prepare('SELECT members, a, b FROM match_rejections WHERE batch_id = ? AND cluster_id = ?').get(rejectedBatch, id) as { members: string; a: number; b: number } | undefined;
    if (!r) throw new AppError('not_found', `No rejected cluster ${id} in batch ${rejectedBatch}.`);
    return { ids: JSON.parse(r.members) as number[], status: 'rejected', weakest: [r.a, r.b] };
  }
  refreshDirtyClusters(db);
  const k = db.prepare('SELECT status, weakest_a, weakest_b FROM match_clusters WHERE id = ?').get(id) as { status: ClusterStatus; weakest_a: number | null; weakest_b: number | null } | undefined;
  if (k) {
    const ids = db.prepare('SELECT customer_id FROM match_members WHERE cluster_id = ? ORDER BY customer_id').pluck().all(id) as number[];
    return { ids, status: k.status, weakest: k.weakest_a === null ? null : [k.weakest_a, k.weakest_b!] };
  }
  const golden = goldenOf(db, id);
  if (golden === id) return { ids: goldenMembers(db, id), status: 'merged', weakest: null };
  throw new AppError('not_found', `There is no cluster ${id} to review (it may have been decided or re-matched since).`);
}

const MAX_MEMBERS = 200;

function readMembers(db: Db, ids: readonly number[]): MemberRow[] {
  const rows = db.prepare(
    `SELECT c.id, s.file_name source, c.source_id sourceId, c.source_record_id sourceRecordId, r.row_number rowNumber, c.updated_at updatedAt,
       c.gone_since goneSince, g.golden_id goldenId, m.probability, ${customerFieldKeys.map((f) => `c.${f} v_${f}`).join(', ')}
     FROM customers c JOIN sources s ON s.id = c.source_id JOIN raw_rows r ON r.id = c.raw_row_id
     LEFT JOIN golden_members g ON g.customer_id = c.id LEFT JOIN match_members m ON m.customer_id = c.id
     WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id LIMIT ${MAX_MEMBERS}`,
  ).all(JSON.stringify(ids)) as Record<string, Cell>[];
  return rows.map((r) => ({
    id: r.id as number, source: r.source as string, sourceId: r.sourceId as number, sourceRecordId: (r.sourceRecordId as string | null) ?? null,
    rowNumber: r.rowNumber as number, updatedAt: r.updatedAt === null ? null : String(r.updatedAt), goneSince: (r.goneSince as string | null) ?? null,
    goldenId: (r.goldenId as number | null) ?? null, probability: r.probability === null || r.probability === 0 ? null : (r.probability as number),
    values: Object.fromEntries(customerFieldKeys.map((f) => [f, r[`v_${f}`] ?? null])),
  }));
}

function readPairs(db: Db, ids: readonly number[], threshold: number): ClusterRead['pairs'] {
  const json = JSON.stringify(ids);
  const stored = db.prepare(
    `SELECT a, b, probability FROM match_pairs WHERE a IN (SELECT value FROM json_each(?)) AND b IN (SELECT value FROM json_each(?)) ORDER BY probability DESC LIMIT 500`,
  ).all(json, json) as { a: number; b: number; probability: number }[];
  const labels = labelsAmong(db, ids);
  return stored.map((p) => ({ ...p, linked: p.probability >= threshold, label: labels.get(pairKey(p.a, p.b)) ?? null }));
}

export function readCluster(db: Db, id: number, rejectedBatch?: number): ClusterRead {
  const run = currentMatchRun(db);
  const where = locate(db, id, rejectedBatch);
  const members = readMembers(db, where.ids);
  const goldens = new Set(members.map((m) => m.goldenId));
  const goldenId = goldens.size === 1 ? [...goldens][0] : null;
  return {
    id, status: where.status, goldenId, rejectedBatch: rejectedBatch ?? null, members,
    pairs: readPairs(db, where.ids, run?.threshold ?? 1),
    weakest: where.weakest && run ? explainPairOf(db, where.weakest[0], where.weakest[1]) : null,
  };
}
