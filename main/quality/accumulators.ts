/**
 * What checking a range of customers produces besides its issue rows: per
 * record the missing-field bits, the age, the format of each consistency
 * field, the income and the keys for exact duplicates. Typed arrays keep a
 * million records to tens of megabytes and cross from a worker thread without
 * copying. Run-wide findings (outliers, dominant formats, duplicates) are
 * derived from these after every range is in (post-pass.ts).
 */
import { consistencyFields } from './rules.ts';
import type { Outcome } from './accuracy.ts';
import type { RuleId } from './rules.ts';
import type { IssueCode, IssueMessage } from '../../shared/domain/issue-message.ts';

/** Age buckets for the timeliness histogram: a record falls in the first bucket whose maxDays ≥ its age in whole days. */
export const ageBuckets: { label: string; minDays: number | null; maxDays: number | null }[] = [
  { label: '≤ 30 days', minDays: 0, maxDays: 30 },
  { label: '31–90 days', minDays: 31, maxDays: 90 },
  { label: '91–180 days', minDays: 91, maxDays: 180 },
  { label: '181–365 days', minDays: 181, maxDays: 365 },
  { label: '1–2 years', minDays: 366, maxDays: 730 },
  { label: '2–5 years', minDays: 731, maxDays: 1826 },
  { label: '> 5 years', minDays: 1827, maxDays: null },
  { label: 'no date', minDays: null, maxDays: null },
];

export type Confusion = { tp: number; tn: number; fp: number; fn: number };

/** Issue rows of a range, column-wise: cheap to build and to post between threads. */
export interface IssueColumns {
  record: number[];
  field: string[];
  rule: RuleId[];
  /** The message's code and its parameters as the JSON text stored in quality_issues.params. */
  code: IssueCode[];
  params: string[];
  suggestion: (string | null)[];
}

export function emptyIssues(): IssueColumns {
  return { record: [], field: [], rule: [], code: [], params: [], suggestion: [] };
}

/** Adds one finding about record index `record`: the one way every pass (checking, post-pass, entities, places) files an issue. */
export function addIssue(issues: IssueColumns, record: number, field: string, rule: RuleId, message: IssueMessage, suggestion?: string): void {
  issues.record.push(record);
  issues.field.push(field);
  issues.rule.push(rule);
  issues.code.push(message.code);
  issues.params.push(JSON.stringify(message.params));
  issues.suggestion.push(suggestion ?? null);
}

/** Everything one range of customers yields; plain data, structured-cloneable. */
export interface RangeResult {
  count: number;
  ids: Float64Array;
  sourceOf: Int32Array;
  missing: Int32Array;
  /** Whole days since the last update or creation; -1 when no usable date. */
  ageDays: Int32Array;
  /** Per consistency field: local format names (index 0 unused) and each record's code (0 = none). */
  formats: Record<string, { names: string[]; codes: Uint16Array }>;
  /** NaN where the record has no usable, non-negative income. */
  incomes: Float64Array;
  /** Duplicate keys (NaN = none): a 53-bit hash of the lower-cased email, numeric phone keys. */
  emailKeys: Float64Array;
  phoneKeys: Float64Array;
  mobileKeys: Float64Array;
  /** A 53-bit hash of (source, record id) as SQL compares them (NaN = no id): repeats are candidates that SQL then confirms (profile.ts). */
  recordIdKeys: Float64Array;
  /**
   * Postcode ↔ place agreement (place-consistency.ts), NaN = none: a hash of
   * (record country, postcode) where the postcode is not invalid, and hashes of
   * the city's and the region's folded spelling (a region written as a code,
   * "CA", is negative, so codes and names are compared only among themselves).
   */
  postcodeKeys: Float64Array;
  cityKeys: Float64Array;
  regionKeys: Float64Array;
  confusion: Record<string, Record<string, Confusion>>;
  issues: IssueColumns;
  /**
   * The id chunks this result holds, in the order checked (ascending): chunk
   * number, first record index, first issue index. Threads take chunks as they
   * free up, so mergeRanges puts the chunks of every thread back in id order.
   */
  chunks: { index: number[]; start: number[]; issueStart: number[] };
}

/** Which key array a field's key goes to: 0 none, 1 email, 2 phone, 3 mobile (duplicate keys), 4 postcode, 5 city, 6 region (place keys). */
export type KeyKind = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const keyKinds: Record<string, KeyKind> = { email: 1, phone: 2, mobile: 3, postcode: 4, city: 5, region: 6 };
/** The key array of each KeyKind from 1 on (keyAt writes them in this order). */
const keyColumnOf = ['emailKeys', 'phoneKeys', 'mobileKeys', 'postcodeKeys', 'cityKeys', 'regionKeys'] as const;

/** Every per-record Float64Array that starts as NaN ("none"): created, grown, merged and transferred alike. */
export const nanColumns = ['incomes', 'recordIdKeys', ...keyColumnOf] as const;
export type NanColumn = (typeof nanColumns)[number];

function nanFilled(n: number): Record<NanColumn, Float64Array> {
  return Object.fromEntries(nanColumns.map((c) => [c, new Float64Array(n).fill(Number.NaN)])) as Record<NanColumn, Float64Array>;
}

export function keyKindOf(field: string): KeyKind {
  return keyKinds[field] ?? 0;
}

