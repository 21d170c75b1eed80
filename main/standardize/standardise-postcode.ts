/**
 * Postcodes in their country's written form: letters in capitals, the
 * country's space or hyphen in its place (SW1A 1AA, K1A 0B1, 1234 AB,
 * 12345-6789, 00-950, 1000-001, 01310-100, 100-0001, 114 55, D02 X285), digits
 * only where the country writes no separator (10115, 75008, 100000). The old
 * European country prefix ("D-10115", "CH-8001", "NL-1234 AB") is dropped.
 * Each layout applies only to a value of exactly its length and kind, so the
 * result is the country's format by construction (and is checked against
 * postcode.ts where it knows the country).
 *
 * A digit-only code one or two digits short in a country whose codes start
 * with 0 (US, DE, FR, IT, ES, FI, MX) lost its zeros in a spreadsheet:
 * checkPostcode's suggestion is proposed as postcode_leading_zero (0.7).
 */
import { checkPostcode, hasPostcodeFormat } from './postcode.ts';
import { change, type Change } from './standardiser.ts';

type Layout = (compact: string) => string | undefined;

const digits = (n: number): Layout => (c) => (c.length === n && /^\d+$/.test(c) ? c : undefined);
const split = (n: number, at: number, sep: string): Layout => (c) => (c.length === n && /^\d+$/.test(c) ? `${c.slice(0, at)}${sep}${c.slice(at)}` : undefined);

const layouts: Record<string, Layout> = {
  GB: (c) => (/^[A-Z0-9]{5,7}$/.test(c) ? `${c.slice(0, -3)} ${c.slice(-3)}` : undefined),
  CA: (c) => (/^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(c) ? `${c.slice(0, 3)} ${c.slice(3)}` : undefined),
  IE: (c) => (/^[A-Z]\d[0-9W][A-Z0-9]{4}$/.test(c) ? `${c.slice(0, 3)} ${c.slice(3)}` : undefined),
  NL: (c) => (/^\d{4}[A-Z]{2}$/.test(c) ? `${c.slice(0, 4)} ${c.slice(4)}` : undefined),
  US: (c) => (/^\d{5}$/.test(c) ? c : /^\d{9}$/.test(c) ? `${c.slice(0, 5)}-${c.slice(5)}` : undefined),
  PL: split(5, 2, '-'),
  PT: split(7, 4, '-'),
  BR: split(8, 5, '-'),
  JP: split(7, 3, '-'),
  SE: split(5, 3, ' '),
  CZ: split(5, 3, ' '),
  SK: split(5, 3, ' '),
  GR: split(5, 3, ' '),
  DE: digits(5), FR: digits(5), IT: digits(5), ES: digits(5), FI: digits(5), MX: digits(5), MY: digits(5), TH: digits(5), KR: digits(5),
  CN: digits(6), RU: digits(6), SG: digits(6), IN: digits(6),
  CH: digits(4), AT: digits(4), BE: digits(4), DK: digits(4), NO: digits(4), AU: digits(4), NZ: digits(4), LU: digits(4), HU: digits(4),
};

/** The old European prefixes: D-10115, F-75008, CH-8001, A-1010, NL-1234 AB. */
const prefixes: Record<string, readonly string[]> = {
  DE: ['D'], FR: ['F'], AT: ['A'], CH: ['CH'], IT: ['I'], ES: ['E'], BE: ['B'], NL: ['NL'], LU: ['L'], DK: ['DK'], SE: ['S'], NO: ['N'],
  FI: ['FIN', 'FI'], PL: ['PL'], PT: ['P'], CZ: ['CZ'], SK: ['SK'], GR: ['GR'], HU: ['H'],
};

function compactForm(v: string, country: string): string {
  let c = v.toUpperCase().replace(/[\s.]/g, '');
  for (const p of prefixes[country] ?? []) {
    if (c.startsWith(`${p}-`) && c.length > p.length + 3) {
      c = c.slice(p.length + 1);
      break;
    }
  }
  return c.replace(/-/g, '');
}

/** A postcode (cleaned) in `country`: its canonical form, a restored zero, or null. */
export function standardisePostcode(v: string, country: string | undefined, inferred: boolean): Change | null {
  if (!country) return null;
  const layout = layouts[country];
  const canonical = layout?.(compactForm(v, country));
  if (canonical !== undefined) {
    if (canonical === v) return null;
    if (hasPostcodeFormat(country) && checkPostcode(canonical, country).status !== 'valid') return null;
    return change(canonical, 'postcode_format', inferred ? 0.8 : 0.95);
  }
  const check = checkPostcode(v, country);
  if (check.status === 'invalid' && check.suggestion && check.suggestion !== v) {
    return change(check.suggestion, 'postcode_leading_zero', inferred ? 0.6 : 0.7);
  }
  return null;
}
