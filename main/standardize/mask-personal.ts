/**
 * Masking for sharing: an export or an audit report sent to a colleague, a
 * consultant or a vendor keeps what a data-quality review needs (formats,
 * lengths of groups, the email's domain, the year of birth, the house
 * number, names) and hides what reaches or pins down a person (the mailbox,
 * the number, the day of birth, the street). One module, used by the export
 * and the reports, so a masked file and a masked report agree.
 *
 *   email       jane.doe@example.org   → j***@example.org
 *   phone       +44 20 7946 0958       → +44 ** **** **58   (country code and last two digits kept)
 *   mobile      0171 2345678           → **** *****78
 *   birth_date  1985-03-12             → 1985-**-**         (the year kept, wherever it stands)
 *   street      221B Baker Street      → 221B B*** S***     (numbers kept, each word to its first letter)
 *
 * Names are kept: reviewing duplicates needs them, and without contact
 * details or a date of birth they do not reach anyone. Values that are not
 * of these fields pass unchanged.
 */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';

export const maskedFields = ['email', 'phone', 'mobile', 'birth_date', 'street'] as const;
const masked = new Set<string>(maskedFields);

export function isMaskedField(field: string): boolean {
  return masked.has(field);
}

/** The field's value as a masked export or report shows it; null stays null, other fields are unchanged. */
export function maskValue<V extends string | number | null | undefined>(field: string, value: V): V | string {
  if (value === null || value === undefined || !masked.has(field)) return value;
  const text = String(value);
  if (text.trim() === '') return text;
  switch (field) {
    case 'email': return maskEmail(text);
    case 'phone': case 'mobile': return maskPhone(text);
    case 'birth_date': return maskDate(text);
    default: return maskStreet(text);
  }
}

/**
 * A finding's sentence about a masked field quotes the value (and sometimes
 * a second one, "… differs from "…" held by customer 12"): every quoted part,
 * in straight or Chinese quotes, is masked as that field's value.
 */
export function maskFindingText(field: string, text: string): string {
  if (!masked.has(field)) return text;
  return text.replace(/"([^"]*)"/g, (_m, v: string) => `"${maskValue(field, v)}"`).replace(/“([^”]*)”/g, (_m, v: string) => `“${maskValue(field, v)}”`);
}

const firstLetter = (word: string): string => `${[...word][0]}***`;

function maskEmail(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return firstLetter(text.trim());
  const local = text.slice(0, at);
  return `${[...local].length > 1 ? firstLetter(local) : '***'}${text.slice(at)}`;
}

/** Every country calling code (1 to 3 digits), to know how much of "+4420…" is the country. */
let callingCodes: Set<string> | null = null;
function callingCodeLength(digits: string): number {
  callingCodes ??= new Set(getCountries().map((c) => getCountryCallingCode(c)));
  for (const n of [1, 2, 3]) if (callingCodes.has(digits.slice(0, n))) return n;
  return 0;
}

function maskPhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  const prefix = /^\s*(\+|00)/.exec(text)?.[1];
  // An international prefix (+ or 00) and the country code after it stay; so do the last two digits of a real number.
  const front = prefix === undefined ? 0 : (prefix === '00' ? 2 : 0) + callingCodeLength(digits.slice(prefix === '00' ? 2 : 0));
  const back = digits.length >= 6 ? 2 : 0;
  let i = 0;
  return text.replace(/\d/g, (d) => {
    const keep = i < front || i >= digits.length - back;
    i++;
    return keep ? d : '*';
  });
}

function maskDate(text: string): string {
  const year = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/.exec(text);
  const start = year?.index ?? -1;
  const end = year ? start + year[0].length : -1;
  // Digits outside the year and month names (Latin letters) are hidden; CJK units (年 月 日) stay as the format's shape.
  return text.replace(/\d|\p{Script=Latin}+/gu, (m, offset: number) => (offset >= start && offset < end ? m : '*'.repeat([...m].length)));
}

function maskStreet(text: string): string {
  // A short run of letters joined to a number is part of it (221B, 12a, 88号); other words keep their first letter.
  return text.replace(/\p{L}[\p{L}\p{M}'’.-]*/gu, (word, offset: number) => {
    const joined = /\d/.test(text[offset - 1] ?? '') || /\d/.test(text[offset + word.length] ?? '');
    return joined && [...word].length <= 2 ? word : firstLetter(word);
  });
}

/**
 * A report handed to a client hides who the customers are, not only how to
 * reach them: besides the fields above, names and the town are cut to each
 * word's first letter (Jane Smith → J*** S***, 王小明 → 王***) and a
 * postcode keeps its first two characters (SW1A 1AA → SW** ***).
 */
export const clientMaskedFields = [...maskedFields, 'full_name', 'given_name', 'family_name', 'company', 'city', 'postcode'] as const;

export function maskForClient(field: string, value: string | null): string | null {
  if (value === null || value.trim() === '') return value;
  switch (field) {
    case 'full_name': case 'given_name': case 'family_name': case 'company': case 'city':
      return value.replace(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu, firstLetter);
    case 'postcode': {
      let seen = 0;
      return value.replace(/[\p{L}\p{N}]/gu, (c) => (seen++ < 2 ? c : '*'));
    }
    default: return String(maskValue(field, value));
  }
}
