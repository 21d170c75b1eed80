/**
 * The mean silhouette coefficient (Rousseeuw 1987), as scikit-learn's
 * silhouette_score computes it with Euclidean distances: for each point, a =
 * mean distance to the other members of its cluster, b = the smallest mean
 * distance to another cluster's members, s = (b − a) / max(a, b); a point
 * alone in its cluster scores 0. Quadratic in the number of points, so a
 * large project is scored on a seeded sample (silhouette_score's
 * sample_size).
 */
import { sampleIndexes } from '../lib/seeded-random.ts';

export const SILHOUETTE_SAMPLE = 3000;

/** null when fewer than two clusters are present in the points scored. */
export function meanSilhouette(points: number[][], labels: Int32Array, k: number, seed: number, sampleSize = SILHOUETTE_SAMPLE): { silhouette: number | null; sample: number } {
  const rows = sampleIndexes(points.length, sampleSize, seed);
  const n = rows.length;
  const dims = n > 0 ? points[rows[0]].length : 0;
  // The sample copied into one flat array: the n² distance loop then reads memory in order.
  const flat = new Float64Array(n * dims);
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    flat.set(points[rows[i]], i * dims);
    label[i] = labels[rows[i]];
  }
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[label[i]]++;
  if (counts.filter((c) => c > 0).length < 2) return { silhouette: null, sample: n };
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = label[i];
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      let d = 0;
      for (let t = 0; t < dims; t++) {
        const x = flat[i * dims + t] - flat[j * dims + t];
        d += x * x;
      }
      sums[label[j]] += Math.sqrt(d);
    }
    if (counts[own] <= 1) continue;
    // The point's distance to itself is 0, so the sum over its own cluster needs no correction.
    const a = sums[own] / (counts[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    total += Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
  }
  return { silhouette: total / n, sample: n };
}
