/**
 * The blocking rule library. A rule maps a record to a key; records sharing
 * a key become candidate pairs. Rules are combined, so each may be narrow:
 * together they catch a duplicate as long as one of its keys survived the
 * errors. A rule is used only when the columns it reads have data.
 */
import type { Prepared, PreparedColumn } from './prepare.ts';

export interface BlockingRule {
  name: string;
  columns: PreparedColumn[];
  /** The key, or '' when the record cannot be blocked by this rule. */
  key(p: Prepared, i: number): string;
}

function both(a: string, b: string): string {
  return a && b ? `${a}|${b}` : '';
}

function sorted(a: string, b: string): string {
  return a < b ? both(a, b) : both(b, a);
}

function longestWord(tokens: readonly string[]): string {
  let best = '';
  for (const t of tokens) if (t.length > best.length && !/^\d/.test(t)) best = t;
  return best;
}

function streetKey(p: Prepared, i: number): string {
  const tokens = p.streetTokens[i];
  const num = tokens.find((t) => /^\d/.test(t)) ?? '';
  return both(num, longestWord(tokens));
}

export const blockingRules: readonly BlockingRule[] = [
  { name: 'email', columns: ['email'], key: (p, i) => p.email[i] },
  { name: 'phone', columns: ['phone'], key: (p, i) => p.phoneLast7[i] },
  { name: 'mobile', columns: ['mobile'], key: (p, i) => p.mobileLast7[i] },
  {
    name: 'given+family (either order)', columns: ['given', 'family'],
    key: (p, i) => sorted(p.given[i], p.family[i]),
  },
  { name: 'family metaphone+birth year', columns: ['family', 'dob'], key: (p, i) => both(p.familyMeta[i], p.dob[i].slice(0, 4)) },
  { name: 'given metaphone+birth date', columns: ['given', 'dob'], key: (p, i) => both(p.givenMeta[i], p.dob[i]) },
  { name: 'family+postcode', columns: ['family', 'postcode'], key: (p, i) => both(p.family[i], p.postcode[i]) },
  { name: 'birth date+postcode', columns: ['dob', 'postcode'], key: (p, i) => both(p.dob[i], p.postcode[i]) },
  { name: 'given+family metaphone (either order)', columns: ['given', 'family'], key: (p, i) => sorted(p.givenMeta[i], p.familyMeta[i]) },
  { name: 'birth date+city', columns: ['dob', 'city'], key: (p, i) => both(p.dob[i], p.city[i]) },
  { name: 'birth date+given initial', columns: ['dob', 'given'], key: (p, i) => both(p.dob[i], p.given[i].slice(0, 1)) },
  { name: 'birth date+family initial', columns: ['dob', 'family'], key: (p, i) => both(p.dob[i], p.family[i].slice(0, 1)) },
  { name: 'email local part', columns: ['email'], key: (p, i) => (p.emailLocal[i].length >= 4 ? p.emailLocal[i] : '') },
  { name: 'postcode+given initial', columns: ['postcode', 'given'], key: (p, i) => both(p.postcode[i], p.given[i].slice(0, 1)) },
  { name: 'postcode+family initial', columns: ['postcode', 'family'], key: (p, i) => both(p.postcode[i], p.family[i].slice(0, 1)) },
  { name: 'given metaphone+city', columns: ['given', 'city'], key: (p, i) => both(p.givenMeta[i], p.city[i]) },
  { name: 'family metaphone+city', columns: ['family', 'city'], key: (p, i) => both(p.familyMeta[i], p.city[i]) },
  { name: 'street number+name', columns: ['street'], key: streetKey },
  { name: 'company', columns: ['company'], key: (p, i) => p.company[i] },
  {
    name: 'company word+postcode', columns: ['company', 'postcode'],
    key: (p, i) => both(longestWord(p.companyTokens[i]), p.postcode[i]),
  },
];

export function ruleByName(name: string): BlockingRule {
  const r = blockingRules.find((x) => x.name === name);
  if (!r) throw new Error(`unknown blocking rule ${name}`);
  return r;
}
