/**
 * Findings that need every customer first: income outliers (the median and
 * MAD come from every income), values written unlike the rest of their column
 * (the dominant format is known only at the end) and exact duplicates (the
 * first customer with a key is only known in id order).
 */
import { addIssue, type RangeResult } from './accumulators.ts';
import { fieldBit } from './flag-schema.ts';
import { robustStats, robustZ, outlierThreshold, type RobustStats } from '../standardize/income.ts';

export function flagIncomeOutliers(run: RangeResult): RobustStats | undefined {
  const stats = robustStats(run.incomes, run.count);
  if (!stats || stats.mad === 0) return stats;
  const median = 10 ** stats.median;
  for (let r = 0; r < run.count; r++) {
    const income = run.incomes[r];
    if (!(income > 0)) continue;
    const z = robustZ(income, stats);
    if (z === undefined || Math.abs(z) <= outlierThreshold) continue;
    const params = { value: fmt(income), median: fmt(median), z: z.toFixed(1) };
    addIssue(run.issues, r, 'income', 'income_outlier', z > 0 ? { code: 'incomeAbove', params } : { code: 'incomeBelow', params });
  }
  return stats;
}

/** 1234567.5 → "1,234,567.5"; toLocaleString costs ~2 µs a call, too much for tens of thousands of outliers. */
function fmt(n: number): string {
  const [int, frac] = (Math.round(n * 100) / 100).toString().split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/**
 * The format bits of every record (bit set: written unlike most of its
 * column in its source) and the dominant format's name per source and field.
 * Ties go to the format seen first.
 */
export function formatFlags(run: RangeResult): { format: Int32Array; dominant: { sourceId: number; field: string; name: string }[] } {
  const format = new Int32Array(run.count);
  const dominant: { sourceId: number; field: string; name: string }[] = [];
  for (const [field, { names, codes }] of Object.entries(run.formats)) {
    const counts = new Map<number, Uint32Array>();
    let lastSource = -1;
    let c: Uint32Array | undefined;
    for (let r = 0; r < run.count; r++) {
      const code = codes[r];
      if (code === 0) continue;
      // Records come in id order, mostly source by source: look the counts up only when the source changes.
      if (run.sourceOf[r] !== lastSource) {
        lastSource = run.sourceOf[r];
        c = counts.get(lastSource);
        if (!c) counts.set(lastSource, (c = new Uint32Array(names.length)));
      }
      c![code]++;
    }
    const best = new Map<number, number>();
    for (const [sourceId, c] of counts) {
      let top = 0;
      for (let code = 1; code < c.length; code++) if (c[code] > c[top]) top = code;
      best.set(sourceId, top);
      dominant.push({ sourceId, field, name: names[top] });
    }
    const bit = fieldBit(field);
    for (let r = 0; r < run.count; r++) {
      const code = codes[r];
      if (code !== 0 && code !== best.get(run.sourceOf[r])) format[r] |= bit;
    }
  }
  return { format, dominant };
}

/** Exact duplicates of email, phone and mobile: per record, the first customer with the same key (NaN = none). */
export interface DuplicateOf {
  email: Float64Array;
  phone: Float64Array;
  mobile: Float64Array;
}

export function findDuplicates(run: RangeResult): DuplicateOf {
  return { email: duplicatesOf(run, run.emailKeys), phone: duplicatesOf(run, run.phoneKeys), mobile: duplicatesOf(run, run.mobileKeys) };
}

/** Ids of the customers whose record-id key repeats (every member, first included), ascending: the candidates SQL confirms. */
export function recordIdCandidates(run: RangeResult): number[] {
  const repeated = repeatedKeys(run.recordIdKeys, run.count);
  const ids: number[] = [];
  if (repeated.size === 0) return ids;
  for (let r = 0; r < run.count; r++) if (repeated.has(run.recordIdKeys[r])) ids.push(run.ids[r]);
  return ids;
}

function repeatedKeys(keys: Float64Array, count: number): Set<number> {
  const sorted = keys.slice(0, count).sort(); // NaN sorts last
  const repeated = new Set<number>();
  for (let i = 1; i < sorted.length && !Number.isNaN(sorted[i]); i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]);
  return repeated;
}

/**
 * A native sort of the keys finds the few repeated ones, so only those go
 * into a map: a million-entry map of every key costs several times more.
 */
function duplicatesOf(run: RangeResult, keys: Float64Array): Float64Array {
  const out = new Float64Array(run.count).fill(Number.NaN);
  const repeated = repeatedKeys(keys, run.count);
  if (repeated.size === 0) return out;
  const first = new Map<number, number>();
  for (let r = 0; r < run.count; r++) {
    const k = keys[r];
    if (!repeated.has(k)) continue;
    const f = first.get(k);
    if (f === undefined) first.set(k, run.ids[r]);
    else out[r] = f;
  }
  return out;
}
