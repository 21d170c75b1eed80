/**
 * What one profiling pass remembers beyond the per-record issues: the format
 * of each value (to find the dominant one per column afterwards), incomes (for
 * the robust z-score, which needs the whole project's median), the keys seen
 * (for exact duplicates), record ages and accuracy outcomes. Typed arrays keep
 * a million records to tens of megabytes.
 */
import { consistencyFields } from './rules.ts';
import type { Outcome } from './accuracy.ts';

/** Age buckets for the timeliness histogram, upper bounds in days. */
export const ageBuckets: { label: string; maxDays: number | null }[] = [
  { label: '≤ 30 days', maxDays: 30 },
  { label: '31–90 days', maxDays: 90 },
  { label: '91–180 days', maxDays: 180 },
  { label: '181–365 days', maxDays: 365 },
  { label: '1–2 years', maxDays: 730 },
  { label: '2–5 years', maxDays: 1826 },
  { label: '> 5 years', maxDays: null },
  { label: 'no date', maxDays: null },
];

export type Confusion = { tp: number; tn: number; fp: number; fn: number };

export class Accumulators {
  readonly ids: Float64Array;
  readonly sourceOf: Int32Array;
  /** Per consistency field: the interned format code of each record's value (0 = not recorded). */
  readonly formatCodes = new Map<string, Uint16Array>();
  readonly formatNames = new Map<string, string[]>();
  private readonly formatIndex = new Map<string, Map<string, number>>();
  /** sourceId → field → counts indexed by format code. */
  readonly formatCounts = new Map<number, Map<string, number[]>>();
  readonly incomes: Float64Array;
  readonly incomeRecord: Int32Array;
  incomeCount = 0;
  readonly ageHistogram = new Map<number, number[]>();
  readonly confusion = new Map<number, Map<string, Confusion>>();
  private readonly keys = new Map<string, Map<string | number, number>>();
  private index = 0;
  private sourceId = 0;

  constructor(readonly capacity: number) {
    this.ids = new Float64Array(capacity);
    this.sourceOf = new Int32Array(capacity);
    this.incomes = new Float64Array(capacity);
    this.incomeRecord = new Int32Array(capacity);
    for (const f of consistencyFields) {
      this.formatCodes.set(f, new Uint16Array(capacity));
      this.formatNames.set(f, ['']);
      this.formatIndex.set(f, new Map());
    }
  }

  startRecord(index: number, id: number, sourceId: number): void {
    this.index = index;
    this.sourceId = sourceId;
    this.ids[index] = id;
    this.sourceOf[index] = sourceId;
  }

  /** Notes how the current record's `field` is written. Call at most once per field and record. */
  pattern(field: string, name: string): void {
    const index = this.formatIndex.get(field);
    if (!index) return;
    let code = index.get(name);
    if (code === undefined) {
      const names = this.formatNames.get(field)!;
      // Uint16 codes: a column with 65,000 formats has no dominant one worth reporting anyway.
      if (names.length >= 65_535) return;
      code = names.length;
      names.push(name);
      index.set(name, code);
    }
    this.formatCodes.get(field)![this.index] = code;
    let bySource = this.formatCounts.get(this.sourceId);
    if (!bySource) this.formatCounts.set(this.sourceId, (bySource = new Map()));
    let counts = bySource.get(field);
    if (!counts) bySource.set(field, (counts = []));
    counts[code] = (counts[code] ?? 0) + 1;
  }

  /**
   * Exact-duplicate detection: returns the id of the first customer seen with
   * this key for this field, or records the current customer as the first.
   * Numeric keys (E.164 digits) take far less memory than strings.
   */
  firstWithKey(field: string, key: string): number | undefined {
    let seen = this.keys.get(field);
    if (!seen) this.keys.set(field, (seen = new Map()));
    const k: string | number = /^\+?\d{1,15}$/.test(key) ? Number(key.replace('+', '')) * (key.startsWith('+') ? 1 : -1) : key;
    const first = seen.get(k);
    if (first !== undefined) return first;
    seen.set(k, this.ids[this.index]);
    return undefined;
  }

  income(value: number): void {
    this.incomes[this.incomeCount] = value;
    this.incomeRecord[this.incomeCount++] = this.index;
  }

  /** Age in milliseconds of the current record's last update, undefined when it has none. */
  age(ms: number | undefined): void {
    let h = this.ageHistogram.get(this.sourceId);
    if (!h) this.ageHistogram.set(this.sourceId, (h = ageBuckets.map(() => 0)));
    const days = ms === undefined ? undefined : ms / 86_400_000;
    let b = ageBuckets.length - 1;
    if (days !== undefined) {
      b = ageBuckets.findIndex((bucket) => bucket.maxDays !== null && days <= bucket.maxDays);
      if (b < 0) b = ageBuckets.length - 2;
    }
    h[b]++;
  }

  outcome(field: string, outcome: Outcome): void {
    let bySource = this.confusion.get(this.sourceId);
    if (!bySource) this.confusion.set(this.sourceId, (bySource = new Map()));
    let c = bySource.get(field);
    if (!c) bySource.set(field, (c = { tp: 0, tn: 0, fp: 0, fn: 0 }));
    c[outcome]++;
  }
}
