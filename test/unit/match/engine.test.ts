import { describe, expect, it } from 'vitest';
import { matchIncremental, matchRecords, scorePairs, trainModel, findCandidatePairs } from '../../../main/match/index.ts';
import { pairwiseScore } from '../../../bench/datasets/pairwise-score.ts';
import { makeFixture } from './fixture.ts';

describe('matchRecords on a population with known duplicates', async () => {
  const fx = makeFixture();
  const result = await matchRecords(fx.records);

  it('finds the duplicates', () => {
    const predicted = fx.records.map((r) => result.clusters.get(r.id) ?? r.id);
    const s = pairwiseScore(predicted, fx.truth.map(String));
    expect(s.recall).toBeGreaterThan(0.9);
    expect(s.precision).toBeGreaterThan(0.95);
  });
  it('keeps a household of different people at one address apart', () => {
    const ids = fx.household.map((id) => result.clusters.get(id));
    expect(new Set(ids).size).toBe(fx.household.length);
  });
  it('explains every reported pair: prior plus steps is the weight', () => {
    expect(result.pairs.length).toBeGreaterThan(0);
    for (const pair of result.pairs) {
      const sum = pair.prior + pair.steps.reduce((s, x) => s + x.log2BayesFactor, 0);
      expect(sum).toBeCloseTo(pair.weight, 6);
      expect(pair.probability).toBeGreaterThanOrEqual(result.model.threshold);
    }
    const first = result.pairs[0];
    expect(first.steps.map((s) => s.comparison)).toContain('given_name');
    expect(first.steps.every((s) => typeof s.level === 'string')).toBe(true);
  });
  it('reports comparisons per blocking rule, each pair once', () => {
    expect(result.blockingStats.length).toBeGreaterThan(2);
    expect(result.blockingStats.reduce((s, r) => s + r.comparisons, 0)).toBe(result.comparisons);
    const c = findCandidatePairs(fx.records);
    const keys = new Set<string>();
    for (let x = 0; x < c.count; x++) keys.add(`${c.a[x]}-${c.b[x]}`);
    expect(keys.size).toBe(c.count);
    expect(c.count).toBeLessThan((fx.records.length * (fx.records.length - 1)) / 20);
  });
  it('gives the same clusters on a re-run (stable ids)', async () => {
    const again = await matchRecords([...fx.records].reverse());
    expect([...again.clusters.entries()].sort((a, b) => a[0] - b[0])).toEqual([...result.clusters.entries()].sort((a, b) => a[0] - b[0]));
  });
  it('the model survives JSON and scores the same', () => {
    const model = JSON.parse(JSON.stringify(result.model));
    const [p] = scorePairs(model, fx.records, [{ a: result.pairs[0].a, b: result.pairs[0].b }]);
    expect(p.weight).toBeCloseTo(result.pairs[0].weight, 9);
  });
});

describe('matchIncremental', () => {
  it('attaches new duplicates to existing entities without re-running old pairs', async () => {
    const fx = makeFixture(300, 11);
    const model = await trainModel(fx.records);
    const old = await matchRecords(fx.records);
    const target = fx.records[0];
    const newcomers = [
      { id: 10_001, sourceId: 2, values: { ...target.values, email: null, street: String(target.values.street).toUpperCase() } },
      { id: 10_002, sourceId: 2, values: { given_name: 'zebedee', family_name: 'quill', birth_date: '1901-01-01' } },
    ];
    const inc = await matchIncremental({ records: fx.records, clusters: old.clusters }, newcomers, model);
    expect(inc.clusters.get(10_001)).toBe(old.clusters.get(target.id));
    expect(inc.clusters.get(10_002)).toBe(10_002);
    for (const r of fx.records) expect(inc.clusters.get(r.id)).toBe(old.clusters.get(r.id));
    expect(inc.pairs.every((p) => p.a >= 10_001 || p.b >= 10_001)).toBe(true);
    expect(inc.comparisons).toBeLessThan(old.comparisons);
  });
});

describe('cancel and progress', () => {
  it('stops with an AbortError when the signal fires, and reports progress before', async () => {
    const fx = makeFixture(400, 3);
    const controller = new AbortController();
    const steps: string[] = [];
    const run = matchRecords(fx.records, {
      signal: controller.signal,
      onProgress: (p) => {
        steps.push(p.step);
        if (p.step === 'score') controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(steps).toContain('block');
  });
  it('an already aborted signal stops before any work', async () => {
    await expect(matchRecords(makeFixture(50).records, { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});
