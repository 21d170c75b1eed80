/**
 * Turns raw records into columns of normalised values, once, so that the
 * comparisons in the hot loop compare codes and characters, not raw text.
 *
 * Every column is dictionary-encoded: per record a code (Int32Array; 0 means
 * missing, i.e. '') into a dictionary of the distinct normalised strings,
 * packed as UTF-16 into one character array. Equal codes are equal strings,
 * so agreement is an integer test. All arrays live in SharedArrayBuffers: a
 * comparison thread reads them without a copy. At a million records this is
 * ≈ 0.25 GB instead of ≈ 0.75 GB of JS strings, arrays and object headers
 * (which the comparison thread used to receive as a second copy).
 * Raw values repeat heavily (names, towns, employers), so the costly
 * normalising is memoised per run on the raw value.
 */
import { doubleMetaphone } from 'double-metaphone';
import type { CountryCode } from 'libphonenumber-js';
import type { MatchRecord } from './types.ts';
import { asText, fold } from '../standardize/text.ts';
import { nameParts } from '../standardize/names.ts';
import { nicknameGroups } from './nicknames.ts';
import { canonicalEmail, canonicalPhone } from '../standardize/contact.ts';
import { resolveCountry } from '../standardize/country.ts';
import { dateKey, dateOrderFor } from '../standardize/date.ts';
import { recogniseGender } from '../standardize/gender.ts';
import { companyTokens, normalizePostcode, streetTokens } from '../standardize/address.ts';
import { StandInFilter } from './stand-ins.ts';
import { detectPlaceholder, isPlaceholderDateKey } from '../standardize/placeholder.ts';

/** Distinct strings: code c is chars[start[c] .. start[c + 1]); code 0 is ''. */
export interface Dict {
  size: number;
  start: Int32Array;
  chars: Uint16Array;
}

/**
 * Columns that share a dictionary are compared with each other (given with
 * family name for swapped names, phone with mobile, primary with secondary
 * metaphone), so equal codes across them still mean equal strings.
 */
export interface Dicts {
  names: Dict; meta: Dict; dob: Dict; email: Dict; phone: Dict; street: Dict; postcode: Dict; place: Dict; company: Dict; gender: Dict;
}

export const DICT_OF = {
  given: 'names', family: 'names', givenMeta: 'meta', givenMeta2: 'meta', familyMeta: 'meta', familyMeta2: 'meta',
  dob: 'dob', email: 'email', phone: 'phone', mobile: 'phone',
  street: 'street', postcode: 'postcode', city: 'place', region: 'place', company: 'company', gender: 'gender',
} as const satisfies Record<string, keyof Dicts>;

export type CodeColumn = keyof typeof DICT_OF;
/**
 * The last seven digits of phone and mobile, as numbers rather than
 * dictionary codes: the digit string d (six or seven ASCII digits) is
 * 1 + Number(d) + (seven digits ? 10⁷ : 0), so "0123456" and "123456" differ.
 */
export type DigitsColumn = 'phoneLast7' | 'mobileLast7';
/** Column names as comparisons and blocking rules declare what they read (tokens and local parts come with their column). */
export type PreparedColumn = CodeColumn | DigitsColumn | 'emailLocal' | 'streetTokens' | 'companyTokens';
const DIGITS_COLUMNS: readonly DigitsColumn[] = ['phoneLast7', 'mobileLast7'];
const ALL_COLUMNS: readonly (CodeColumn | DigitsColumn)[] = [...(Object.keys(DICT_OF) as CodeColumn[]), ...DIGITS_COLUMNS];

/** See DigitsColumn. */
export function digitsCode(d: string): number {
  return 1 + Number(d) + (d.length === 7 ? 10_000_000 : 0);
}

/** The digit string of a digitsCode ('' for 0). */
export function digitsText(code: number): string {
  if (!code) return '';
  const v = code - 1;
  return v >= 10_000_000 ? String(v - 10_000_000).padStart(7, '0') : String(v).padStart(6, '0');
}

/**
 * Columnar normalised records; index i is the i-th input record. A street or
 * company value is its tokens joined by single spaces; an email's local part
 * is its characters before emailAt[code] (the last '@').
 */
export interface Prepared extends Record<CodeColumn | DigitsColumn, Int32Array> {
  n: number;
  ids: number[];
  sources: Int32Array;
  dicts: Dicts;
  /** Per email code: the length of its local part. */
  emailAt: Int32Array;
  /** Per thread: values materialised on first use (never sent to another thread). */
  local?: LocalCache;
}

