import type { Picker, Rng } from '../prng.ts';
import type { DateStyle, TimestampStyle } from '../format/dates.ts';
import type { Locale } from '../types.ts';

/**
 * Everything the generator knows about one country. Each locale file fills
 * this in from small hand-made tables, so generation stays fast and the
 * spellings are the ones a data steward actually meets.
 */

export interface City {
  name: string;
  /** State, county, Bundesland, région, provincia, 省. */
  region: string;
  /** The short form some systems store instead (CA, BY, RM). */
  regionCode?: string;
  /** Leading postcode digits or letters; the locale completes them. */
  post: string;
  /** Landline area code without the trunk 0 (Italy keeps its 0: it is part of the number). */
  area: string;
  /** Districts (区) for Chinese addresses. */
  districts?: readonly string[];
}

/** A national phone number split where formats put their first gap. */
export interface PhoneNumber {
  area: string;
  sub: string;
  mobile: boolean;
}

/** A person's address as facts; locales spell it into a street line. */
export interface Address {
  city: City;
  postcode: string;
  houseNo: string;
  streetName: string;
  /** Index into the locale's street types (Street/St, Straße/Str.). */
  streetType: number;
  unit?: string;
  district?: string;
}

export type Gender = 'M' | 'F';

export interface LocaleData {
  locale: Locale;
  /** ISO 3166-1 alpha-2 and alpha-3 codes of the country. */
  countryCode: string;
  countryAlpha3: string;
  /** International calling code, without the +. */
  callingCode: string;
  /** ISO 4217 code of the local currency, which incomes are given in. */
  currency: string;
  /** How the Country column spells this country, by frequency. */
  country: Picker<string>;
  givenMale: readonly string[];
  givenFemale: readonly string[];
  family: readonly string[];
  /** Formal given name → familiar forms (Robert → Bob, Rob). */
  nicknames: Readonly<Record<string, readonly string[]>>;
  /** Latin-script spelling of a name part, for emails and romanised duplicates (pinyin for Hanzi). */
  romanise(part: string): string;
  /** The display name in this locale's order. */
  fullName(given: string, family: string): string;
  /** Other spellings of a family name a second system might hold (Müller/Mueller, García López/García). */
  familyVariants(rng: Rng, family: string): string;
  /** Homophone or keyboard slip in a given name. */
  typo(rng: Rng, part: string): string;
  cities: readonly City[];
  makeAddress(rng: Rng, city: City): Address;
  /** The street line; `variant` picks the less common spelling (abbreviations, other order). */
  streetLine(rng: Rng, address: Address, variant: boolean): string;
  region(rng: Rng, city: City): string;
  cityName(rng: Rng, city: City): string;
  mobile(rng: Rng, serial: number): PhoneNumber;
  landline(rng: Rng, city: City, serial: number): PhoneNumber;
  formatPhone(rng: Rng, phone: PhoneNumber): string;
  emailDomain: Picker<string>;
  /** Local part of a personal email, before any uniqueness suffix. */
  emailLocal(rng: Rng, given: string, family: string, birthYear: number): string;
  company(rng: Rng, family: string, city: City): string;
  /** Median yearly income in the local currency. */
  incomeMedian: number;
  formatIncome(rng: Rng, amount: number): string;
  dateStyle: Picker<DateStyle>;
  timestampStyle: Picker<TimestampStyle>;
  gender(rng: Rng, gender: Gender): string;
  /** Spellings of a third gender (X, divers, non-binary) in this country's systems; empty where systems offer none. */
  otherGender: readonly string[];
  /** Placeholder names people type into this locale's systems; "Given|Family" means only the family part is a placeholder. */
  placeholderNames: readonly string[];
}

/** Splits a space-separated word list: the tables read like data, not code. */
export function words(s: string): string[] {
  return s.trim().split(/\s+/);
}

/** Splits a '|'-separated list, for entries that contain spaces. */
export function list(s: string): string[] {
  return s.split('|').map((x) => x.trim()).filter(Boolean);
}

/** Digits grouped as in "0151 2345 6789": sizes are consumed left to right, the rest is one group. */
export function grouped(digits: string, sizes: readonly number[], sep: string): string {
  let out = '';
  let i = 0;
  for (let k = 0; k < sizes.length && i < digits.length; k++) {
    out += (i > 0 ? sep : '') + digits.slice(i, i + sizes[k]);
    i += sizes[k];
  }
  return i < digits.length ? out + (i > 0 ? sep : '') + digits.slice(i) : out;
}

/** Pairs of "Formal: Nick, Nick" lines into a lookup. */
export function nicknameTable(lines: string): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const line of lines.split(';')) {
    const [formal, nicks] = line.split(':');
    if (formal && nicks) table[formal.trim()] = nicks.split(',').map((n) => n.trim());
  }
  return table;
}

/** Shapes of the local part of personal emails: g = given, f = family, 0 = initial, yy/yyyy = birth year, nn = random. */
export type EmailPattern = 'g.f' | 'gf' | 'g0.f' | 'g0f' | 'g_f' | 'g-f' | 'gfyy' | 'g.fyy' | 'f.g' | 'fg0' | 'f.g0' | 'g.fnn' | 'fgyyyy' | 'f_g' | 'fg' | 'f0gnnn';

/** Builds only the chosen shape: this runs once per person on the 1M-row path. */
export function emailLocalPart(rng: Rng, g: string, f: string, year: number, patterns: readonly EmailPattern[]): string {
  const yy = String(year % 100).padStart(2, '0');
  switch (patterns[Math.floor(rng.float() * patterns.length)]) {
    case 'g.f': return `${g}.${f}`;
    case 'gf': return g + f;
    case 'g0.f': return `${g[0]}.${f}`;
    case 'g0f': return g[0] + f;
    case 'g_f': return `${g}_${f}`;
    case 'g-f': return `${g}-${f}`;
    case 'gfyy': return g + f + yy;
    case 'g.fyy': return `${g}.${f}${yy}`;
    case 'f.g': return `${f}.${g}`;
    case 'fg0': return f + g[0];
    case 'f.g0': return `${f}.${g[0]}`;
    case 'g.fnn': return `${g}.${f}${rng.int(1, 99)}`;
    case 'fgyyyy': return f + g + year;
    case 'f_g': return `${f}_${g}`;
    case 'fg': return f + g;
    case 'f0gnnn': return f[0] + g + rng.int(100, 999);
  }
}
