import { describe, expect, it } from 'vitest';
import { cellsOfRule, deadRules, defaultRfmRules, OTHER_SEGMENT, segmentOf, type RfmRule } from '../../../shared/domain/rfm-rules.ts';
import { daysBetween, quintileScores } from '../../../main/analysis/rfm-scores.ts';

const rule = (name: string, r: [number, number], f: [number, number], m: [number, number]): RfmRule => ({ name, r, f, m });

describe('RFM segment rules', () => {
  it('the defaults take all 125 score cells and every rule is reachable', () => {
    expect(deadRules(defaultRfmRules)).toEqual([]);
    expect(cellsOfRule(defaultRfmRules, -1)).toEqual([]);
    const sizes = defaultRfmRules.map((_, i) => cellsOfRule(defaultRfmRules, i).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(125);
    expect(defaultRfmRules.map((r) => r.name)).toEqual(['Champions', 'Loyal', 'Potential loyalist', 'New', 'Promising', 'Need attention', 'About to sleep', 'At risk', "Can't lose them", 'Hibernating', 'Lost']);
  });

  it('reads the first rule that holds, and "Other" when none does', () => {
    expect(segmentOf(defaultRfmRules, 5, 5, 5)).toBe('Champions');
    expect(segmentOf(defaultRfmRules, 5, 5, 1)).toBe('Loyal'); // a Champion's recency and frequency, little money
    expect(segmentOf(defaultRfmRules, 5, 1, 3)).toBe('New');
    expect(segmentOf(defaultRfmRules, 1, 5, 5)).toBe("Can't lose them");
    expect(segmentOf(defaultRfmRules, 1, 1, 1)).toBe('Lost');
    expect(segmentOf([rule('Only', [5, 5], [5, 5], [5, 5])], 4, 4, 4)).toBe(OTHER_SEGMENT);
  });

  it('finds the rules of the widely copied table that earlier rules cover', () => {
    // The table as blogs and notebooks give it, in their order.
    const copied = [
      rule('Champions', [4, 5], [4, 5], [4, 5]),
      rule('Loyal', [2, 5], [3, 5], [3, 5]),
      rule('Potential loyalist', [3, 5], [1, 3], [1, 3]),
      rule('New', [4, 5], [1, 1], [1, 1]),
      rule('Promising', [3, 4], [1, 1], [1, 1]),
      rule('Need attention', [2, 3], [2, 3], [2, 3]),
      rule('About to sleep', [2, 3], [1, 2], [1, 2]),
      rule('At risk', [1, 2], [2, 5], [2, 5]),
      rule("Can't lose them", [1, 1], [4, 5], [4, 5]),
      rule('Hibernating', [1, 2], [1, 2], [1, 2]),
      rule('Lost', [1, 2], [1, 2], [1, 2]),
    ];
    const dead = deadRules(copied);
    // New (R4-5 F1 M1) and Promising (R3-4 F1 M1) sit inside Potential loyalist (R3-5 F1-3 M1-3);
    // Can't lose them (R1 F4-5 M4-5) inside At risk (R1-2 F2-5 M2-5); Lost repeats Hibernating.
    expect(dead.map((d) => copied[d.index].name)).toEqual(['New', 'Promising', "Can't lose them", 'Lost']);
    expect(dead[0].coveredBy).toEqual([2]);
    expect(dead[2].coveredBy).toEqual([7]);
  });
});

describe('quintile scores', () => {
  it('gives the bottom fifth 1 and the top fifth 5, by rank', () => {
    expect(Array.from(quintileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], true))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // Recency: fewer days is better.
    expect(Array.from(quintileScores([100, 90, 80, 70, 60, 50, 40, 30, 20, 10], false))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives ties one score: where the first of them stands', () => {
    // Six of ten made one purchase: none is worse than another, all score 1; six are worse than a 2 → 1 + floor(30/10) = 4.
    expect(Array.from(quintileScores([1, 1, 1, 1, 1, 1, 2, 2, 3, 9], true))).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(Array.from(quintileScores([7], true))).toEqual([1]);
  });

  it('counts whole days between ISO dates', () => {
    expect(daysBetween('2026-06-01', '2026-06-30')).toBe(29);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