interface LocalCache {
  texts: Partial<Record<keyof Dicts, string[]>>;
  nick?: (readonly number[])[];
  companyTokens?: string[][];
  filled: Partial<Record<CodeColumn | DigitsColumn, number>>;
}

function cacheOf(p: Prepared): LocalCache {
  return (p.local ??= { texts: {}, filled: {} });
}

/** The string of one code (cold paths: explanations, tf tables, rare comparison branches). */
export function text(d: Dict, code: number): string {
  const s = d.start[code];
  const e = d.start[code + 1];
  if (e - s <= 4096) return String.fromCharCode.apply(null, d.chars.subarray(s, e) as unknown as number[]);
  let out = '';
  for (let k = s; k < e; k += 4096) out += String.fromCharCode.apply(null, d.chars.subarray(k, Math.min(e, k + 4096)) as unknown as number[]);
  return out;
}

/** Every string of a dictionary, materialised once per thread: for the small dictionaries (names, companies). */
export function texts(p: Prepared, dict: keyof Dicts): string[] {
  const c = cacheOf(p);
  let t = c.texts[dict];
  if (!t) {
    const d = p.dicts[dict];
    t = new Array<string>(d.size);
    for (let k = 0; k < d.size; k++) t[k] = text(d, k);
    c.texts[dict] = t;
  }
  return t;
}

/** The normalised value of a column for record i ('' when missing). */
export function valueOf(p: Prepared, column: CodeColumn, i: number): string {
  return text(p.dicts[DICT_OF[column]], p[column][i]);
}

/** Nickname groups per names code. */
export function nicknamesOf(p: Prepared): (readonly number[])[] {
  const c = cacheOf(p);
  return (c.nick ??= texts(p, 'names').map((name) => nicknameGroups(name)));
}

/** Company tokens per company code (the company value is its tokens joined by spaces). */
export function companyTokensOf(p: Prepared): string[][] {
  const c = cacheOf(p);
  return (c.companyTokens ??= texts(p, 'company').map((s) => (s ? s.split(' ') : [])));
}

/** The prepared columns without this thread's caches, for another thread (arrays are shared, not copied). */
export function shareable(p: Prepared): Prepared {
  const { local: _local, ids: _ids, ...rest } = p;
  return { ...rest, ids: [] };
}

const shared = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4), 0, n);

/**
 * Interns strings into a packed dictionary. An open-addressing table of codes
 * over the packed characters, not a Map of strings: a million distinct emails
 * or phone numbers as Map keys cost seconds of hashing, rehashing and garbage
 * collection, and the strings would be kept twice.
 */
class DictBuilder {
  private chars = new Uint16Array(1 << 12);
  private len = 0;
  private start: Int32Array<ArrayBuffer> = new Int32Array(1 << 10);
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1 << 10);
  private table = new Int32Array(1 << 10);
  size = 1; // code 0 is ''

  code(s: string): number {
    const n = s.length;
    if (n === 0) return 0;
    let h = 0x811c9dc5;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    const mask = this.table.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const c = this.table[slot];
      if (c === 0) break;
      if (this.hashes[c] === h && this.equals(c, s)) return c;
      slot = (slot + 1) & mask;
    }
    const code = this.reserve(n, h, slot);
    for (let k = 0; k < n; k++) this.chars[this.start[code] + k] = s.charCodeAt(k);
    return code;
  }

  /** The code of the string in chars[from .. to) (an entry of another thread's dictionary). */
  codeOfRange(chars: Uint16Array, from: number, to: number): number {
    const n = to - from;
    if (n === 0) return 0;
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) h = Math.imul(h ^ chars[k], 0x01000193);
    const mask = this.table.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const c = this.table[slot];
      if (c === 0) break;
      if (this.hashes[c] === h && this.start[c + 1] - this.start[c] === n) {
        const o = this.start[c] - from;
        let k = from;
        while (k < to && this.chars[o + k] === chars[k]) k++;
        if (k === to) return c;
      }
      slot = (slot + 1) & mask;
    }
    const code = this.reserve(n, h, slot);
    this.chars.set(chars.subarray(from, to), this.start[code]);
    return code;
  }

  /** A new code for a string of n characters with hash h, placed at slot (characters written by the caller). */
  private reserve(n: number, h: number, slot: number): number {
    const code = this.size++;
    if (this.size >= this.start.length) {
      this.start = grow(this.start, this.start.length * 2);
      this.hashes = grow(this.hashes, this.hashes.length * 2);
    }
    if (this.len + n > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.len + n));
      chars.set(this.chars);
      this.chars = chars;
    }
    this.start[code] = this.len;
    this.len += n;
    this.start[code + 1] = this.len;
    this.hashes[code] = h;
    this.table[slot] = code;
    if (this.size * 2 > this.table.length) this.rehash();
    return code;
  }

  text(code: number): string {
    return text({ size: this.size, start: this.start, chars: this.chars }, code);
  }

  private equals(c: number, s: string): boolean {
    const o = this.start[c];
    if (this.start[c + 1] - o !== s.length) return false;
    for (let k = 0; k < s.length; k++) if (this.chars[o + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let c = 1; c < this.size; c++) {
      const h = this.hashes[c];
      let slot = (h ^ (h >>> 15)) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = c;
    }
    this.table = table;
  }

  pack(): Dict {
    const start = shared(this.size + 1);
    start.set(this.start.subarray(0, this.size + 1));
    const chars = new Uint16Array(new SharedArrayBuffer(Math.max(2, this.len * 2)), 0, this.len);
    chars.set(this.chars.subarray(0, this.len));
    return { size: this.size, start, chars };
  }
}

