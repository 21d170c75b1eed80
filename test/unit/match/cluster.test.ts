import { describe, expect, it } from 'vitest';
import { clusterPairs } from '../../../main/match/cluster.ts';

const strong = 0.999;
const weak = 0.92;

function clique(ids: number[], p: number): { a: number; b: number; probability: number }[] {
  const out = [];
  for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) out.push({ a: ids[x], b: ids[y], probability: p });
  return out;
}

describe('clusterPairs', () => {
  it('a chain of weak links does not merge two tight groups', () => {
    const pairs = [
      ...clique([1, 2, 3, 4], strong), ...clique([10, 11, 12, 13], strong),
      { a: 4, b: 7, probability: weak }, { a: 7, b: 8, probability: weak }, { a: 8, b: 10, probability: weak },
    ];
    const c = clusterPairs([1, 2, 3, 4, 7, 8, 10, 11, 12, 13], pairs, { threshold: 0.9 });
    expect(c.get(1)).toBe(1);
    expect(c.get(13)).toBe(10);
    expect(c.get(1)).not.toBe(c.get(10));
  });
  it('one weak link between two large groups is not enough', () => {
    const pairs = [...clique([1, 2, 3, 4, 5], strong), ...clique([6, 7, 8, 9, 10], strong), { a: 5, b: 6, probability: weak }];
    const c = clusterPairs([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], pairs, { threshold: 0.9 });
    expect(new Set(c.values()).size).toBe(2);
  });
  it('groups that are densely linked do merge', () => {
    const pairs = [...clique([1, 2, 3, 4, 5, 6], weak)];
    const c = clusterPairs([1, 2, 3, 4, 5, 6], pairs, { threshold: 0.9 });
    expect(new Set(c.values())).toEqual(new Set([1]));
  });
  it('ignores links under the threshold and gives singletons their own id', () => {
    const c = clusterPairs([5, 6, 7], [{ a: 5, b: 6, probability: 0.5 }], { threshold: 0.9 });
    expect([...c.entries()]).toEqual([[5, 5], [6, 6], [7, 7]]);
  });
  it('cluster ids are the smallest member id whatever the input order', () => {
    const pairs = clique([30, 20, 40], strong);
    expect(clusterPairs([40, 30, 20], pairs).get(40)).toBe(20);
    expect(clusterPairs([20, 30, 40], [...pairs].reverse()).get(40)).toBe(20);
  });
});
