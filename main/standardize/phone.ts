/**
 * Phone numbers judged for their country: international forms ("+86 138 0013
 * 8000", "0049 30 1234567", "(+86)138-0013-8000") and national forms read in
 * the record's country or, failing that, the project's default.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { ValueProblem } from '../../shared/domain/issue-message.ts';
import { fastInternational, fastNational, type PhoneType } from './phone-fast.ts';

/** An invalid number's `reason`: a message code and its parameters; the caller quotes the value. */
export type PhoneCheck =
  | { status: 'valid'; e164: string; country: string | undefined; callingCode: string; type: PhoneType | undefined; international: boolean }
  | { status: 'invalid'; reason: ValueProblem; callingCode?: string }
  | { status: 'unjudged'; reason: string };

/** North American numbers dial abroad with 011; almost everyone else with 00. */
const nanp = new Set(['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP', 'BS', 'BB', 'JM', 'TT', 'DO']);

const extension = /\s*(?:;?ext\.?|extension|x|#|转|分机|內線|内线)\s*\d{1,6}\s*$/i;

/** Full-width digits and plus signs, as typed with Chinese input methods. */
function toAscii(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/＋/g, '+').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * The digits of a number written only with ASCII digits, single spaces and ( ) + - . /, and whether it
 * starts as an international number; undefined for anything else (full-width forms, extensions, letters,
 * "(0)"), which takes the general path. For these values the general path's rewrites change nothing.
 */
function plainDigits(raw: string): { digits: string; international: boolean } | undefined {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) === 32) start++;
  while (end > start && raw.charCodeAt(end - 1) === 32) end--;
  let digits = '';
  // /^\(?\s*\+/: an optional "(", spaces, then "+".
  let lead = start;
  if (raw.charCodeAt(lead) === 40) lead++;
  while (raw.charCodeAt(lead) === 32) lead++;
  const international = lead < end && raw.charCodeAt(lead) === 43;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += raw[i];
    else if (c === 40) {
      if (raw.charCodeAt(i + 1) === 48 && raw.charCodeAt(i + 2) === 41) return undefined;
    } else if (c !== 32 && c !== 41 && c !== 43 && c !== 45 && c !== 46 && c !== 47) return undefined;
  }
  return { digits, international };
}

export function checkPhone(raw: string, country: string | undefined): PhoneCheck {
  const plain = plainDigits(raw);
  return plain ? judgeDigits(raw.trim(), plain.digits, plain.international, country) : generalCheckPhone(raw, country);
}

/** checkPhone with the general rewrites for every value (exported for the differential test). */
export function generalCheckPhone(raw: string, country: string | undefined): PhoneCheck {
  const text = toAscii(raw.trim()).replace(extension, '').replace(/\(0\)/g, '');
  if (/[a-z]/i.test(text)) return { status: 'invalid', reason: { code: 'containsLetters' } };
  return judgeDigits(text, text.replace(/\D/g, ''), /^\(?\s*\+/.test(text), country);
}

function judgeDigits(text: string, digits: string, international: boolean, country: string | undefined): PhoneCheck {
  if (!international) {
    const idd = country && nanp.has(country) ? '011' : '00';
    if (digits.startsWith(idd) && digits.length > idd.length + 6) {
      digits = digits.slice(idd.length);
      international = true;
    }
  }
  if (digits.length < 5) return { status: 'invalid', reason: { code: 'fewDigits', n: digits.length } };
  if (digits.length > 17) return { status: 'invalid', reason: { code: 'manyDigits', n: digits.length } };

  const fast = international ? fastInternational(digits) : country ? fastNational(digits, country) : undefined;
  if (fast) {
    return { status: 'valid', e164: `+${fast.callingCode}${fast.nationalNumber}`, country: fast.country, callingCode: fast.callingCode, type: fast.type, international };
  }
  if (!international && !country) return { status: 'unjudged', reason: 'no country to read a national number in' };
  const parsed = parsePhoneNumberFromString(international ? `+${digits}` : text, country ? (country as CountryCode) : undefined);
  // Not international here means a country was given (no country returned "unjudged" above).
  if (!parsed) {
    return { status: 'invalid', reason: international ? { code: 'notValidInternational' } : { code: 'notPhoneIn', country: country! } };
  }
  if (!parsed.isValid()) {
    const where = parsed.country ?? (international ? `+${parsed.countryCallingCode}` : country);
    return { status: 'invalid', reason: { code: 'notValidFor', where: where! }, callingCode: parsed.countryCallingCode };
  }
  return {
    status: 'valid',
    e164: parsed.number,
    country: parsed.country,
    callingCode: parsed.countryCallingCode,
    type: parsed.getType() as PhoneType | undefined,
    international,
  };
}

/** A mobile column holding a landline: valid, but probably not what the column promises. */
export function isLandlineOnly(type: PhoneType | undefined): boolean {
  return type === 'FIXED_LINE';
}