function grow(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** Recognised genders compare as one code per gender ("F", "女性", "weiblich"); anything else as written. */
function gender(raw: string): string {
  const g = recogniseGender(raw);
  return g ?? raw.trim().toLowerCase();
}

/**
 * Memoises raw value → code for one run. Cleared when full: a small map
 * stays in cache and catches the values that repeat (towns, employers,
 * households), a huge one would mostly hold values seen once.
 */
function memo<K extends string | number = string>(fn: (raw: K) => number, limit = 100_000): (raw: K) => number {
  const cache = new Map<K, number>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === undefined) {
      hit = fn(raw);
      if (cache.size >= limit) cache.clear();
      cache.set(raw, hit);
    }
    return hit;
  };
}

/** The columns of a slice of the records, coded into one Preparing run's dictionaries. */
export interface PreparedPart {
  n: number;
  ids: number[];
  sources: Int32Array;
  cols: Record<CodeColumn | DigitsColumn, Int32Array>;
}

/**
 * One preparing run: the dictionaries being built and memos of raw values.
 * Records are coded in parts (part); a part another thread prepared is
 * recoded into this run's dictionaries (absorb); finish packs the result.
 */
export class Preparing {
  readonly d = {
    names: new DictBuilder(), meta: new DictBuilder(), dob: new DictBuilder(), email: new DictBuilder(),
    phone: new DictBuilder(), street: new DictBuilder(), postcode: new DictBuilder(), place: new DictBuilder(), company: new DictBuilder(), gender: new DictBuilder(),
  };
  /** The dictionaries' codes with placeholder values coded as missing (stand-ins.ts). */
  private readonly real = {
    names: new StandInFilter(this.d.names, 'given_name'), email: new StandInFilter(this.d.email, 'email'), phone: new StandInFilter(this.d.phone, 'phone'),
    street: new StandInFilter(this.d.street, 'street'), postcode: new StandInFilter(this.d.postcode, 'postcode'), place: new StandInFilter(this.d.place, 'city'),
    company: new StandInFilter(this.d.company, 'company'),
  };
  /** Per names code: metaphone codes (primary, secondary), computed when the name is first seen. */
  private readonly meta1: number[] = [0];
  private readonly meta2: number[] = [0];

  nameMeta(code: number): [number, number] {
    while (this.meta1.length <= code) {
      const name = this.d.names.text(this.meta1.length);
      const [m1, m2] = name ? doubleMetaphone(name) : ['', ''];
      this.meta1.push(this.d.meta.code(m1));
      this.meta2.push(this.d.meta.code(m2));
    }
    return [this.meta1[code], this.meta2[code]];
  }

  /** given code · 2²² + family code. Not memoised: the three cells rarely repeat together, and splitting is cheap. */
  names(g: string, f: string, full: string): number {
    // A full name alone is judged whole, per record: "测试" splits into syllables no list holds, and "John Doe"
    // must not make every "John" a stand-in (a part's verdict is kept for every record with that part).
    if (!g && !f && full && detectPlaceholder(full, 'full_name')) return 0;
    const parts = nameParts(g, f, full);
    return this.real.names.code(parts.given, g || parts.given) * 4194304 + this.real.names.code(parts.family, f || parts.family);
  }

