/**
 * k-means with ml-kmeans, several seeded starts, keeping the one with the
 * lowest inertia (what scikit-learn's n_init does), so a run is
 * reproducible from its seed.
 *
 * Each start seeds its centres with k-means++ on a seeded sample of at most
 * INIT_SAMPLE points (clustered there first), then runs Lloyd's iterations
 * on every point. ml-kmeans's own k-means++ keeps a matrix of every point
 * and took 21 s on a million points; seeding from a sample is the usual
 * remedy (the centres only have to start in the right regions) and leaves
 * the final iterations exact.
 */
import { kmeans, kmeansGenerator } from 'ml-kmeans';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import { sampleIndexes } from '../lib/seeded-random.ts';

const INIT_SAMPLE = 3000;
const MAX_ITERATIONS = 300;
/**
 * Stop when no centre moves more than this (squared distance). scikit-learn's
 * tol = 1e-4 is scaled by the features' mean variance, which is 1 for
 * z-scores: the same rule.
 */
const TOLERANCE = 1e-4;

export interface Clustering {
  /** Cluster of each point, 0 … k−1. */
  labels: Int32Array;
  centroids: number[][];
  /** Sum of squared distances of the points to their centroid. */
  inertia: number;
  iterations: number;
}

export interface StartOptions {
  k: number;
  starts: number;
  seed: number;
  signal?: Cancellation;
  /** Called after each start with how many are done. */
  onStart?: (done: number) => void;
}

export function bestOfStarts(points: number[][], opts: StartOptions): Clustering {
  if (points.length < opts.k) throw new RangeError(`k-means needs at least k = ${opts.k} records with every feature; there are ${points.length}.`);
  let best: Clustering | null = null;
  for (let s = 0; s < opts.starts; s++) {
    const run = oneStart(points, opts.k, opts.seed + s, opts.signal);
    if (!best || run.inertia < best.inertia) best = run;
    opts.onStart?.(s + 1);
  }
  return best!;
}

function oneStart(points: number[][], k: number, seed: number, signal: Cancellation | undefined): Clustering {
  const sample = Array.from(sampleIndexes(points.length, INIT_SAMPLE, seed), (i) => points[i]);
  const initial = kmeans(sample, k, { seed, initialization: 'kmeans++', maxIterations: MAX_ITERATIONS, tolerance: TOLERANCE }).centroids;
  let centroids = initial;
  let iterations = 0;
  for (const step of kmeansGenerator(points, k, { initialization: initial, maxIterations: MAX_ITERATIONS, tolerance: TOLERANCE })) {
    throwIfCancelled(signal, 'The segmentation was cancelled; the previous one is still current.');
    centroids = step.centroids;
    iterations = step.iterations;
  }
  const { labels, inertia } = assign(points, centroids);
  return { labels, centroids, inertia, iterations };
}

/** Each point's nearest centroid and the inertia of that assignment. */
export function assign(points: number[][], centroids: number[][]): { labels: Int32Array; inertia: number } {
  const labels = new Int32Array(points.length);
  let inertia = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    let bestD = Infinity;
    let bestC = 0;
    for (let c = 0; c < centroids.length; c++) {
      const q = centroids[c];
      let d = 0;
      for (let j = 0; j < p.length; j++) {
        const t = p[j] - q[j];
        d += t * t;
      }
      if (d < bestD) {
        bestD = d;
        bestC = c;
      }
    }
    labels[i] = bestC;
    inertia += bestD;
  }
  return { labels, inertia };
}
