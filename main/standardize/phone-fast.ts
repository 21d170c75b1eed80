/**
 * A fast path for the common case of phone validation. libphonenumber-js
 * compiles a fresh RegExp for every pattern test (helpers/matchesEntirely),
 * which costs ~15 µs a number: 25 s for a million customers with two phone
 * columns, beyond the profiling budget. Here the same metadata patterns are
 * compiled once and cached.
 *
 * This path only ever answers "valid, of this type"; every number it cannot
 * confirm goes to the full library, so it can be wrong only by calling valid
 * what the library would call invalid. The differential test
 * (phone-fast.test.ts) checks that against the library on thousands of numbers.
 */
import { Metadata } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.max.json';

/** The parts of the library's (untyped) Metadata object this file reads. */
interface TypeDef {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface Plan {
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  type(t: string): TypeDef | undefined;
}
interface MetadataInternals {
  selectNumberingPlan(country: string): void;
  numberingPlan: Plan;
  hasCountry(country: string): boolean;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  countryCallingCode(): string;
}

export type PhoneType = 'FIXED_LINE' | 'MOBILE' | 'FIXED_LINE_OR_MOBILE' | 'PREMIUM_RATE' | 'TOLL_FREE' | 'SHARED_COST' | 'VOIP' | 'PERSONAL_NUMBER' | 'PAGER' | 'UAN' | 'VOICEMAIL';

const otherTypes: PhoneType[] = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

interface CompiledType {
  re: RegExp;
  lengths: number[] | undefined;
  empty: boolean;
}
interface CompiledPlan {
  country: string;
  callingCode: string;
  national: RegExp;
  prefix: RegExp | undefined;
  hasTransform: boolean;
  leading: RegExp | undefined;
  types: Map<string, CompiledType | undefined>;
}

const metadata = new Metadata(metadataJson) as unknown as MetadataInternals;
const plans = new Map<string, CompiledPlan | null>();

function plan(country: string): CompiledPlan | null {
  let p = plans.get(country);
  if (p !== undefined) return p;
  p = null;
  if (metadata.hasCountry(country)) {
    metadata.selectNumberingPlan(country);
    const np = metadata.numberingPlan;
    const types = new Map<string, CompiledType | undefined>();
    for (const t of ['FIXED_LINE', ...otherTypes]) {
      const def = np.type(t);
      types.set(t, def ? { re: new RegExp(`^(?:${def.pattern()})$`), lengths: def.possibleLengths(), empty: def.pattern() === '' } : undefined);
    }
    const prefix = np.nationalPrefixForParsing();
    const leading = np.leadingDigits();
    p = {
      country,
      callingCode: metadata.countryCallingCode(),
      national: new RegExp(`^(?:${np.nationalNumberPattern()})$`),
      prefix: prefix ? new RegExp(`^(?:${prefix})`) : undefined,
      hasTransform: Boolean(np.nationalPrefixTransformRule()),
      leading: leading ? new RegExp(`^(?:${leading})`) : undefined,
      types,
    };
  }
  plans.set(country, p);
  return p;
}

function isType(n: string, t: CompiledType | undefined): boolean {
  if (!t || t.empty) return false;
  if (t.lengths && !t.lengths.includes(n.length)) return false;
  return t.re.test(n);
}

/** getNumberType from the library, with compiled patterns. */
export function numberType(nationalNumber: string, country: string): PhoneType | undefined {
  const p = plan(country);
  if (!p || !p.national.test(nationalNumber)) return undefined;
  if (isType(nationalNumber, p.types.get('FIXED_LINE'))) {
    const mobile = p.types.get('MOBILE');
    if (!mobile || mobile.empty || isType(nationalNumber, mobile)) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const t of otherTypes) if (isType(nationalNumber, p.types.get(t))) return t;
  return undefined;
}

export interface FastResult {
  country: string;
  callingCode: string;
  nationalNumber: string;
  type: PhoneType;
}

/** A national number dialled inside `country`: "030 1234567" in DE. */
export function fastNational(digits: string, country: string): FastResult | undefined {
  const p = plan(country);
  if (!p) return undefined;
  const m = p.prefix?.exec(digits);
  if (m) {
    // Transform rules and carrier codes (AR, BR, MX, CN carrier prefixes) are left to the library.
    if (m.length > 1 && m.slice(1).some((g) => g !== undefined)) return undefined;
    if (m[0] === '') return undefined;
    const stripped = digits.slice(m[0].length);
    const type = numberType(stripped, country);
    // When the unstripped digits are valid too (RU "8 800…"), the library's choice is subtle: defer to it.
    if (type && !numberType(digits, country)) return { country, callingCode: p.callingCode, nationalNumber: stripped, type };
    return undefined;
  }
  const type = numberType(digits, country);
  return type ? { country, callingCode: p.callingCode, nationalNumber: digits, type } : undefined;
}

/** Digits after a "+" (or an international dialling prefix already removed). */
export function fastInternational(digits: string): FastResult | undefined {
  for (let len = 1; len <= 3 && len < digits.length; len++) {
    const code = digits.slice(0, len);
    const countries = metadata.getCountryCodesForCallingCode(code);
    if (!countries || countries.length === 0) continue;
    const national = digits.slice(len);
    const chosen = chooseCountry(national, countries);
    if (!chosen) return undefined;
    const p = plan(chosen);
    // A national prefix written after the country code ("+49 030…") is the library's call.
    if (!p || p.prefix?.test(national)) return undefined;
    const type = numberType(national, chosen);
    return type ? { country: chosen, callingCode: code, nationalNumber: national, type } : undefined;
  }
  return undefined;
}

/** getCountryByNationalNumber from the library: leading digits first, else the first country the number is valid in. */
function chooseCountry(national: string, countries: string[]): string | undefined {
  if (countries.length === 1) return countries[0];
  for (const c of countries) {
    const p = plan(c);
    if (!p) continue;
    if (p.leading) {
      if (p.leading.test(national)) return c;
    } else if (numberType(national, c)) {
      return c;
    }
  }
  return undefined;
}

export function callingCodeOf(country: string): string | undefined {
  return plan(country)?.callingCode;
}