  /** Country spellings are few; each is resolved once per run. */
  private readonly countries = new Map<string, CountryCode | undefined>();
  country(raw: string): CountryCode | undefined {
    if (!raw) return undefined;
    if (!this.countries.has(raw)) {
      // Bounded: a column of free text must not grow the map without limit.
      if (this.countries.size >= 10_000) this.countries.clear();
      this.countries.set(raw, resolveCountry(raw) as CountryCode | undefined);
    }
    return this.countries.get(raw);
  }

  readonly place = memo((raw) => this.real.place.code(fold(raw), raw));
  readonly postcode = memo((raw) => this.real.postcode.code(normalizePostcode(raw), raw));
  /** Birth dates read in the record's country's order (a UK 07/03/1985 is 7 March), as validity reads them; a stand-in date is missing. */
  private readonly dobDMY = memo<string | number>((raw) => this.d.dob.code(realDateKey(raw, 'DMY')));
  private readonly dobMDY = memo<string | number>((raw) => this.d.dob.code(realDateKey(raw, 'MDY')));
  dob(raw: string | number, country: string | undefined): number {
    return dateOrderFor(country) === 'MDY' ? this.dobMDY(raw) : this.dobDMY(raw);
  }
  readonly gender = memo((raw) => this.d.gender.code(gender(raw)));
  readonly company = memo((raw) => this.real.company.code(companyTokens(raw).join(' '), raw));
  // Streets are mostly distinct (house numbers): a memo would mostly miss.
  readonly street = (raw: string): number => this.real.street.code(streetTokens(raw).join(' '), raw);
  readonly email = (canonical: string): number => this.real.email.code(canonical);
  readonly phone = (e164: string): number => this.real.phone.code(e164);
}

function fillNames(b: Preparing, p: PreparedPart['cols'], i: number, v: MatchRecord['values']): void {
  const both = b.names(asText(v.given_name), asText(v.family_name), asText(v.full_name));
  const g = Math.floor(both / 4194304);
  const f = both - g * 4194304;
  p.given[i] = g;
  p.family[i] = f;
  [p.givenMeta[i], p.givenMeta2[i]] = b.nameMeta(g);
  [p.familyMeta[i], p.familyMeta2[i]] = b.nameMeta(f);
}

function fillContact(b: Preparing, p: PreparedPart['cols'], i: number, v: MatchRecord['values'], country: CountryCode | undefined): void {
  const email = canonicalEmail(asText(v.email));
  if (email) p.email[i] = b.email(email.canonical);
  const phone = canonicalPhone(asText(v.phone), country);
  const phoneCode = phone ? b.phone(phone.e164) : 0;
  if (phoneCode) {
    p.phone[i] = phoneCode;
    p.phoneLast7[i] = digitsCode(phone!.last7);
  }
  const mobile = canonicalPhone(asText(v.mobile), country);
  const mobileCode = mobile ? b.phone(mobile.e164) : 0;
  if (mobileCode) {
    p.mobile[i] = mobileCode;
    p.mobileLast7[i] = digitsCode(mobile!.last7);
  }
}

function fillPlace(b: Preparing, p: PreparedPart['cols'], i: number, v: MatchRecord['values']): void {
  const street = asText(v.street);
  if (street) p.street[i] = b.street(street);
  p.postcode[i] = b.postcode(asText(v.postcode));
  p.city[i] = b.place(asText(v.city));
  p.region[i] = b.place(asText(v.region));
  const company = asText(v.company);
  if (company) p.company[i] = b.company(company);
}

function codeColumns(n: number): PreparedPart['cols'] {
  return Object.fromEntries(ALL_COLUMNS.map((c) => [c, shared(n)])) as PreparedPart['cols'];
}

/**
 * Codes a slice of the records. Records may come one at a time (an iterator
 * over a query): each is dropped once coded, so a million raw records are
 * never held at once. `expected` sizes the columns (they grow if it is short).
 */
