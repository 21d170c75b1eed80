/**
 * What the validators say about one value of one field, independent of the
 * record it sits in (except for the record's country, which is part of the
 * cache key). Values repeat heavily in customer data (genders, countries,
 * birth dates, postcodes, incomes, names), so each distinct value is judged
 * once per run and the verdict reused: that is most of the profiler's speed.
 */
import type { RuleId } from './rules.ts';
import { detectPlaceholder } from '../standardize/placeholder.ts';
import { checkEmail } from '../standardize/email.ts';
import { checkPhone, isLandlineOnly, type PhoneCheck } from '../standardize/phone.ts';
import { callingCodeOf } from '../standardize/phone-fast.ts';
import { checkPostcode } from '../standardize/postcode.ts';
import { countryFormat, resolveCountry } from '../standardize/country.ts';
import { checkBirthDate, parseDate, type DateOrder } from '../standardize/date.ts';
import { parseIncome } from '../standardize/income.ts';
import { recogniseGender, genderFormat } from '../standardize/gender.ts';
import { checkName } from '../standardize/name.ts';
import { phoneFormat } from './format-pattern.ts';
import { isRegionCode, normalizePlace, normalizePostcode } from '../standardize/address.ts';
import { withValue, type IssueMessage } from '../../shared/domain/issue-message.ts';

export interface Finding {
  rule: RuleId;
  /** What the finding says, as a code and parameters: the words are made where it is shown. */
  message: IssueMessage;
  suggestion?: string;
}

export interface Verdict {
  findings: Finding[];
  /** A placeholder counts as missing: nothing else is judged. */
  placeholder?: boolean;
  /** How the value is written, for "one format per column". */
  format?: string;
  /** Exact-duplicate key (hash of the lower-cased email; phone digits, positive when E.164), or place key (postcode, city, region: accumulators.ts). */
  key?: number;
  income?: number;
  /** Epoch ms of a readable, not-future timestamp. */
  time?: number;
}

/** What a verdict may depend on besides the value. */
export interface ValueContext {
  now: Date;
  /** The record's own recognised country. */
  recordCountry: string | undefined;
  /** recordCountry, else the project default. */
  country: string | undefined;
  order: DateOrder;
  /** The countries the project's records come from, most common first: where a number without a country is tried. */
  projectCountries: readonly string[];
}

const dayMs = 86_400_000;
const none: Finding[] = [];

/**
 * Every verdict gets the same shape (same properties, same order): the
 * record loop reads them millions of times, and objects of one hidden class
 * keep those reads monomorphic (several times faster than mixed shapes).
 */
function vd(findings: Finding[], format?: string, key?: number, income?: number, time?: number): Verdict {
  return { findings, placeholder: false, format, key, income, time };
}

/** The verdict of every value with nothing to say about it (verdicts are never changed once made). */
const clean = vd(none);

export function judgeValue(field: string, value: string, raw: string | number, c: ValueContext): Verdict {
  return judgeRaw(field, value, raw, c);
}

function judgeRaw(field: string, value: string, raw: string | number, c: ValueContext): Verdict {
  const ph = typeof raw === 'string' ? detectPlaceholder(value, field) : undefined;
  if (ph) return { findings: [{ rule: 'placeholder', message: withValue(ph, value) }], placeholder: true, format: undefined, key: undefined, income: undefined, time: undefined };
  switch (field) {
    case 'email': return judgeEmail(value);
    case 'phone':
    case 'mobile': return judgePhone(field, value, c);
    case 'postcode': return judgePostcode(value, c.country);
    case 'city': return vd(none, undefined, hash53(normalizePlace(value)));
    case 'region': {
      // Codes ("CA") negative, names positive: place-consistency.ts compares each only with its own kind.
      const key = hash53(normalizePlace(value));
      return vd(none, undefined, isRegionCode(value) ? -key : key);
    }
    case 'country':
      // Only recognised values have a format worth comparing; the rest are already invalid.
      return c.recordCountry ? vd(none, countryFormat(value)) : vd([{ rule: 'country_unrecognised', message: { code: 'notCountry', params: { value } } }]);
    case 'birth_date': return judgeBirthDate(value, c);
    case 'created_at':
    case 'updated_at': return judgeStamp(value, c);
    case 'income': return judgeIncome(value, raw);
    case 'gender':
      return recogniseGender(value) ? vd(none, genderFormat(value)) : vd([{ rule: 'gender_unrecognised', message: { code: 'notGender', params: { value } } }]);
    case 'full_name':
    case 'given_name':
    case 'family_name': {
      const problem = checkName(value);
      return problem ? vd([{ rule: 'name_invalid', message: withValue({ code: problem }, value) }]) : clean;
    }
    default:
      return clean;
  }
}

/** Whether a field's verdict depends on the record's country (and so belongs in the cache key). */
export function dependsOnCountry(field: string): boolean {
  return field === 'phone' || field === 'mobile' || field === 'postcode' || field === 'birth_date' || field === 'created_at' || field === 'updated_at';
}

function judgeEmail(value: string): Verdict {
  const c = checkEmail(value);
  const key = hash53(value.toLowerCase());
  if (c.status === 'invalid') return vd([{ rule: 'email_syntax', message: withValue(c.reason, value), suggestion: c.suggestion }], undefined, key);
  if (c.status === 'typo') return vd([{ rule: 'email_domain_typo', message: withValue(c.reason, value), suggestion: c.suggestion }], undefined, key);
  return vd(none, undefined, key);
}

