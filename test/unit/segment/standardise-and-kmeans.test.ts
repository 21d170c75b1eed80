import { describe, expect, it } from 'vitest';
import { rng } from '../../../main/lib/seeded-random.ts';
import { bestOfStarts } from '../../../main/segment/kmeans-starts.ts';
import { meanSilhouette } from '../../../main/segment/silhouette.ts';
import { fromZ, populationScale, zScore } from '../../../main/segment/standardise.ts';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('standardisation (StandardScaler: population standard deviation)', () => {
  it('equals the population formula worked out by hand', () => {
    // 2 4 4 4 5 5 7 9: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32/8 = 4 → sd 2 (the sample sd would be √(32/7) ≈ 2.14).
    const values = Float64Array.from([2, 4, 4, 4, 5, 5, 7, 9]);
    const s = populationScale(values, all(8));
    expect(s).toEqual({ mean: 5, sd: 2 });
    expect(zScore(9, s)).toBe(2);
    expect(zScore(4, s)).toBe(-0.5);
    expect(fromZ(2, s)).toBe(9);
  });

  it('only counts the rows given (customers with every feature), and a constant feature scores 0 like StandardScaler', () => {
    const values = Float64Array.from([1, Number.NaN, 3]);
    expect(populationScale(values, Int32Array.from([0, 2]))).toEqual({ mean: 2, sd: 1 });
    const flat = populationScale(Float64Array.from([7, 7, 7]), all(3));
    expect(flat.sd).toBe(0);
    expect(zScore(7, flat)).toBe(0);
  });
});

/** Three blobs far apart (sd 0.3 around centres 10 apart): any sane k-means finds them exactly. */
function blobs(seed: number): { points: number[][]; truth: number[] } {
  const next = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  const centres = [[0, 0], [10, 0], [5, 10]];
  const points: number[][] = [];
  const truth: number[] = [];
  for (let i = 0; i < 900; i++) {
    const c = i % 3;
    points.push([centres[c][0] + 0.3 * gauss(), centres[c][1] + 0.3 * gauss()]);
    truth.push(c);
  }
  return { points, truth };
}

describe('k-means with several seeded starts', () => {
  it('recovers well-separated blobs: each blob is one cluster and no two blobs share one', () => {
    const { points, truth } = blobs(5);
    const r = bestOfStarts(points, { k: 3, starts: 3, seed: 42 });
    const labelOf = new Map<number, number>();
    for (let i = 0; i < points.length; i++) {
      if (!labelOf.has(truth[i])) labelOf.set(truth[i], r.labels[i]);
      expect(r.labels[i]).toBe(labelOf.get(truth[i]));
    }
    expect(new Set(labelOf.values()).size).toBe(3);
    expect(meanSilhouette(points, r.labels, 3, 1).silhouette).toBeGreaterThan(0.9);
  });

  it('is reproducible: the same seed gives the same clusters and inertia', () => {
    const { points } = blobs(9);
    const a = bestOfStarts(points, { k: 4, starts: 2, seed: 7 });
    const b = bestOfStarts(points, { k: 4, starts: 2, seed: 7 });
    expect(b.inertia).toBe(a.inertia);
    expect([...b.labels]).toEqual([...a.labels]);
  });

  it('keeps the start with the lowest inertia', () => {
    const { points } = blobs(3);
    const many = bestOfStarts(points, { k: 5, starts: 6, seed: 1 });
    for (let s = 1; s < 7; s++) expect(many.inertia).toBeLessThanOrEqual(bestOfStarts(points, { k: 5, starts: 1, seed: s }).inertia + 1e-9);
  });
});
