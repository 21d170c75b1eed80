import { daysInMonth, type Ymd } from '../format/dates.ts';
import { emailToken } from '../format/text.ts';
import type { Rng } from '../prng.ts';
import type { Address, Gender, LocaleData, PhoneNumber } from '../locales/locale-data.ts';
import type { Locale } from '../types.ts';
import type { HashSet32 } from './hash-set.ts';

/** The real-world facts about one person; every record of them is rendered from this. */
export interface Person {
  entityId: string;
  serial: number;
  locale: Locale;
  data: LocaleData;
  gender: Gender;
  /** Not every CRM records gender; unknown stays blank in every record, so it is not a defect. */
  genderKnown: boolean;
  /** Neither male nor female (X, divers): recorded as such where the locale's systems allow it. Names follow `gender`. */
  otherGender: boolean;
  given: string;
  family: string;
  birth?: Ymd;
  email: string;
  mobile: PhoneNumber;
  landline?: PhoneNumber;
  address: Address;
  company?: string;
  income?: number;
  household?: Household;
  /** When the person first entered any system (epoch ms). */
  firstSeen: number;
}

/** People at one address. Names and birth dates in use are kept so no two members can be confused for one person. */
export interface Household {
  id: string;
  size: number;
  givenNames: Set<string>;
  births: Set<string>;
}

export const ymdKey = (d: Ymd): string => `${d.y}-${d.m}-${d.d}`;

const DAY = 86_400_000;
/** Share of people who are neither male nor female in the records of systems that allow it. */
export const OTHER_GENDER_SHARE = 0.004;
const SIX_YEARS = 6 * 365 * DAY;

/** Shared state of one generation run: the clock and which emails are taken. */
export interface PeopleContext {
  rng: Rng;
  /**
   * A second stream for the spellings added after the first release (E.164 phones, country codes and
   * cases, email case and spaces, a third gender), so they leave every other draw, and the records
   * they do not touch, as they were.
   */
  fmt: Rng;
  referenceMs: number;
  referenceYear: number;
  /** Hashes of emails in use, so two people never get one address by chance. */
  emailHashes: HashSet32;
}

/** FNV-1a over local, "@", domain: hashed in parts so no joined string is built for a rejected candidate. */
function hashEmail(local: string, domain: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < local.length; i++) h = Math.imul(h ^ local.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 64, 0x01000193);
  for (let i = 0; i < domain.length; i++) h = Math.imul(h ^ domain.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Email providers refuse taken addresses, so a second John Smith gets digits, as in life. Gmail ignores dots and
 * answers to googlemail.com too: john.smith@gmail.com is taken once johnsmith@googlemail.com is, so a mailbox
 * belongs to one person (a household's shared address is handed out apart, not claimed).
 */
export function claimEmail(ctx: PeopleContext, local: string, domain: string): string {
  let candidate = local;
  while (!ctx.emailHashes.add(hashEmail(...mailbox(candidate, domain)))) candidate = local + ctx.rng.int(1, 9999);
  return `${candidate}@${domain}`;
}

function mailbox(local: string, domain: string): [string, string] {
  return domain === 'gmail.com' || domain === 'googlemail.com' ? [local.replaceAll('.', ''), 'gmail.com'] : [local, domain];
}

/** Adult ages clustered around 45, as in a consumer CRM. */
export function birthDate(rng: Rng, referenceYear: number, age: number): Ymd {
  const y = referenceYear - age;
  const m = rng.int(1, 12);
  return { y, m, d: rng.int(1, daysInMonth(y, m)) };
}

export function randomAge(rng: Rng): number {
  return Math.min(92, Math.max(18, Math.round(45 + 15 * rng.normal())));
}

/** Log-normal around the locale median, rounded the way people state incomes. */
export function randomIncome(rng: Rng, median: number): number {
  const raw = median * Math.exp(0.5 * rng.normal());
  const step = raw > 100_000 ? 5000 : 1000;
  return Math.max(step, Math.round(raw / step) * step);
}

/** A work address at the person's company, when its name gives a usable domain. */
function workEmail(ctx: PeopleContext, given: string, family: string, company: string, data: LocaleData): string | null {
  const word = emailToken(company.split(/[\s,&]/)[0] ?? '');
  if (word.length < 3) return null;
  const tld = { 'en-US': 'com', 'en-GB': 'co.uk', 'de-DE': 'de', 'fr-FR': 'fr', 'es-ES': 'es', 'it-IT': 'it', 'nl-NL': 'nl', 'zh-CN': 'cn' }[data.locale];
  return claimEmail(ctx, `${emailToken(data.romanise(given))}.${emailToken(data.romanise(family))}`, `${word}.${tld}`);
}

export function makePerson(ctx: PeopleContext, data: LocaleData, serial: number): Person {
  const { rng } = ctx;
  const gender: Gender = rng.chance(0.5) ? 'M' : 'F';
  const given = rng.pick(gender === 'M' ? data.givenMale : data.givenFemale);
  const family = rng.pick(data.family);
  const city = rng.pick(data.cities);
  const birth = rng.chance(0.92) ? birthDate(rng, ctx.referenceYear, randomAge(rng)) : undefined;
  const company = rng.chance(0.55) ? data.company(rng, family, city) : undefined;
  const work = company && rng.chance(0.15) ? workEmail(ctx, given, family, company, data) : null;
  return {
    entityId: `E${String(serial).padStart(7, '0')}`,
    serial,
    locale: data.locale,
    data,
    gender,
    genderKnown: rng.chance(0.9),
    otherGender: data.otherGender.length > 0 && ctx.fmt.chance(OTHER_GENDER_SHARE),
    given,
    family,
    birth,
    email: work ?? claimEmail(ctx, data.emailLocal(rng, data.romanise(given), data.romanise(family), birth?.y ?? 1980), data.emailDomain(rng)),
    mobile: data.mobile(rng, serial),
    landline: rng.chance(0.3) ? data.landline(rng, city, serial) : undefined,
    address: data.makeAddress(rng, city),
    company,
    income: rng.chance(0.65) ? randomIncome(rng, data.incomeMedian) : undefined,
    firstSeen: ctx.referenceMs - SIX_YEARS + Math.floor(rng.float() * (SIX_YEARS - DAY)),
  };
}