/**
 * Emails are compared by a 53-bit hash (two 32-bit FNV-1a variants) so a
 * million keys fit in a Float64Array and cross threads without copying
 * strings. Two different addresses collide with odds of about 1 in 18,000
 * per million customers: at worst one wrong "duplicate" note.
 */
export function hash53(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** Float64 holds 15 digits exactly; longer keys would collide, so they are not compared. */
function phoneKey(digits: string, e164: boolean): number | undefined {
  if (digits.length < 5 || digits.length > 15) return undefined;
  return e164 ? Number(digits) : -Number(digits);
}

/** Problems of the number itself, the same in every country. */
const notANumber = new Set(['containsLetters', 'fewDigits', 'manyDigits']);

/**
 * A record without a country of its own: a national number is valid if it is
 * valid in the project's default country or in any country the project's
 * records come from; invalid only if it is valid in none of them.
 */
function checkPhoneAnywhere(value: string, c: ValueContext): PhoneCheck {
  const first = checkPhone(value, c.country);
  if (first.status === 'valid' || c.recordCountry || c.projectCountries.length === 0) return first;
  for (const country of c.projectCountries) {
    if (country === c.country) continue;
    const p = checkPhone(value, country);
    if (p.status === 'valid') return p;
    if (p.status === 'invalid' && notANumber.has(p.reason.code)) return p;
  }
  const tried = [...new Set([c.country, ...c.projectCountries].filter(Boolean))];
  return { status: 'invalid', reason: { code: 'notValidAnywhere', countries: tried.join(', ') } };
}

function judgePhone(field: 'phone' | 'mobile', value: string, c: ValueContext): Verdict {
  const p = checkPhoneAnywhere(value, c);
  if (p.status !== 'valid') {
    const findings: Finding[] = p.status === 'invalid' ? [{ rule: 'phone_invalid', message: withValue(p.reason, value) }] : none;
    return vd(findings, undefined, phoneKey(value.replace(/\D/g, ''), false));
  }
  let findings = none;
  const expected = c.recordCountry ? callingCodeOf(c.recordCountry) : undefined;
  const mismatch = p.international && expected !== undefined && expected !== p.callingCode;
  if (mismatch) findings = [{ rule: 'phone_country_mismatch', message: { code: 'countryCode', params: { value, code: p.callingCode, country: c.recordCountry!, expected: expected! } } }];
  if (field === 'mobile' && isLandlineOnly(p.type)) findings = [...findings, { rule: 'mobile_is_landline', message: { code: 'landline', params: { value } } }];
  // Formats are compared among valid values that agree with their record: one issue per dimension at most.
  return vd(findings, mismatch ? undefined : phoneFormat(value), phoneKey(p.e164.slice(1), true));
}

function judgePostcode(value: string, country: string | undefined): Verdict {
  const c = checkPostcode(value, country);
  // The same postcode in two countries is two places.
  if (c.status !== 'invalid') return vd(none, undefined, hash53(`${country ?? ''}\u0000${normalizePostcode(value)}`));
  // A well-formed postcode of another country disagrees with the record; anything else is malformed.
  if (c.fitsCountries.length > 0 && !c.suggestion) {
    return vd([{ rule: 'postcode_country_mismatch', message: { code: 'postcodeOfOtherCountry', params: { value, country: country!, fits: c.fitsCountries.slice(0, 4).join(', ') } } }]);
  }
  return vd([{ rule: 'postcode_invalid', message: withValue(c.reason, value), suggestion: c.suggestion }]);
}

function judgeBirthDate(value: string, c: ValueContext): Verdict {
  const b = checkBirthDate(value, c.order, c.now);
  if (b.status === 'unparseable') return vd([{ rule: 'date_unparseable', message: { code: 'notDate', params: { value } } }]);
  if (b.status === 'future') return vd([{ rule: 'birth_date_future', message: { code: 'birthDateFuture', params: { value } } }], b.date.format);
  if (b.status === 'implausible') return vd([{ rule: 'age_implausible', message: { code: 'ageImplausible', params: { value, age: b.age } } }], b.date.format);
  return vd(none, b.date.format);
}

function judgeStamp(value: string, c: ValueContext): Verdict {
  const d = parseDate(value, c.order, c.now);
  if (!d) return vd([{ rule: 'date_unparseable', message: { code: 'notDate', params: { value } } }]);
  // A stamp later today is not "future": exports carry times and time zones.
  if (d.time > c.now.getTime() + dayMs) return vd([{ rule: 'date_future', message: { code: 'dateFuture', params: { value } } }], d.format);
  return vd(none, d.format, undefined, undefined, d.time);
}

function judgeIncome(value: string, raw: string | number): Verdict {
  const parsed = parseIncome(raw);
  if (!parsed) return vd([{ rule: 'income_unparseable', message: { code: 'notAmount', params: { value } } }]);
  if (parsed.value < 0) return vd([{ rule: 'income_negative', message: { code: 'incomeNegative', params: { value } } }], parsed.format);
  return vd(none, parsed.format, undefined, parsed.value);
}

/** The record's country as recognised, unless it is blank or a placeholder. */
export function recordCountryOf(text: string | undefined): string | undefined {
  return text && !detectPlaceholder(text, 'country') ? resolveCountry(text) : undefined;
}
