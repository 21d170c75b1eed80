/**
 * Email and phone canonical forms. An email address identifies a mailbox, so
 * case, Gmail's ignored dots and "+tag" sub-addresses are removed; a phone is
 * reduced to E.164 using the record's country when it is written nationally.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

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

const COUNTRY_ALIASES: Record<string, CountryCode> = {
  uk: 'GB', england: 'GB', 'united kingdom': 'GB', 'great britain': 'GB', usa: 'US', 'united states': 'US',
  america: 'US', germany: 'DE', deutschland: 'DE', china: 'CN', 中国: 'CN', france: 'FR', spain: 'ES',
  espana: 'ES', españa: 'ES', italy: 'IT', australia: 'AU', canada: 'CA', japan: 'JP', india: 'IN',
  netherlands: 'NL', austria: 'AT', switzerland: 'CH', mexico: 'MX', brazil: 'BR', 'new zealand': 'NZ',
};

/** ISO 3166 alpha-2 country from a free-text country cell, or undefined. */
export function countryCode(raw: string): CountryCode | undefined {
  const s = raw.trim();
  if (/^[a-z]{2}$/i.test(s)) return s.toUpperCase() as CountryCode;
  return COUNTRY_ALIASES[s.toLowerCase()];
}

export interface PhoneParts {
  /** E.164 when it could be determined, otherwise the bare digits. */
  e164: string;
  /** The last seven digits: the subscriber part in most numbering plans. */
  last7: string;
}

/** Canonical phone; libphonenumber is only consulted when the digits alone are ambiguous. */
export function canonicalPhone(raw: string, country: CountryCode | undefined): PhoneParts | null {
  const cut = raw.split(/\s*(?:ext\.?|x|#)\s*\d+\s*$/i)[0];
  const digits = cut.replace(/\D/g, '');
  if (digits.length < 6) return null;
  const last7 = digits.slice(-7);
  const intl = /^\s*(\+|00)/.test(cut);
  if (!intl && !country) return { e164: digits, last7 };
  const parsed = parsePhoneNumberFromString(intl ? cut.replace(/^\s*00/, '+') : cut, country);
  return { e164: parsed ? parsed.number : digits, last7 };
}
