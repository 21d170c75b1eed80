/**
 * The one place where a customer record is judged. Per-value verdicts come
 * from verdicts.ts through a cache; this file adds what depends on the whole
 * record (its country, its timeliness, its record id, its reference values)
 * and notes everything in the range accumulator. Run-wide findings
 * (outliers, formats, duplicates) are derived afterwards in post-pass.ts.
 */
import { keyKindOf, patternSlotOf, type KeyKind, type RangeAccumulator } from './accumulators.ts';
import { fieldBit } from './flag-schema.ts';
import { judgeValue, dependsOnCountry, hash53, recordCountryOf, type ValueContext, type Verdict } from './verdicts.ts';
import { dateOrderFor } from '../standardize/date.ts';
import { compareWithReference, type ReferenceValue } from './accuracy.ts';

export interface CheckContext {
  now: Date;
  defaultCountry: string | undefined;
  /** Fields judged for this project (mapped by at least one source). */
  fields: readonly string[];
  /** Whether any update stamp exists to judge timeliness by. */
  judgeTimeliness: boolean;
  references: Map<number, ReferenceValue[]>;
  /** Countries of the project's records, most common first (verdicts.ts ValueContext). */
  projectCountries: readonly string[];
}

const dayMs = 86_400_000;
/** Per-field verdict caches are dropped when they grow past this: unique values (emails) must not pile up. */
const cacheLimit = 50_000;

/** A customer as read for checking: [id, source_id, ...values of ctx.fields]. */
export type RawCustomer = (string | number | null)[];

/** Stop caching a field once this many lookups found fewer than 1 in 5 values already judged (emails, phones, stamps). */
const probeLookups = 20_000;

interface FieldCache {
  /** Verdicts by record country (or '' for fields that do not depend on it), then by value. */
  byCountry: Map<string, Map<string | number, Verdict>>;
  enabled: boolean;
  lookups: number;
  hits: number;
  size: number;
}

interface CountryEntry {
  iso: string | undefined;
  /** The country field's verdict for this spelling, once judged. */
  verdict: Verdict | undefined;
}

/** Judges records one by one, remembering the verdict of every distinct value while that pays. */
export class RecordChecker {
  private readonly caches: FieldCache[];
  private readonly bits: number[];
  private readonly byCountry: boolean[];
  private readonly countryIndex: number;
  private readonly recordIdIndex: number;

  /** Per field: its slot among the accumulator's format columns (-1: none), and which kind of key or time it gives. */
  private readonly patternSlots: number[];
  private readonly keyKinds: KeyKind[];
  private readonly timeKinds: number[];

  constructor(private readonly ctx: CheckContext) {
    this.bits = ctx.fields.map((f) => fieldBit(f));
    this.byCountry = ctx.fields.map((f) => dependsOnCountry(f));
    this.caches = ctx.fields.map(() => ({ byCountry: new Map(), enabled: true, lookups: 0, hits: 0, size: 0 }));
    this.countryIndex = ctx.fields.indexOf('country');
    this.recordIdIndex = ctx.fields.indexOf('source_record_id');
    this.patternSlots = ctx.fields.map((f) => patternSlotOf(f));
    this.keyKinds = ctx.fields.map((f) => keyKindOf(f));
    this.timeKinds = ctx.fields.map((f) => (f === 'updated_at' ? 1 : f === 'created_at' ? 2 : 0));
  }

  /**
   * Country spellings are few ("Deutschland", "DE", "Germany"): each is resolved once (Unicode normalisation is
   * slow), and the country field's verdict, which depends on nothing else, is kept with it.
   */
  private readonly countries = new Map<string | number | null, CountryEntry>();

  private countryOf(raw: string | number | null): CountryEntry {
    const known = this.countries.get(raw);
    if (known !== undefined) return known;
    const entry: CountryEntry = { iso: recordCountryOf(text(raw)), verdict: undefined };
    if (this.countries.size < cacheLimit) this.countries.set(raw, entry);
    return entry;
  }