export function preparePart(b: Preparing, records: Iterable<MatchRecord>, expected = 1024): PreparedPart {
  let cap = Math.max(1, expected);
  let sources = shared(cap);
  let cols = codeColumns(cap);
  const ids: number[] = [];
  let i = 0;
  for (const r of records) {
    if (i === cap) {
      cap *= 2;
      sources = resized(sources, cap);
      cols = Object.fromEntries(Object.entries(cols).map(([k, c]) => [k, resized(c, cap)])) as PreparedPart['cols'];
    }
    const v = r.values;
    ids.push(r.id);
    sources[i] = r.sourceId;
    fillNames(b, cols, i, v);
    const country = b.country(asText(v.country));
    fillContact(b, cols, i, v, country);
    fillPlace(b, cols, i, v);
    const dob = v.birth_date;
    if (dob !== null && dob !== undefined && dob !== '') cols.dob[i] = b.dob(dob, country);
    cols.gender[i] = b.gender(asText(v.gender));
    i++;
  }
  const n = i;
  if (n < cap) {
    sources = sources.subarray(0, n);
    cols = Object.fromEntries(Object.entries(cols).map(([k, c]) => [k, c.subarray(0, n)])) as PreparedPart['cols'];
  }
  return { n, ids, sources, cols };
}

function resized(a: Int32Array, n: number): Int32Array {
  const out = shared(n);
  out.set(a.subarray(0, Math.min(n, a.length)));
  return out;
}

/** Recodes records another thread prepared into this run's dictionaries. */
export function absorbPrepared(b: Preparing, other: Prepared): PreparedPart {
  const remap = {} as Record<keyof Dicts, Int32Array>;
  for (const name of Object.keys(other.dicts) as (keyof Dicts)[]) {
    const d = other.dicts[name];
    const map = new Int32Array(d.size);
    const into = b.d[name];
    for (let c = 1; c < d.size; c++) map[c] = into.codeOfRange(d.chars, d.start[c], d.start[c + 1]);
    remap[name] = map;
  }
  const cols = codeColumns(other.n);
  for (const column of Object.keys(DICT_OF) as CodeColumn[]) {
    const from = other[column];
    const to = cols[column];
    const map = remap[DICT_OF[column]];
    for (let i = 0; i < other.n; i++) to[i] = map[from[i]];
  }
  for (const column of DIGITS_COLUMNS) cols[column] = other[column];
  return { n: other.n, ids: other.ids, sources: other.sources, cols };
}

/** Per email code: where its last '@' is (canonical emails are local@domain). */
function localLengths(d: Dict): Int32Array {
  const at = shared(d.size);
  for (let c = 1; c < d.size; c++) {
    let k = d.start[c + 1] - 1;
    while (k > d.start[c] && d.chars[k] !== 64) k--;
    at[c] = k - d.start[c];
  }
  return at;
}

/** The prepared set of the parts, in order. */
export function finishPrepared(b: Preparing, parts: readonly PreparedPart[]): Prepared {
  const n = parts.reduce((s, x) => s + x.n, 0);
  const sources = shared(n);
  const cols = codeColumns(n);
  const ids: number[] = [];
  let at = 0;
  for (const part of parts) {
    sources.set(part.sources, at);
    for (const column of ALL_COLUMNS) cols[column].set(part.cols[column], at);
    for (const id of part.ids) ids.push(id);
    at += part.n;
  }
  const dicts = Object.fromEntries(Object.entries(b.d).map(([k, d]) => [k, d.pack()])) as unknown as Dicts;
  return { n, ids, sources, ...cols, dicts, emailAt: localLengths(dicts.email) };
}

export function prepareRecords(records: Iterable<MatchRecord>, expected?: number): Prepared {
  const b = new Preparing();
  return finishPrepared(b, [preparePart(b, records, expected ?? (Array.isArray(records) ? records.length : undefined))]);
}

/** How many records have a value in a column: comparisons and blocking rules need data. */
export function filledCount(p: Prepared, column: PreparedColumn): number {
  const col = column === 'streetTokens' ? 'street' : column === 'companyTokens' ? 'company' : column === 'emailLocal' ? 'email' : column;
  const cache = cacheOf(p).filled;
  let c = cache[col];
  if (c === undefined) {
    c = 0;
    const codes = p[col];
    for (let i = 0; i < codes.length; i++) if (codes[i] !== 0) c++;
    cache[col] = c;
  }
  return c;
}

/** The date's yyyyMMdd key, or '' (missing) when it cannot be read or is a stand-in such as 1900-01-01. */
function realDateKey(raw: string | number, order: 'DMY' | 'MDY'): string {
  const key = dateKey(raw, order);
  return key === null || isPlaceholderDateKey(key) ? '' : key;
}
