/**
 * One segmentation run: read the chosen features of every customer,
 * standardise them (population z-scores), cluster with k-means (several
 * seeded starts), score the mean silhouette, and save the result beside the
 * current one, switching to it in the same transaction (run, then switch: a
 * cancel or crash leaves the previous segmentation current).
 */
import { SegmentRequest, type SegmentationView } from '../../shared/channels/segment.ts';
import { AppError } from '../../shared/errors.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import { sampleIndexes } from '../lib/seeded-random.ts';
import type { Db } from '../store/open-project.ts';
import { insertMembers, insertSegmentation, makeCurrent } from '../store/segments-repo.ts';
import { resolveFeatures } from './features.ts';
import { bestOfStarts } from './kmeans-starts.ts';
import { completeRows, readFeatures, type FeatureTable } from './read-features.ts';
import { currentView } from './segmentation-view.ts';
import { meanSilhouette } from './silhouette.ts';
import { populationScale, zScore, type Scale } from './standardise.ts';

/** Points kept for the scatter plot. */
const SCATTER_SAMPLE = 2000;
const CANCELLED = 'The segmentation was cancelled; the previous one is still current.';

export interface SegmentProgress {
  step: 'read' | 'cluster' | 'silhouette' | 'save';
  done: number;
  total: number;
}

export interface RunOptions {
  signal?: Cancellation;
  onProgress?: (p: SegmentProgress) => void;
}

/** Features of every customer, z-scores of those that have them all, and the scales used. */
export interface Standardised {
  table: FeatureTable;
  scales: Scale[];
  /** Rows of `table` with every feature, and their z-scores (points[i] belongs to table row complete[i]). */
  complete: Int32Array;
  points: number[][];
  missing: Map<number, string[]>;
}

/** The day ages are counted on: the request's, or today (UTC). */
export function asOfDay(asOf: string | undefined): { day: string; now: Date } {
  const day = asOf ?? new Date().toISOString().slice(0, 10);
  const now = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(now.getTime())) throw new AppError('invalid_input', `${day} is not a date (YYYY-MM-DD).`);
  return { day, now };
}

export function standardisedFeatures(db: Db, names: readonly string[], now: Date, opts: RunOptions = {}): Standardised {
  const features = resolveFeatures(db, names);
  const total = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  const table = readFeatures(db, features, { now }, { signal: opts.signal, onProgress: (done) => opts.onProgress?.({ step: 'read', done, total }) });
  const { complete, missing } = completeRows(table);
  const scales = table.values.map((v) => populationScale(v, complete));
  const points = Array.from(complete, (row) => table.values.map((v, f) => zScore(v[row], scales[f])));
  return { table, scales, complete, points, missing };
}

export interface SegmentRun {
  view: SegmentationView;
  data: Standardised;
  /** Segment (1 … k) of each point, in `data.points` order. */
  segments: Int32Array;
}

export function segmentCustomers(db: Db, input: SegmentRequest, opts: RunOptions = {}): SegmentRun {
  const req = SegmentRequest.parse(input);
  const { day, now } = asOfDay(req.asOf);
  const data = standardisedFeatures(db, req.features, now, opts);
  if (data.points.length < req.k) {
    throw new AppError('invalid_input', `Only ${data.points.length} customers have every chosen feature (${req.features.join(', ')}); k = ${req.k} needs at least ${req.k}.`);
  }
  const best = bestOfStarts(data.points, { k: req.k, starts: req.starts, seed: req.seed, signal: opts.signal, onStart: (done) => opts.onProgress?.({ step: 'cluster', done, total: req.starts }) });
  // Segments are numbered by size, the largest first, so "Segment 1" means the same thing on every run of the same data.
  const order = best.centroids.map((_, c) => c).sort((a, b) => count(best.labels, b) - count(best.labels, a) || a - b);
  const numberOf = new Int32Array(req.k);
  order.forEach((c, i) => (numberOf[c] = i + 1));
  const segments = best.labels.map((c) => numberOf[c]);
  opts.onProgress?.({ step: 'silhouette', done: 0, total: 1 });
  const sil = meanSilhouette(data.points, best.labels, req.k, req.seed);
  throwIfCancelled(opts.signal, CANCELLED);
  const sample = Array.from(sampleIndexes(data.points.length, SCATTER_SAMPLE, req.seed), (i) => [segments[i], ...data.table.values.map((v) => v[data.complete[i]])]);
  const missingByFeature = Object.fromEntries(data.table.names.map((n) => [n, 0]));
  for (const lacks of data.missing.values()) for (const n of lacks) missingByFeature[n]++;
  db.transaction(() => {
    const id = insertSegmentation(db, {
      created_at: new Date().toISOString(), as_of: day, k: req.k, seed: req.seed, starts: req.starts,
      features: JSON.stringify(data.table.names.map((name, f) => ({ name, ...data.scales[f] }))),
      inertia: best.inertia, silhouette: sil.silhouette, silhouette_sample: sil.sample,
      records: data.table.ids.length, missing: data.missing.size, missing_by_feature: JSON.stringify(missingByFeature), sample: JSON.stringify(sample),
    }, order.map((c, i) => ({ segment: i + 1, name: null, size: count(best.labels, c), centroid_z: JSON.stringify(best.centroids[c]) })));
    saveMembers(db, id, data, segments, opts);
    makeCurrent(db, id);
  })();
  return { view: currentView(db)!, data, segments };
}

function count(labels: Int32Array, c: number): number {
  let n = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === c) n++;
  return n;
}

const SAVE_CHUNK = 50_000;

function saveMembers(db: Db, id: number, data: Standardised, segments: Int32Array, opts: RunOptions): void {
  const total = data.complete.length + data.missing.size;
  for (let from = 0; from < data.complete.length; from += SAVE_CHUNK) {
    throwIfCancelled(opts.signal, CANCELLED);
    opts.onProgress?.({ step: 'save', done: from, total });
    const to = Math.min(from + SAVE_CHUNK, data.complete.length);
    const rows: [number, number, null][] = [];
    for (let i = from; i < to; i++) rows.push([data.table.ids[data.complete[i]], segments[i], null]);
    insertMembers(db, id, rows);
  }
  insertMembers(db, id, [...data.missing].map(([row, lacks]) => [data.table.ids[row], null, JSON.stringify(lacks)] as const));
}
