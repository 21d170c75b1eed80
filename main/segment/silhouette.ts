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
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[labels[rows[i]]]++;
  if (counts.filter((c) => c > 0).length < 2) return { silhouette: null, sample: n };
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = points[rows[i]];
    const own = labels[rows[i]];
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const q = points[rows[j]];
      let d = 0;
      for (let t = 0; t < p.length; t++) d += (p[t] - q[t]) ** 2;
      sums[labels[rows[j]]] += Math.sqrt(d);
    }
    if (counts[own] <= 1) continue;
    const a = sums[own] / (counts[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    const s = Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
    total += s;
  }
  return { silhouette: total / n, sample: n };
}
