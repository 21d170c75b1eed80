/**
 * Phone numbers judged for their country: international forms ("+86 138 0013
 * 8000", "0049 30 1234567", "(+86)138-0013-8000") and national forms read in
 * the record's country or, failing that, the project's default.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { fastInternational, fastNational, type PhoneType } from './phone-fast.ts';

export type PhoneCheck =
  | { status: 'valid'; e164: string; country: string | undefined; callingCode: string; type: PhoneType | undefined; international: boolean }
  | { status: 'invalid'; reason: string; callingCode?: string }
  | { status: 'unjudged'; reason: string };

/** North American numbers dial abroad with 011; almost everyone else with 00. */
const nanp = new Set(['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP', 'BS', 'BB', 'JM', 'TT', 'DO']);

const extension = /\s*(?:;?ext\.?|extension|x|#|转|分机|內線|内线)\s*\d{1,6}\s*$/i;

/** Full-width digits and plus signs, as typed with Chinese input methods. */
function toAscii(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/＋/g, '+').replace(/（/g, '(').replace(/）/g, ')');
}

export function checkPhone(raw: string, country: string | undefined): PhoneCheck {
  const text = toAscii(raw.trim()).replace(extension, '').replace(/\(0\)/g, '');
  if (/[a-z]/i.test(text)) return { status: 'invalid', reason: 'contains letters' };
  let digits = text.replace(/\D/g, '');
  let international = /^\(?\s*\+/.test(text);
  if (!international) {
    const idd = country && nanp.has(country) ? '011' : '00';
    if (digits.startsWith(idd) && digits.length > idd.length + 6) {
      digits = digits.slice(idd.length);
      international = true;
    }
  }
  if (digits.length < 5) return { status: 'invalid', reason: `has only ${digits.length} digits` };
  if (digits.length > 17) return { status: 'invalid', reason: `has ${digits.length} digits, more than any phone number` };

  const fast = international ? fastInternational(digits) : country ? fastNational(digits, country) : undefined;
  if (fast) {
    return { status: 'valid', e164: `+${fast.callingCode}${fast.nationalNumber}`, country: fast.country, callingCode: fast.callingCode, type: fast.type, international };
  }
  if (!international && !country) return { status: 'unjudged', reason: 'no country to read a national number in' };
  const parsed = parsePhoneNumberFromString(international ? `+${digits}` : text, country ? (country as CountryCode) : undefined);
  if (!parsed) {
    return { status: 'invalid', reason: international ? 'is not a valid international number' : `is not a phone number in ${country}` };
  }
  if (!parsed.isValid()) {
    const where = parsed.country ?? (international ? `+${parsed.countryCallingCode}` : country);
    return { status: 'invalid', reason: `is not a valid number for ${where}`, callingCode: parsed.countryCallingCode };
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
