/**
 * Email and phone canonical forms. An email address identifies a mailbox, so
 * case, Gmail's ignored dots and "+tag" sub-addresses are removed; a phone is
 * reduced to E.164 using the record's country when it is written nationally.
 */
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

export interface EmailParts {
  canonical: string;
  local: string;
  domain: string;
}

export function canonicalEmail(raw: string): EmailParts | null {
  const s = raw.trim().toLowerCase().replace(/^mailto:/, '');
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return null;
  let local = s.slice(0, at);
  let domain = s.slice(at + 1).replace(/\.+$/, '');
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return { canonical: `${local}@${domain}`, local, domain };
}

export interface PhoneParts {
  /** E.164 when it could be determined, otherwise the bare digits. */
  e164: string;
  /** The last seven digits: the subscriber part in most numbering plans. */
  last7: string;
}

// Countries whose national numbers keep the leading 0 after the country code.
const KEEPS_ZERO = new Set(['IT', 'SM', 'VA', 'CI', 'GA', 'TG', 'CG']);
// Trunk prefix 8 instead of 0.
const TRUNK_EIGHT = new Set(['RU', 'KZ', 'BY']);

const callingCodes = new Map<string, string | undefined>();

/** Memoised: libphonenumber's metadata lookup is costly and a project has few countries. */
function callingCode(country: CountryCode): string | undefined {
  if (callingCodes.has(country)) return callingCodes.get(country);
  let cc: string | undefined;
  try {
    cc = getCountryCallingCode(country);
  } catch {
    cc = undefined;
  }
  callingCodes.set(country, cc);
  return cc;
}

/** National digits to E.164: country code plus the number without its trunk prefix. */
function nationalToE164(digits: string, country: CountryCode): string {
  const cc = callingCode(country);
  if (!cc) return digits;
  let rest = digits;
  if (cc === '1') rest = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  else if (TRUNK_EIGHT.has(country) && digits.length === 11 && digits[0] === '8') rest = digits.slice(1);
  else if (digits[0] === '0' && !KEEPS_ZERO.has(country)) rest = digits.slice(1);
  return `+${cc}${rest}`;
}

/**
 * Canonical phone. Written with string operations rather than a full
 * libphonenumber parse (about 50 times slower, and a million rows have a
 * million distinct numbers): matching needs the same key for the same line,
 * not a validity verdict.
 */
export function canonicalPhone(raw: string, country: CountryCode | undefined): PhoneParts | null {
  const cut = raw.split(/\s*(?:ext\.?|x|#)\s*\d+\s*$/i)[0].replace(/\(0\)/g, '');
  const digits = cut.replace(/\D/g, '');
  if (digits.length < 6) return null;
  const last7 = digits.slice(-7);
  const trimmed = cut.trimStart();
  if (trimmed.startsWith('+')) return { e164: `+${digits}`, last7 };
  if (trimmed.startsWith('00')) return { e164: `+${digits.slice(2)}`, last7 };
  return { e164: country ? nationalToE164(digits, country) : digits, last7 };
}
