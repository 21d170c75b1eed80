/**
 * u probabilities: how often two records that are NOT the same customer
 * agree at each level. Almost all random pairs are non-matches (a few
 * duplicates among n² pairs change nothing), so u is counted on random pairs.
 * For exact agreement on a tf column u is computed exactly from value
 * frequencies: Σ f(v)², the chance two random filled records share a value.
 */
import type { Comparison } from './comparisons.ts';
import { DICT_OF, type CodeColumn, type Prepared } from './prepare.ts';
import type { LinkMode } from './types.ts';
import { rng } from '../lib/seeded-random.ts';

/** Counts of the values of one column, by dictionary code. */
export interface ValueCounts {
  /** The distinct filled values' codes, in order of first occurrence. */
  codes: Int32Array;
  /** Records per code (indexed by code). */
  count: Int32Array;
  /** Filled records in total. */
  filled: number;
}

/** Counts per prepared set and tf column: u and the tf tables both need them. */
const countsCache = new WeakMap<Prepared, Map<string, ValueCounts>>();

const NO_COUNTS: ValueCounts = { codes: new Int32Array(0), count: new Int32Array(0), filled: 0 };

/** Value counts for the tf column of a comparison (filled records only). Do not modify the result. */
export function valueCounts(p: Prepared, c: Comparison): ValueCounts {
  if (!c.tfColumn) return NO_COUNTS;
  let byColumn = countsCache.get(p);
  if (!byColumn) countsCache.set(p, (byColumn = new Map()));
  let counts = byColumn.get(c.tfColumn);
  if (!counts) byColumn.set(c.tfColumn, (counts = countValues(p, c.tfColumn)));
  return counts;
}

function countValues(p: Prepared, column: CodeColumn): ValueCounts {
  const col = p[column];
  const count = new Int32Array(p.dicts[DICT_OF[column]].size);
  const codes: number[] = [];
  let filled = 0;
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (!v) continue;
    if (count[v]++ === 0) codes.push(v);
    filled++;
  }
  return { codes: Int32Array.from(codes), count, filled };
}

function exactAgreement(counts: ValueCounts): number {
  let sq = 0;
  for (const v of counts.codes) sq += counts.count[v] * counts.count[v];
  const total = counts.filled;
  return total > 1 ? (sq - total) / (total * (total - 1)) : 0;
}

function samplePair(p: Prepared, next: () => number, link: boolean): [number, number] {
  for (;;) {
    const i = Math.floor(next() * p.n);
    const j = Math.floor(next() * p.n);
    if (i !== j && (!link || p.sources[i] !== p.sources[j])) return [i, j];
  }
}

export function estimateU(
  p: Prepared, comps: readonly Comparison[], mode: LinkMode, sampleSize = 300_000,
): number[][] {
  const counts = comps.map((c) => new Float64Array(c.levels.length));
  const next = rng(42);
  const total = mode === 'link' ? sampleSize : Math.min(sampleSize, (p.n * (p.n - 1)) / 2);
  const a = new Int32Array(total);
  const b = new Int32Array(total);
  for (let s = 0; s < total; s++) [a[s], b[s]] = samplePair(p, next, mode === 'link');
  // One comparison at a time (a monomorphic call site, as in gammas.ts).
  for (let c = 0; c < comps.length; c++) {
    const comp = comps[c];
    const row = counts[c];
    for (let s = 0; s < total; s++) row[comp.level(p, a[s], b[s])]++;
  }
  return comps.map((c, ci) => {
    const row = counts[ci];
    const filled = row.reduce((s, x) => s + x, 0) - row[0];
    // Add-half smoothing: a level never seen among random pairs is rare, not impossible.
    const u = Array.from(row, (x, l) => (l === 0 ? 0 : (x + 0.5) / (filled + 0.5 * (row.length - 1))));
    if (c.tfLevel > 0) fixExactLevel(u, c.tfLevel, exactAgreement(valueCounts(p, c)));
    return u;
  });
}

/** Sets u[level] to the exact value and rescales the other levels to keep the sum 1. */
function fixExactLevel(u: number[], level: number, exact: number): void {
  if (!(exact > 0)) return;
  const rest = u.reduce((s, x, l) => (l === 0 || l === level ? s : s + x), 0);
  const scale = rest > 0 ? (1 - exact) / rest : 1;
  for (let l = 1; l < u.length; l++) u[l] = l === level ? exact : u[l] * scale;
}
