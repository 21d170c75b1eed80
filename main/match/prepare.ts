/**
 * Turns raw records into columns of normalised values, once, so that the
 * comparisons in the hot loop only compare strings. Missing values are ''.
 * Names repeat heavily in real exports, so the costly name work is memoised.
 */
import { doubleMetaphone } from 'double-metaphone';
import type { MatchRecord } from './types.ts';
import { asText, fold } from './normalize/text.ts';
import { nameParts } from './normalize/names.ts';
import { nicknameGroups } from './normalize/nicknames.ts';
import { canonicalEmail, canonicalPhone, countryCode } from './normalize/contact.ts';
import { parseDate } from './normalize/dates.ts';
import { companyTokens, normalizePostcode, streetTokens } from './normalize/address.ts';

/** Columnar normalised records; index i is the i-th input record. */
export interface Prepared {
  n: number;
  ids: number[];
  sources: Int32Array;
  given: string[];
  family: string[];
  givenMeta: string[];
  givenMeta2: string[];
  familyMeta: string[];
  familyMeta2: string[];
  givenNick: (readonly number[])[];
  dob: string[];
  email: string[];
  emailLocal: string[];
  phone: string[];
  phoneLast7: string[];
  mobile: string[];
  mobileLast7: string[];
  street: string[];
  streetTokens: string[][];
  postcode: string[];
  city: string[];
  region: string[];
  company: string[];
  companyTokens: string[][];
  gender: string[];
}

export type PreparedColumn = Exclude<keyof Prepared, 'n' | 'ids' | 'sources'>;

const metaCache = new Map<string, [string, string]>();
function metaphone(name: string): [string, string] {
  if (!name) return ['', ''];
  let hit = metaCache.get(name);
  if (!hit) {
    hit = doubleMetaphone(name);
    if (metaCache.size > 500_000) metaCache.clear();
    metaCache.set(name, hit);
  }
  return hit;
}

function gender(raw: string): string {
  const s = raw.trim().toLowerCase();
  if (!s) return '';
  if (/^(m|male|man|mr|herr|h|男|hombre|masculino)$/.test(s)) return 'm';
  if (/^(f|female|woman|w|mrs|ms|frau|女|mujer|femenino)$/.test(s)) return 'f';
  return s;
}

function emptyPrepared(records: readonly MatchRecord[]): Prepared {
  const n = records.length;
  const col = (): string[] => new Array<string>(n).fill('');
  return {
    n, ids: records.map((r) => r.id), sources: Int32Array.from(records, (r) => r.sourceId),
    given: col(), family: col(), givenMeta: col(), givenMeta2: col(), familyMeta: col(), familyMeta2: col(),
    givenNick: new Array<readonly number[]>(n).fill([]), dob: col(), email: col(), emailLocal: col(),
    phone: col(), phoneLast7: col(), mobile: col(), mobileLast7: col(), street: col(),
    streetTokens: new Array<string[]>(n).fill([]), postcode: col(), city: col(), region: col(), company: col(),
    companyTokens: new Array<string[]>(n).fill([]), gender: col(),
  };
}

const nameCache = new Map<string, { given: string; family: string }>();
function cachedNames(g: string, f: string, full: string): { given: string; family: string } {
  const key = `${g}\u0001${f}\u0001${full}`;
  let hit = nameCache.get(key);
  if (!hit) {
    hit = nameParts(g, f, full);
    if (nameCache.size > 500_000) nameCache.clear();
    nameCache.set(key, hit);
  }
  return hit;
}

function fillNames(p: Prepared, i: number, v: MatchRecord['values']): void {
  const { given, family } = cachedNames(asText(v.given_name), asText(v.family_name), asText(v.full_name));
  p.given[i] = given;
  p.family[i] = family;
  [p.givenMeta[i], p.givenMeta2[i]] = metaphone(given);
  [p.familyMeta[i], p.familyMeta2[i]] = metaphone(family);
  p.givenNick[i] = nicknameGroups(given);
}

function fillContact(p: Prepared, i: number, v: MatchRecord['values']): void {
  const email = canonicalEmail(asText(v.email));
  if (email) {
    p.email[i] = email.canonical;
    p.emailLocal[i] = email.local;
  }
  const country = countryCode(asText(v.country));
  const phone = canonicalPhone(asText(v.phone), country);
  if (phone) [p.phone[i], p.phoneLast7[i]] = [phone.e164, phone.last7];
  const mobile = canonicalPhone(asText(v.mobile), country);
  if (mobile) [p.mobile[i], p.mobileLast7[i]] = [mobile.e164, mobile.last7];
}

/**
 * Memoises a normaliser: cities, regions, postcodes, streets and employers
 * repeat across a household and a town, and folding (any-ascii, pinyin) is
 * the costly part of preparing a record. Cleared when large to bound memory.
 */
function memo<T>(fn: (raw: string) => T, limit = 300_000): (raw: string) => T {
  const cache = new Map<string, T>();
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

const foldPlace = memo(fold);
const postcodeOf = memo(normalizePostcode);
const streetOf = memo((raw) => {
  const tokens = streetTokens(raw);
  return { tokens, joined: tokens.join(' ') };
});
const companyOf = memo((raw) => {
  const tokens = companyTokens(raw);
  return { tokens, joined: tokens.join(' ') };
});

function fillPlace(p: Prepared, i: number, v: MatchRecord['values']): void {
  const street = asText(v.street);
  if (street) {
    // Records share the token array: prepared columns are read-only once built.
    const s = streetOf(street);
    p.streetTokens[i] = s.tokens;
    p.street[i] = s.joined;
  }
  p.postcode[i] = postcodeOf(asText(v.postcode));
  p.city[i] = foldPlace(asText(v.city));
  p.region[i] = foldPlace(asText(v.region));
  const company = asText(v.company);
  if (company) {
    const c = companyOf(company);
    p.companyTokens[i] = c.tokens;
    p.company[i] = c.joined;
  }
}

export function prepareRecords(records: readonly MatchRecord[]): Prepared {
  const p = emptyPrepared(records);
  for (let i = 0; i < records.length; i++) {
    const v = records[i].values;
    fillNames(p, i, v);
    fillContact(p, i, v);
    fillPlace(p, i, v);
    const dob = v.birth_date;
    if (dob !== null && dob !== undefined && dob !== '') p.dob[i] = parseDate(dob) ?? '';
    p.gender[i] = gender(asText(v.gender));
  }
  return p;
}

/** How many records have a value in a column: comparisons and blocking rules need data. */
export function filledCount(p: Prepared, column: PreparedColumn): number {
  const col = p[column] as readonly unknown[];
  let c = 0;
  for (const x of col) if (typeof x === 'string' ? x !== '' : (x as unknown[]).length > 0) c++;
  return c;
}
