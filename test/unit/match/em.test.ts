import { describe, expect, it } from 'vitest';
import { aggregatePatterns, estimateLambda, initialM, runEm } from '../../../main/match/em.ts';
import { rng } from '../../../main/lib/seeded-random.ts';

/** Draws a level from a distribution over levels 1..n-1 (index 0 = missing is never drawn). */
function draw(dist: number[], r: number): number {
  let acc = 0;
  for (let l = 1; l < dist.length; l++) {
    acc += dist[l];
    if (r < acc) return l;
  }
  return dist.length - 1;
}

describe('EM', () => {
  it('recovers known m from a simulated mixture with u fixed', () => {
    const trueM = [[0, 0.85, 0.1, 0.05], [0, 0.7, 0.2, 0.1], [0, 0.9, 0.1]];
    const u = [[0, 0.01, 0.09, 0.9], [0, 0.05, 0.15, 0.8], [0, 0.1, 0.9]];
    const next = rng(1);
    const pairs = 60_000;
    const k = 3;
    const gammas = new Uint8Array(pairs * k);
    for (let x = 0; x < pairs; x++) {
      const dist = next() < 0.2 ? trueM : u;
      for (let c = 0; c < k; c++) gammas[x * k + c] = draw(dist[c], next());
    }
    const pc = aggregatePatterns(gammas, k, pairs);
    const { m, lambda } = runEm(pc, trueM.map((r) => initialM(r.length)), u, [true, true, true]);
    expect(lambda).toBeCloseTo(0.2, 1);
    for (let c = 0; c < k; c++) for (let l = 1; l < trueM[c].length; l++) expect(Math.abs(m[c][l] - trueM[c][l])).toBeLessThan(0.03);
    // With m and u known, the prior over "all pairs" counts the expected matches.
    const all = estimateLambda(pc, trueM, u, pairs * 10);
    expect(all * pairs * 10).toBeGreaterThan(0.8 * 0.2 * pairs);
    expect(all * pairs * 10).toBeLessThan(1.2 * 0.2 * pairs);
  });
});
