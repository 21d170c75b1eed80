/**
 * What the review screens read about matching: the summary, pages of
 * suggested entities, one entity with its members and pair waterfalls.
 * Waterfalls are rebuilt from the stored comparison levels and the model.
 */
import type { ClusterDetail, ClusterRow, MatchSummary, PairExplanation } from '../../shared/channels/match.ts';
import { AppError } from '../../shared/errors.ts';
import { loadMatchRecords, MATCH_FIELDS } from './project/load-records.ts';
import { prepareRecords, valueOf, type Prepared } from './prepare.ts';
import { comparisonsOf, scorePairs } from './match-records.ts';
import { explainLevels, makeScorer } from './score.ts';
import type { MatchModel } from './types.ts';
import { currentMatchRun } from './match-repo.ts';
import type { Db } from '../store/open-project.ts';

const count = (db: Db, sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;

export function matchSummary(db: Db): MatchSummary {
  const run = currentMatchRun(db);
  const customers = count(db, 'SELECT count(*) n FROM customers');
  const newRecords = run ? count(db, 'SELECT count(*) n FROM customers WHERE id > ? OR change_seq > ?', run.maxCustomerId, run.maxChangeSeq) : customers;
  if (!run) return { run: null, blocking: [], clusters: 0, clusteredRecords: 0, pairs: 0, newRecords, customers };
  const lambda = run.model.lambda;
  return {
    run: {
      id: run.id, kind: run.kind, finishedAt: run.finishedAt, seconds: run.seconds, records: run.records, comparisons: run.comparisons,
      threshold: run.threshold, reportThreshold: run.reportThreshold, prior: Math.log2(lambda / (1 - lambda)),
      comparisonNames: run.model.comparisons.map((c) => c.name),
    },
    blocking: run.blocking,
    clusters: count(db, 'SELECT count(*) n FROM match_clusters'),
    clusteredRecords: count(db, 'SELECT count(*) n FROM match_members'),
    pairs: count(db, 'SELECT count(*) n FROM match_pairs'),
    newRecords,
    customers,
  };
}

const ORDER = {
  size: 'k.size DESC, k.max_probability DESC, k.id',
  probability: 'k.max_probability DESC, k.size DESC, k.id',
  weakest: 'k.min_probability ASC, k.size DESC, k.id',
} as const;

export function clustersPage(db: Db, q: { startRow: number; endRow: number; sort: keyof typeof ORDER; minSize: number }): { rows: ClusterRow[]; lastRow: number } {
  const limit = Math.max(0, Math.min(1000, q.endRow - q.startRow));
  const rows = db.prepare(
    `SELECT k.id, k.size, k.sources, k.min_probability minProbability, k.max_probability maxProbability,
       trim(coalesce(c.full_name, trim(coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, '')), '')) label
     FROM match_clusters k JOIN customers c ON c.id = k.id WHERE k.size >= ? ORDER BY ${ORDER[q.sort]} LIMIT ? OFFSET ?`,
  ).all(q.minSize, limit, q.startRow) as ClusterRow[];
  return { rows, lastRow: count(db, 'SELECT count(*) n FROM match_clusters WHERE size >= ?', q.minSize) };
}

interface PairRow { a: number; b: number; weight: number; levels: string; rule: string }

function tfValues(model: MatchModel, p: Prepared): (c: number) => string {
  const comps = comparisonsOf(model);
  return (c) => (comps[c].tfColumn ? valueOf(p, comps[c].tfColumn!, 0) : '');
}

function explainStored(db: Db, model: MatchModel, row: PairRow): PairExplanation {
  const p = prepareRecords(loadMatchRecords(db, { fromId: row.a - 1, toId: row.a }));
  const levels = row.levels.split(',').map(Number);
  const e = explainLevels(model, makeScorer(model), levels, tfValues(model, p), { a: row.a, b: row.b, rule: row.rule });
  return { ...e, linked: e.probability >= model.threshold };
}

export function explainPairOf(db: Db, a: number, b: number): PairExplanation {
  const run = currentMatchRun(db);
  if (!run) throw new AppError('invalid_input', 'This project has not been matched yet.');
  const [x, y] = a < b ? [a, b] : [b, a];
  const row = db.prepare('SELECT a, b, weight, levels, rule FROM match_pairs WHERE a = ? AND b = ?').get(x, y) as PairRow | undefined;
  if (row) return explainStored(db, run.model, row);
  // Not a stored pair (below the report threshold or never blocked together): score it now.
  const records = [...loadMatchRecords(db, { fromId: x - 1, toId: x }), ...loadMatchRecords(db, { fromId: y - 1, toId: y })];
  if (records.length < 2) throw new AppError('invalid_input', `No customers ${a} and ${b}.`);
  const [e] = scorePairs(run.model, records, [{ a: x, b: y }]);
  return { ...e, rule: '', linked: false };
}

const SHOWN_FIELDS = ['full_name', ...MATCH_FIELDS.filter((f) => f !== 'full_name')];

export function clusterDetail(db: Db, id: number): ClusterDetail {
  const run = currentMatchRun(db);
  if (!run) throw new AppError('invalid_input', 'This project has not been matched yet.');
  const members = db.prepare(
    `SELECT c.id, s.file_name source, c.source_record_id sourceRecordId, r.row_number rowNumber, m.probability, ${SHOWN_FIELDS.map((f) => `c.${f}`).join(', ')}
     FROM match_members m JOIN customers c ON c.id = m.customer_id JOIN sources s ON s.id = c.source_id JOIN raw_rows r ON r.id = c.raw_row_id
     WHERE m.cluster_id = ? ORDER BY c.id LIMIT 200`,
  ).all(id) as Record<string, string | number | null>[];
  if (members.length === 0) throw new AppError('invalid_input', `No suggested duplicate group ${id}.`);
  const pairs = db.prepare(
    `SELECT p.a, p.b, p.weight, p.levels, p.rule FROM match_pairs p
     JOIN match_members x ON x.customer_id = p.a JOIN match_members y ON y.customer_id = p.b
     WHERE x.cluster_id = ? AND y.cluster_id = ? ORDER BY p.weight DESC LIMIT 500`,
  ).all(id, id) as PairRow[];
  return {
    id,
    fields: SHOWN_FIELDS.filter((f) => members.some((m) => m[f] !== null && m[f] !== '')),
    members: members.map((m) => ({
      id: m.id as number, source: m.source as string, sourceRecordId: m.sourceRecordId as string | null, rowNumber: m.rowNumber as number,
      probability: m.probability as number,
      values: Object.fromEntries(SHOWN_FIELDS.map((f) => [f, m[f] === null ? null : String(m[f])])),
    })),
    pairs: pairs.map((row) => explainStored(db, run.model, row)),
  };
}
