import { describe, expect, it } from 'vitest';
import { defaultRules, findCandidatePairsPrepared } from '../../../main/match/blocking.ts';
import { chooseComparisons } from '../../../main/match/comparison-set.ts';
import { computeGammas } from '../../../main/match/gammas.ts';
import { absorbPrepared, DICT_OF, finishPrepared, prepareRecords, preparePart, Preparing, valueOf, type CodeColumn } from '../../../main/match/prepare.ts';
import { jaroWinkler, jaroWinklerCodes, jaroWinklerRange, overlapCoefficient, tokenOverlapRange, withinOneEdit, withinOneEditCodes } from '../../../main/match/similarity.ts';
import { makeFixture } from './fixture.ts';
import { rng } from '../../../main/lib/seeded-random.ts';

describe('prepared columns', () => {
  it('prepared in two parts (the second on its own dictionaries, then recoded) equal one pass', async () => {
    const { records } = makeFixture(300);
    const one = prepareRecords(records);
    const half = Math.floor(records.length / 2);
    const b = new Preparing();
    const mine = preparePart(b, records.slice(0, half));
    const two = finishPrepared(b, [mine, absorbPrepared(b, prepareRecords(records.slice(half)))]);
    expect(two.ids).toEqual(one.ids);
    expect(Array.from(two.sources)).toEqual(Array.from(one.sources));
    for (const column of Object.keys(DICT_OF) as CodeColumn[]) {
      for (let i = 0; i < one.n; i++) expect(valueOf(two, column, i)).toBe(valueOf(one, column, i));
    }
    expect(Array.from(two.phoneLast7)).toEqual(Array.from(one.phoneLast7));
    const comps = chooseComparisons(one);
    const c1 = findCandidatePairsPrepared(one, defaultRules(one));
    const c2 = findCandidatePairsPrepared(two, defaultRules(two));
    expect(Array.from(c2.a)).toEqual(Array.from(c1.a));
    expect(Array.from(c2.b)).toEqual(Array.from(c1.b));
    expect(await computeGammas(two, comps, c2.a, c2.b)).toEqual(await computeGammas(one, comps, c1.a, c1.b));
  });

  it('measures on packed dictionary entries equal the string measures', () => {
    const values = ['martha', 'marhta', 'dwayne', 'duane', 'dixon', 'dicksonx', 'tq138df', 'tq13 8df', 'tq138dg', 'tq183df',
      '12 high street', 'high street 12', '12 station road', 'a', 'ab', 'ba', 'abc', 'x'.repeat(300), `${'x'.repeat(299)}y`];
    const p = prepareRecords(values.map((v, i) => ({ id: i + 1, sourceId: 1, values: { given_name: v, street: v, postcode: v } })));
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        const [gi, gj] = [p.given[i], p.given[j]];
        expect(jaroWinklerCodes(p.dicts.names, gi, gj)).toBeCloseTo(jaroWinkler(valueOf(p, 'given', i), valueOf(p, 'given', j)), 12);
        const [pi, pj] = [p.postcode[i], p.postcode[j]];
        expect(withinOneEditCodes(p.dicts.postcode, pi, pj)).toBe(withinOneEdit(valueOf(p, 'postcode', i), valueOf(p, 'postcode', j)));
        const d = p.dicts.street;
        const [si, sj] = [p.street[i], p.street[j]];
        const tokens = (k: number) => valueOf(p, 'street', k).split(' ').filter(Boolean);
        expect(tokenOverlapRange(d.chars, d.start[si], d.start[si + 1], d.start[sj], d.start[sj + 1])).toBe(overlapCoefficient(tokens(i), tokens(j)));
      }
    }
  });

  it('a threshold only lets Jaro-Winkler give up early on values that cannot reach it', () => {
    const next = rng(7);
    const base = ['john.smith', 'jsmith47', 'mary.jones', 'maryjones', 'li.wei', 'weili88', 'fernandezlozano', 'abcdefgh'];
    const values = new Set<string>(base);
    for (const v of base) {
      for (let r = 0; r < 25; r++) {
        const k = Math.floor(next() * v.length);
        const edit = Math.floor(next() * 3);
        values.add(edit === 0 ? v.slice(0, k) + v.slice(k + 1) : edit === 1 ? v.slice(0, k) + 'x' + v.slice(k) : v.slice(0, k) + v.slice(k + 1, k + 2) + v[k] + v.slice(k + 2));
      }
    }
    const list = [...values];
    const chars = new Uint16Array(list.join('').split('').map((c) => c.charCodeAt(0)));
    const start: number[] = [];
    let at = 0;
    for (const v of list) {
      start.push(at);
      at += v.length;
    }
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < list.length; j++) {
        for (const t of [0.8, 0.9, 0.95]) {
          const fast = jaroWinklerRange(chars, start[i], list[i].length, start[j], list[j].length, t) >= t;
          expect(fast).toBe(jaroWinkler(list[i], list[j]) >= t);
        }
      }
    }
  });
});
