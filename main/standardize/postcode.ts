/**
 * Postcode formats by country. Countries without an entry are not judged:
 * saying "invalid" about a format we do not know would be a made-up finding.
 * Hong Kong and a few others have no postcodes at all, so they are not judged either.
 */
import type { ValueProblem } from '../../shared/domain/issue-message.ts';

const formats: Record<string, RegExp> = {
  US: /^\d{5}(?:-?\d{4})?$/,
  CN: /^\d{6}$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  IT: /^\d{5}$/,
  ES: /^\d{5}$/,
  FI: /^\d{5}$/,
  MX: /^\d{5}$/,
  MY: /^\d{5}$/,
  TH: /^\d{5}$/,
  KR: /^\d{5}$/,
  TW: /^\d{3}(?:\d{2,3})?$/,
  IN: /^\d{3} ?\d{3}$/,
  RU: /^\d{6}$/,
  SG: /^\d{6}$/,
  JP: /^\d{3}-?\d{4}$/,
  BR: /^\d{5}-?\d{3}$/,
  PT: /^\d{4}-\d{3}$/,
  PL: /^\d{2}-\d{3}$/,
  SE: /^\d{3} ?\d{2}$/,
  CH: /^\d{4}$/,
  AT: /^\d{4}$/,
  BE: /^\d{4}$/,
  DK: /^\d{4}$/,
  NO: /^\d{4}$/,
  AU: /^\d{4}$/,
  NZ: /^\d{4}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  CA: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i,
  GB: /^(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?) ?\d[ABD-HJLNP-UW-Z]{2})$/i,
  IE: /^[AC-FHKNPRTV-Y]\d{2}(?: ?[AC-FHKNPRTV-Y\d]{4})?$/i,
};

/** Digit-only formats with codes that start with 0, which a spreadsheet may have dropped (CN and RU codes never start with 0). */
const zeroPadded: Record<string, number> = { US: 5, DE: 5, FR: 5, IT: 5, ES: 5, FI: 5, MX: 5 };

export type PostcodeCheck =
  | { status: 'valid' }
  | { status: 'unjudged' }
  | { status: 'invalid'; reason: ValueProblem; suggestion?: string; fitsCountries: string[] };

export function hasPostcodeFormat(country: string): boolean {
  return country in formats;
}

export function checkPostcode(raw: string, country: string | undefined): PostcodeCheck {
  if (!country || !formats[country]) return { status: 'unjudged' };
  const value = raw.trim().replace(/\s+/g, ' ');
  if (formats[country].test(value)) return { status: 'valid' };
  const width = zeroPadded[country];
  let suggestion: string | undefined;
  if (width && /^\d+$/.test(value) && value.length < width && value.length >= width - 2) {
    suggestion = value.padStart(width, '0');
  }
  const fitsCountries = Object.keys(formats).filter((c) => formats[c].test(value));
  const reason: ValueProblem = suggestion ? { code: 'postcodeTooShort', country } : { code: 'notPostcodeOf', country };
  return { status: 'invalid', reason, suggestion, fitsCountries };
}

/** Shape of a postcode for the per-column format check: digits to 9, letters to A. */
export function postcodeShape(value: string): string {
  return value.trim().replace(/\d/g, '9').replace(/[a-z]/gi, 'A');
}
