/**
 * The rows of prepared.csv: per record the normalised values the engine
 * compares, read from the engine's own prepared columns (prepare.ts), so
 * Splink sees exactly the canonical emails, E.164 phones, folded names,
 * metaphone codes and nickname groups the engine compared. Nothing here
 * normalises anything itself.
 */
import { companyTokensOf, digitsText, nicknamesOf, text, valueOf, type Prepared } from '../prepare.ts';
import { companyNamedAfter } from '../comparisons-place.ts';
import { letters } from '../comparisons.ts';
import { longestWordOf } from '../blocking-rules.ts';
import { numberToken, tokenEnd } from '../similarity.ts';

/** Columns of prepared.csv, in order; the conditions in model.json read these (with _l / _r). */
export const PREPARED_COLUMNS = [
  'unique_id', 'source', 'source_record_id',
  'given_name', 'family_name', 'given_meta', 'given_meta2', 'family_meta', 'family_meta2', 'given_nicknames',
  'birth_date', 'email', 'email_local', 'email_letters', 'phone', 'mobile', 'phone_last7', 'mobile_last7',
  'street', 'street_number', 'street_word', 'postcode', 'city', 'region', 'company', 'company_word', 'company_named_after_family', 'gender',
] as const;

export type PreparedRow = Record<(typeof PREPARED_COLUMNS)[number], string>;

export interface RecordOrigin {
  source: string;
  sourceRecordId: string;
}

/** The house number token of a street value (tokens joined by spaces), as the street comparison finds it. */
function streetNumber(p: Prepared, code: number): string {
  if (!code) return '';
  const { start, chars } = p.dicts.street;
  const at = numberToken(chars, start[code], start[code + 1]);
  return at < 0 ? '' : String.fromCharCode(...chars.subarray(at, tokenEnd(chars, at, start[code + 1])));
}

export function preparedRow(p: Prepared, i: number, origin: RecordOrigin): PreparedRow {
  const emailCode = p.email[i];
  const local = emailCode ? text(p.dicts.email, emailCode).slice(0, p.emailAt[emailCode]) : '';
  const street = valueOf(p, 'street', i);
  const company = valueOf(p, 'company', i);
  return {
    unique_id: String(p.ids[i]),
    source: origin.source,
    source_record_id: origin.sourceRecordId,
    given_name: valueOf(p, 'given', i),
    family_name: valueOf(p, 'family', i),
    given_meta: valueOf(p, 'givenMeta', i),
    given_meta2: valueOf(p, 'givenMeta2', i),
    family_meta: valueOf(p, 'familyMeta', i),
    family_meta2: valueOf(p, 'familyMeta2', i),
    given_nicknames: nicknamesOf(p)[p.given[i]].join(' '),
    birth_date: valueOf(p, 'dob', i),
    email: valueOf(p, 'email', i),
    email_local: local,
    email_letters: letters(local),
    phone: valueOf(p, 'phone', i),
    mobile: valueOf(p, 'mobile', i),
    phone_last7: digitsText(p.phoneLast7[i]),
    mobile_last7: digitsText(p.mobileLast7[i]),
    street,
    street_number: streetNumber(p, p.street[i]),
    street_word: longestWordOf(street),
    postcode: valueOf(p, 'postcode', i),
    city: valueOf(p, 'city', i),
    region: valueOf(p, 'region', i),
    company,
    company_word: longestWordOf(company),
    // Per record, since the company comparison asks it only of records sharing the family name.
    company_named_after_family: companyNamedAfter(companyTokensOf(p)[p.company[i]], valueOf(p, 'family', i)) ? '1' : '',
    gender: valueOf(p, 'gender', i),
  };
}
