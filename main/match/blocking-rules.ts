/**
 * The blocking rule library. A rule maps a record to a key; records sharing
 * a key become candidate pairs. Rules are combined, so each may be narrow:
 * together they catch a duplicate as long as one of its keys survived the
 * errors. A rule is used only when the columns it reads have data.
 *
 * A key is the 31-bit FNV-1a hash of its text ("smith|tq138df"), computed on
 * the packed dictionary characters as they are read, so no key string is
 * built (twenty rules × a million records).
 */
import { texts, type Dict, type Prepared, type PreparedColumn } from './prepare.ts';
import { numberToken, tokenEnd } from './similarity.ts';

export interface BlockingRule {
  name: string;
  columns: PreparedColumn[];
  /** The hashed key, or -1 when the record cannot be blocked by this rule. */
  key(p: Prepared, i: number): number;
}

const FNV = 0x811c9dc5;
const BAR = 124; // '|'

function mix(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The hash of a key string, as the rules compute it on dictionary entries. */
export function hashKey(s: string): number {
  let h = FNV;
  for (let k = 0; k < s.length; k++) h = mix(h, s.charCodeAt(k));
  return h >>> 1;
}

/** Feeds the first `len` characters (all by default) of entry `code` into the hash. */
function feed(h: number, d: Dict, code: number, len = Infinity): number {
  const s = d.start[code];
  const e = Math.min(d.start[code + 1], s + len);
  for (let k = s; k < e; k++) h = mix(h, d.chars[k]);
  return h;
}

/** Key of one value: '' gives no key. */
function one(d: Dict, code: number): number {
  return code ? feed(FNV, d, code) >>> 1 : -1;
}

/** Key "a|b" of two values (or prefixes of them); no key unless both are present. */
function both(da: Dict, a: number, db: Dict, b: number, lenA = Infinity, lenB = Infinity): number {
  if (!a || !b) return -1;
  return feed(mix(feed(FNV, da, a, lenA), BAR), db, b, lenB) >>> 1;
}

/** Entries a and b of one dictionary compare as strings do (a < b). */
function less(d: Dict, a: number, b: number): boolean {
  const sa = d.start[a];
  const sb = d.start[b];
  const la = d.start[a + 1] - sa;
  const lb = d.start[b + 1] - sb;
  for (let k = 0; k < la && k < lb; k++) {
    const x = d.chars[sa + k];
    const y = d.chars[sb + k];
    if (x !== y) return x < y;
  }
  return la < lb;
}

/** "a|b" with the smaller value first: names typed into each other's boxes still meet. */
function sorted(d: Dict, a: number, b: number): number {
  return less(d, a, b) ? both(d, a, d, b) : both(d, b, d, a);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Token code of the longest token not starting with a digit (the first of equal length), or 0. */
function longestWord(d: Dict, tokens: ArrayLike<number>, from: number, to: number): number {
  let best = 0;
  let bestLen = 0;
  for (let x = from; x < to; x++) {
    const t = tokens[x];
    const len = d.start[t + 1] - d.start[t];
    if (len > bestLen && !isDigit(d.chars[d.start[t]])) {
      best = t;
      bestLen = len;
    }
  }
  return best;
}

/** Key "<house number>|<longest word>" of the street's tokens (joined by spaces in the value). */
function streetKey(p: Prepared, i: number): number {
  const s = p.street[i];
  if (!s) return -1;
  const { start, chars } = p.dicts.street;
  const from = start[s];
  const to = start[s + 1];
  const num = numberToken(chars, from, to);
  if (num < 0) return -1;
  let word = -1;
  let wordLen = 0;
  for (let x = from; x < to; ) {
    const e = tokenEnd(chars, x, to);
    if (e - x > wordLen && !isDigit(chars[x])) {
      word = x;
      wordLen = e - x;
    }
    x = e + 1;
  }
  if (word < 0) return -1;
  let h = FNV;
  for (let k = num, e = tokenEnd(chars, num, to); k < e; k++) h = mix(h, chars[k]);
  h = mix(h, BAR);
  for (let k = word; k < word + wordLen; k++) h = mix(h, chars[k]);
  return h >>> 1;
}

/** Key of the last seven digits (see DigitsColumn): the digit string's hash. */
function digitsKey(code: number): number {
  if (!code) return -1;
  let v = code - 1;
  const len = v >= 10_000_000 ? 7 : 6;
  if (len === 7) v -= 10_000_000;
  let h = FNV;
  for (let k = len - 1; k >= 0; k--) h = mix(h, 48 + (Math.floor(v / 10 ** k) % 10));
  return h >>> 1;
}

/** The longest space-separated token not starting with a digit (the first of equal length), or ''. */
export function longestWordOf(value: string): string {
  let best = '';
  for (const t of value.split(' ')) if (t.length > best.length && !isDigit(t.charCodeAt(0))) best = t;
  return best;
}

/**
 * Per company code: the hash state after "<longest word>|", or NaN without a
 * word. Companies are few, so this is built once per prepared set.
 */
const companyWords = new WeakMap<Prepared, Float64Array>();

function companyWordKey(p: Prepared, i: number): number {
  let states = companyWords.get(p);
  if (!states) {
    const names = texts(p, 'company');
    states = new Float64Array(names.length).fill(NaN);
    for (let c = 1; c < names.length; c++) {
      const best = longestWordOf(names[c]);
      if (!best) continue;
      let h = FNV;
      for (let k = 0; k < best.length; k++) h = mix(h, best.charCodeAt(k));
      states[c] = mix(h, BAR);
    }
    companyWords.set(p, states);
  }
  const h = states[p.company[i]];
  const pc = p.postcode[i];
  return Number.isNaN(h) || !pc ? -1 : feed(h, p.dicts.postcode, pc) >>> 1;
}

export const blockingRules: readonly BlockingRule[] = [
  { name: 'email', columns: ['email'], key: (p, i) => one(p.dicts.email, p.email[i]) },
  { name: 'phone', columns: ['phone'], key: (p, i) => digitsKey(p.phoneLast7[i]) },
  { name: 'mobile', columns: ['mobile'], key: (p, i) => digitsKey(p.mobileLast7[i]) },
  {
    name: 'given+family (either order)', columns: ['given', 'family'],
    key: (p, i) => sorted(p.dicts.names, p.given[i], p.family[i]),
  },
  { name: 'family metaphone+birth year', columns: ['family', 'dob'], key: (p, i) => both(p.dicts.meta, p.familyMeta[i], p.dicts.dob, p.dob[i], Infinity, 4) },
  { name: 'given metaphone+birth date', columns: ['given', 'dob'], key: (p, i) => both(p.dicts.meta, p.givenMeta[i], p.dicts.dob, p.dob[i]) },
  { name: 'family+postcode', columns: ['family', 'postcode'], key: (p, i) => both(p.dicts.names, p.family[i], p.dicts.postcode, p.postcode[i]) },
  { name: 'birth date+postcode', columns: ['dob', 'postcode'], key: (p, i) => both(p.dicts.dob, p.dob[i], p.dicts.postcode, p.postcode[i]) },
  { name: 'given+family metaphone (either order)', columns: ['given', 'family'], key: (p, i) => sorted(p.dicts.meta, p.givenMeta[i], p.familyMeta[i]) },
  { name: 'birth date+city', columns: ['dob', 'city'], key: (p, i) => both(p.dicts.dob, p.dob[i], p.dicts.place, p.city[i]) },
  { name: 'birth date+given initial', columns: ['dob', 'given'], key: (p, i) => both(p.dicts.dob, p.dob[i], p.dicts.names, p.given[i], Infinity, 1) },
  { name: 'birth date+family initial', columns: ['dob', 'family'], key: (p, i) => both(p.dicts.dob, p.dob[i], p.dicts.names, p.family[i], Infinity, 1) },
  {
    name: 'email local part', columns: ['email'],
    key: (p, i) => {
      const c = p.email[i];
      return c && p.emailAt[c] >= 4 ? feed(FNV, p.dicts.email, c, p.emailAt[c]) >>> 1 : -1;
    },
  },
  { name: 'postcode+given initial', columns: ['postcode', 'given'], key: (p, i) => both(p.dicts.postcode, p.postcode[i], p.dicts.names, p.given[i], Infinity, 1) },
  { name: 'postcode+family initial', columns: ['postcode', 'family'], key: (p, i) => both(p.dicts.postcode, p.postcode[i], p.dicts.names, p.family[i], Infinity, 1) },
  { name: 'given metaphone+city', columns: ['given', 'city'], key: (p, i) => both(p.dicts.meta, p.givenMeta[i], p.dicts.place, p.city[i]) },
  { name: 'family metaphone+city', columns: ['family', 'city'], key: (p, i) => both(p.dicts.meta, p.familyMeta[i], p.dicts.place, p.city[i]) },
  { name: 'street number+name', columns: ['street'], key: streetKey },
  { name: 'company', columns: ['company'], key: (p, i) => one(p.dicts.company, p.company[i]) },
  {
    name: 'company word+postcode', columns: ['company', 'postcode'],
    key: companyWordKey,
  },
];

export function ruleByName(name: string): BlockingRule {
  const r = blockingRules.find((x) => x.name === name);
  if (!r) throw new Error(`unknown blocking rule ${name}`);
  return r;
}
