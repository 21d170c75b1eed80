/**
 * A small synthetic source of messy customer records for the --scale run,
 * used until resources/generator exports generateCustomers. Names follow a
 * Zipf distribution over a large made-up vocabulary (so common surnames form
 * big blocks, as in real exports); about a third of people have one or two
 * duplicates with typos, nicknames, other date/phone formats, gmail dot
 * variants, abbreviations and missing fields.
 */
import { rng } from '../../main/match/estimate-u.ts';
import type { MatchRecord } from '../../main/match/types.ts';

const SYL = ['an', 'ber', 'car', 'da', 'el', 'fer', 'gar', 'hol', 'in', 'jo', 'ka', 'lin', 'mar', 'nor', 'ol', 'per',
  'quin', 'ro', 'sa', 'ter', 'ul', 'ven', 'wil', 'xa', 'yor', 'zel', 'son', 'ton', 'ley', 'man', 'ric', 'bel'];
const NICK: [string, string][] = [['robert', 'bob'], ['william', 'bill'], ['elizabeth', 'liz'], ['margaret', 'peggy'], ['james', 'jim'], ['katherine', 'kate']];
const STREET_KIND = [['Street', 'St'], ['Road', 'Rd'], ['Avenue', 'Ave'], ['Lane', 'Ln']];
const COUNTRIES = [{ code: 'GB', cc: '44' }, { code: 'DE', cc: '49' }, { code: 'US', cc: '1' }];

type Next = () => number;

function word(next: Next, parts: number): string {
  let s = '';
  for (let i = 0; i < parts; i++) s += SYL[Math.floor(next() * SYL.length)];
  return s;
}

/** Zipf(1) index into a vocabulary of size n: rank r with probability ∝ 1/r. */
function zipf(next: Next, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(next() * Math.log(n + 1))) - 1);
}

function vocabulary(next: Next, n: number, parts: number): string[] {
  const set = new Set<string>(NICK.map((x) => x[0]));
  while (set.size < n) set.add(word(next, parts + (next() < 0.5 ? 1 : 0)));
  return [...set];
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function typo(next: Next, s: string): string {
  if (s.length < 3) return s;
  const i = 1 + Math.floor(next() * (s.length - 2));
  const r = next();
  if (r < 0.33) return s.slice(0, i) + s.slice(i + 1);
  if (r < 0.66) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return s.slice(0, i) + 'aeiou'[Math.floor(next() * 5)] + s.slice(i + 1);
}

interface Person {
  given: string; family: string; y: number; m: number; d: number; country: (typeof COUNTRIES)[number];
  phone: string; street: [number, string, number]; city: string; postcode: string; email: string;
}

function formatDate(next: Next, p: Person): string {
  const dd = String(p.d).padStart(2, '0');
  const mm = String(p.m).padStart(2, '0');
  const r = next();
  if (r < 0.4) return `${p.y}-${mm}-${dd}`;
  if (r < 0.6) return `${dd}.${mm}.${p.y}`;
  if (r < 0.8) return `${p.m}/${p.d}/${String(p.y).slice(2)}`;
  if (r < 0.9) return `${p.y}${mm}${dd}`;
  return `${p.y}年${p.m}月${p.d}日`;
}

function formatPhone(next: Next, p: Person): string {
  const r = next();
  if (r < 0.4) return `0${p.phone.slice(0, 3)} ${p.phone.slice(3)}`;
  if (r < 0.8) return `+${p.country.cc} ${p.phone.slice(0, 3)} ${p.phone.slice(3, 6)} ${p.phone.slice(6)}`;
  return `00${p.country.cc}${p.phone}`;
}

function render(next: Next, p: Person, dup: boolean): MatchRecord['values'] {
  const err = (rate: number): boolean => dup && next() < rate;
  const nick = NICK.find((x) => x[0] === p.given);
  let given = nick && err(0.3) ? nick[1] : p.given;
  if (err(0.15)) given = typo(next, given);
  const family = err(0.12) ? typo(next, p.family) : p.family;
  const [num, name, kind] = p.street;
  const kinds = STREET_KIND[kind];
  const upper = err(0.2);
  const emailLocal = err(0.3) && p.email.endsWith('gmail.com') ? p.email.replace('.', '') : p.email;
  return {
    given_name: upper ? given.toUpperCase() : cap(given),
    family_name: upper ? family.toUpperCase() : cap(family),
    birth_date: err(0.05) ? formatDate(next, { ...p, d: p.m, m: p.d }) : err(0.05) ? formatDate(next, { ...p, d: (p.d % 28) + 1 }) : formatDate(next, p),
    email: err(0.3) ? null : emailLocal,
    phone: err(0.2) ? null : formatPhone(next, p),
    street: err(0.1) ? null : `${num} ${cap(name)} ${dup && next() < 0.5 ? kinds[1] : kinds[0]}`,
    city: err(0.1) ? typo(next, p.city) : p.city,
    postcode: err(0.1) ? null : p.postcode,
    country: p.country.code,
  };
}

export interface SyntheticSet {
  records: MatchRecord[];
  truth: string[];
}

export function syntheticCustomers(n: number, seed = 2024): SyntheticSet {
  const next = rng(seed);
  const givens = vocabulary(next, 4000, 2);
  const families = vocabulary(next, 25_000, 2);
  const cities = vocabulary(next, 3000, 3).map(cap);
  const records: MatchRecord[] = [];
  const truth: string[] = [];
  for (let e = 0; records.length < n; e++) {
    const country = COUNTRIES[Math.floor(next() * COUNTRIES.length)];
    const given = givens[zipf(next, givens.length)];
    const family = families[zipf(next, families.length)];
    const cityIx = zipf(next, cities.length);
    const p: Person = {
      given, family, y: 1930 + Math.floor(next() * 75), m: 1 + Math.floor(next() * 12), d: 1 + Math.floor(next() * 28),
      country, phone: String(2_000_000_000 + Math.floor(next() * 7_000_000_000)),
      street: [1 + Math.floor(next() * 300), families[Math.floor(next() * families.length)], Math.floor(next() * 4)],
      city: cities[cityIx], postcode: String(10_000 + cityIx * 20 + Math.floor(next() * 20)),
      email: `${given}.${family}${Math.floor(next() * 1000)}@${next() < 0.5 ? 'gmail.com' : 'mail.example'}`,
    };
    const copies = 1 + (next() < 0.3 ? 1 : 0) + (next() < 0.08 ? 1 : 0);
    for (let c = 0; c < copies && records.length < n; c++) {
      records.push({ id: records.length + 1, sourceId: 1 + (c % 2), values: render(next, p, c > 0) });
      truth.push(String(e));
    }
  }
  return { records, truth };
}
