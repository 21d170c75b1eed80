import { describe, expect, it } from 'vitest';
import { findCandidatePairsPrepared, defaultRules } from '../../../main/match/blocking.ts';
import { chooseComparisons } from '../../../main/match/comparison-set.ts';
import { computeGammas } from '../../../main/match/gammas.ts';
import { computeGammasParallel } from '../../../main/match/parallel.ts';
import { prepareRecords } from '../../../main/match/prepare.ts';
import { makeFixture } from './fixture.ts';

describe('comparison vectors on two threads', () => {
  it('gives exactly the levels one thread gives, and stops on cancel', async () => {
    const p = prepareRecords(makeFixture(300).records);
    const comps = chooseComparisons(p);
    const cands = findCandidatePairsPrepared(p, defaultRules(p));
    const one = await computeGammas(p, comps, cands.a, cands.b);
    const two = await computeGammasParallel(p, comps, cands.a, cands.b, { workers: 2 });
    expect(two).toEqual(one);
    // Small chunks: both threads take some from the shared counter.
    const small = await computeGammasParallel(p, comps, cands.a, cands.b, { workers: 2, chunk: 7 });
    expect(small).toEqual(one);
    const signal = { throwIfAborted: () => { throw new Error('cancelled'); } };
    await expect(computeGammasParallel(p, comps, cands.a, cands.b, { workers: 2, signal })).rejects.toThrow('cancelled');
  }, 30_000);
});