/** A field's position among the format columns (consistencyFields), -1 when its formats are not compared. */
export function patternSlotOf(field: string): number {
  return (consistencyFields as readonly string[]).indexOf(field);
}

export class RangeAccumulator {
  readonly r: RangeResult;
  private index = -1;
  private sourceId = 0;
  private capacity: number;

  /** `capacity` is a first guess: the arrays grow when a thread takes more records than expected. */
  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity);
    capacity = this.capacity;
    const formats: RangeResult['formats'] = {};
    for (const f of consistencyFields) {
      formats[f] = { names: [''], codes: new Uint16Array(capacity) };
      this.slots.push({ names: formats[f], index: new Map() });
    }
    this.r = {
      count: 0,
      ids: new Float64Array(capacity),
      sourceOf: new Int32Array(capacity),
      missing: new Int32Array(capacity),
      ageDays: new Int32Array(capacity).fill(-1),
      formats,
      ...nanFilled(capacity),
      confusion: {},
      issues: emptyIssues(),
      chunks: { index: [], start: [], issueStart: [] },
    };
  }

  /** Notes that the records from here on belong to id chunk `index`. */
  startChunk(index: number): void {
    this.r.chunks.index.push(index);
    this.r.chunks.start.push(this.r.count);
    this.r.chunks.issueStart.push(this.r.issues.record.length);
  }

  private grow(): void {
    const r = this.r;
    const size = Math.ceil(this.capacity * 1.5) + 1024;
    const more = <T extends Float64Array | Int32Array | Uint16Array>(a: T, make: (n: number) => T, fill?: number): T => {
      const b = make(size);
      if (fill !== undefined) b.fill(fill, a.length);
      b.set(a as never);
      return b;
    };
    r.ids = more(r.ids, (n) => new Float64Array(n));
    r.sourceOf = more(r.sourceOf, (n) => new Int32Array(n));
    r.missing = more(r.missing, (n) => new Int32Array(n));
    r.ageDays = more(r.ageDays, (n) => new Int32Array(n), -1);
    for (const c of nanColumns) r[c] = more(r[c], (n) => new Float64Array(n), Number.NaN);
    for (const f of Object.values(r.formats)) f.codes = more(f.codes, (n) => new Uint16Array(n));
    this.capacity = size;
  }

  startRecord(id: number, sourceId: number): void {
    if (this.r.count === this.capacity) this.grow();
    this.index = this.r.count++;
    this.sourceId = sourceId;
    this.r.ids[this.index] = id;
    this.r.sourceOf[this.index] = sourceId;
  }

  issue(field: string, rule: RuleId, message: IssueMessage, suggestion?: string): void {
    addIssue(this.r.issues, this.index, field, rule, message, suggestion);
  }

  missing(bit: number): void {
    this.r.missing[this.index] |= bit;
  }

  /** Per format column (patternSlotOf), its name → code table; filled in the constructor. */
  private readonly slots: { names: RangeResult['formats'][string]; index: Map<string, number> }[] = [];

  /** Notes how the current record's `field` is written. */
  pattern(field: string, name: string): void {
    const slot = patternSlotOf(field);
    if (slot >= 0) this.patternAt(slot, name);
  }

  /** pattern() for the field in format column `at` (patternSlotOf). */
  patternAt(at: number, name: string): void {
    const { names: slot, index } = this.slots[at];
    let code = index.get(name);
    if (code === undefined) {
      // Uint16 codes: a column with 65,000 formats has no dominant one worth reporting anyway.
      if (slot.names.length >= 65_535) return;
      code = slot.names.length;
      slot.names.push(name);
      index.set(name, code);
    }
    slot.codes[this.index] = code;
  }

  recordIdKey(key: number): void {
    this.r.recordIdKeys[this.index] = key;
  }

  income(value: number): void {
    this.r.incomes[this.index] = value;
  }

  age(days: number | undefined): void {
    this.r.ageDays[this.index] = days === undefined ? -1 : Math.max(0, days);
  }

  key(field: string, key: number): void {
    this.keyAt(keyKindOf(field), key);
  }

  // One branch per kind rather than r[keyColumnOf[kind - 1]]: this runs for every keyed value of every record,
  // and named property stores stay monomorphic.
  keyAt(kind: KeyKind, key: number): void {
    if (kind === 1) this.r.emailKeys[this.index] = key;
    else if (kind === 2) this.r.phoneKeys[this.index] = key;
    else if (kind === 3) this.r.mobileKeys[this.index] = key;
    else if (kind === 4) this.r.postcodeKeys[this.index] = key;
    else if (kind === 5) this.r.cityKeys[this.index] = key;
    else if (kind === 6) this.r.regionKeys[this.index] = key;
  }

  outcome(field: string, outcome: Outcome): void {
    const bySource = (this.r.confusion[String(this.sourceId)] ??= {});
    const c = (bySource[field] ??= { tp: 0, tn: 0, fp: 0, fn: 0 });
    c[outcome]++;
  }
}

/** The bucket index of an age in whole days (-1 = no date). */
export function ageBucketOf(days: number): number {
  if (days < 0) return ageBuckets.length - 1;
  for (let b = 0; b < ageBuckets.length - 2; b++) if (days <= ageBuckets[b].maxDays!) return b;
  return ageBuckets.length - 2;
}
