/**
 * The elbow chart's figures: for k = 2 … kMax, the lowest inertia of a few
 * seeded starts and the mean silhouette of that clustering, on the same
 * standardised features a run would use. Nothing is saved.
 */
import { ElbowRequest, type ElbowResult } from '../../shared/channels/segment.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../store/open-project.ts';
import { bestOfStarts } from './kmeans-starts.ts';
import { asOfDay, standardisedFeatures, type RunOptions } from './segment-customers.ts';
import { meanSilhouette } from './silhouette.ts';

export function elbow(db: Db, input: ElbowRequest, opts: Omit<RunOptions, 'onProgress'> & { onProgress?: (p: { step: string; done: number; total: number }) => void } = {}): ElbowResult {
  const req = ElbowRequest.parse(input);
  const { now } = asOfDay(req.asOf);
  const { points } = standardisedFeatures(db, req.features, now, opts);
  const kMax = Math.min(req.kMax, points.length - 1);
  if (kMax < 2) throw new AppError('invalid_input', `Only ${points.length} customers have every chosen feature; the elbow needs at least 3.`);
  const result: ElbowResult = { points: [], records: points.length, silhouetteSample: 0 };
  for (let k = 2; k <= kMax; k++) {
    opts.onProgress?.({ step: 'elbow', done: k - 2, total: kMax - 1 });
    const best = bestOfStarts(points, { k, starts: req.starts, seed: req.seed, signal: opts.signal });
    const sil = meanSilhouette(points, best.labels, k, req.seed);
    result.points.push({ k, inertia: best.inertia, silhouette: sil.silhouette });
    result.silhouetteSample = sil.sample;
  }
  return result;
}