  check(row: RawCustomer, acc: RangeAccumulator): void {
    const ctx = this.ctx;
    const id = row[0] as number;
    const countryEntry = this.countryIndex < 0 ? undefined : this.countryOf(row[this.countryIndex + 2]);
    const recordCountry = countryEntry?.iso;
    const country = recordCountry ?? ctx.defaultCountry;
    let vc: ValueContext | undefined;
    let updated: number | undefined;
    let created: number | undefined;
    acc.startRecord(id, row[1] as number);
    for (let i = 0; i < ctx.fields.length; i++) {
      const field = ctx.fields[i];
      const raw = row[i + 2];
      // Record ids are compared as SQL compares them (any non-empty text, numbers by value), not as trimmed text.
      if (i === this.recordIdIndex && raw !== null && raw !== '') acc.recordIdKey(hash53(`${row[1]}\u0000${typeof raw === 'number' ? 'n' : 's'}${raw}`));
      const value = text(raw);
      if (value === undefined) {
        acc.missing(this.bits[i]);
        continue;
      }
      // Repeated record ids are a run-wide finding (profile.ts); a present id is otherwise fine.
      if (field === 'source_record_id') continue;
      const cache = this.caches[i];
      let byValue: Map<string | number, Verdict> | undefined;
      let v: Verdict | undefined;
      if (i === this.countryIndex) {
        v = countryEntry!.verdict;
        if (v === undefined) {
          vc ??= { now: ctx.now, recordCountry, country, order: dateOrderFor(country), projectCountries: ctx.projectCountries };
          v = countryEntry!.verdict = judgeValue(field, value, raw as string | number, vc);
        }
      } else if (cache.enabled) {
        const ck = this.byCountry[i] ? (recordCountry ?? '') : '';
        byValue = cache.byCountry.get(ck);
        if (!byValue) cache.byCountry.set(ck, (byValue = new Map()));
        v = byValue.get(raw as string | number);
        cache.lookups++;
        if (v !== undefined) cache.hits++;
      }
      if (v === undefined) {
        vc ??= { now: ctx.now, recordCountry, country, order: dateOrderFor(country), projectCountries: ctx.projectCountries };
        v = judgeValue(field, value, raw as string | number, vc);
        if (byValue) remember(cache, byValue, raw as string | number, v);
      }
      const findings = v.findings;
      for (let k = 0; k < findings.length; k++) acc.issue(field, findings[k].rule, findings[k].message, findings[k].suggestion);
      if (v.placeholder) continue;
      if (v.format !== undefined && this.patternSlots[i] >= 0) acc.patternAt(this.patternSlots[i], v.format);
      if (v.key !== undefined) acc.keyAt(this.keyKinds[i], v.key);
      if (v.income !== undefined) acc.income(v.income);
      if (v.time !== undefined) {
        if (this.timeKinds[i] === 1) updated = v.time;
        else if (this.timeKinds[i] === 2) created = v.time;
      }
    }
    if (ctx.judgeTimeliness) {
      const stamp = updated ?? created;
      acc.age(stamp === undefined ? undefined : Math.floor((ctx.now.getTime() - stamp) / dayMs));
    }
    const refs = ctx.references.get(id);
    if (refs) {
      const record = Object.fromEntries(ctx.fields.map((f, i) => [f, row[i + 2]]));
      for (const ref of refs) acc.outcome(ref.field, compareWithReference(record, ref, country, (field, rule, message) => acc.issue(field, rule, message)));
    }
  }
}

function remember(cache: FieldCache, byValue: Map<string | number, Verdict>, key: string | number, v: Verdict): void {
  if (cache.lookups >= probeLookups && cache.hits * 5 < cache.lookups) {
    cache.enabled = false;
    cache.byCountry.clear();
    return;
  }
  if (cache.size >= cacheLimit) {
    cache.byCountry.clear();
    cache.size = 0;
  }
  byValue.set(key, v);
  cache.size++;
}

function text(v: string | number | null): string | undefined {
  if (v === null) return undefined;
  const s = typeof v === 'number' ? String(v) : v.trim();
  return s === '' ? undefined : s;
}
