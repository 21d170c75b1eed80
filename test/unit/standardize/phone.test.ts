import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { checkPhone } from '../../../main/standardize/phone.ts';
import { fastInternational, fastNational } from '../../../main/standardize/phone-fast.ts';

describe('phones valid for their country', () => {
  it.each([
    ['+86 138 0013 8000', 'CN', '+8613800138000'],
    ['+86 13800138000', undefined, '+8613800138000'],
    ['(+86) 138-0013-8000', 'CN', '+8613800138000'],
    ['0086 138 0013 8000', 'DE', '+8613800138000'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['13800138000', 'CN', '+8613800138000'],
    ['＋８６ １３８ ００１３ ８０００', 'CN', '+8613800138000'],
    ['010-6552 9988', 'CN', '+861065529988'],
    ['0049 30 1234567', 'CN', '+49301234567'],
    ['+49 (0)30 1234567', 'DE', '+49301234567'],
    ['030 1234567', 'DE', '+49301234567'],
    ['0151 23456789', 'DE', '+4915123456789'],
    ['(415) 555-0134', 'US', '+14155550134'],
    ['415.555.0134', 'US', '+14155550134'],
    ['+1 415 555 0134 ext. 12', 'US', '+14155550134'],
    ['011 44 20 7946 0958', 'US', '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+44 7911 123456', 'GB', '+447911123456'],
    ['01 42 68 53 00', 'FR', '+33142685300'],
    ['+33 6 12 34 56 78', 'FR', '+33612345678'],
    ['03-1234-5678', 'JP', '+81312345678'],
  ])('%s (%s) is %s', (v, country, e164) => {
    expect(checkPhone(v, country)).toMatchObject({ status: 'valid', e164 });
  });

  it.each([
    ['+86 138 0013 800', 'CN'], ['12345', 'US'], ['138001380001', 'CN'], ['(415) 555-013', 'US'], ['+49 30', 'DE'], ['call me', 'DE'], ['+1 123 456 7890', 'US'], ['0000 12', 'GB'], ['+999 1234567', undefined],
  ])('%s (%s) is invalid', (v, country) => expect(checkPhone(v, country).status).toBe('invalid'));

  it('cannot judge a national number without a country', () => {
    expect(checkPhone('030 1234567', undefined).status).toBe('unjudged');
  });

  it('tells a landline from a mobile', () => {
    expect(checkPhone('+86 138 0013 8000', 'CN')).toMatchObject({ type: 'MOBILE' });
    expect(checkPhone('030 1234567', 'DE')).toMatchObject({ type: 'FIXED_LINE' });
  });
});

/** A deterministic stream of digits, so the differential test is repeatable. */
function* digitStrings(seed: number, count: number): Generator<string> {
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const len = 6 + (s % 9);
    let d = '';
    for (let j = 0; j < len; j++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      d += String((s >> 8) % 10);
    }
    yield d;
  }
}

describe('the fast path never calls valid what libphonenumber calls invalid', () => {
  const countries = ['US', 'CN', 'DE', 'GB', 'FR', 'JP', 'CA', 'AU', 'IN', 'BR', 'IT', 'ES', 'NL', 'RU', 'KR', 'HK', 'SG', 'CH', 'MX', 'AR'] as CountryCode[];
  const prefixes: Record<string, string[]> = { US: ['415', '212'], CN: ['138', '1', '010', '0'], DE: ['0', '030', '015'], GB: ['0', '07', '020'], FR: ['0', '06'], RU: ['8', '89'], AR: ['0', '011', '15'] };

  it.each(countries)('national numbers in %s', (country) => {
    let fastCount = 0;
    for (const tail of digitStrings(country.charCodeAt(0) * 31 + country.charCodeAt(1), 1500)) {
      for (const p of ['', ...(prefixes[country] ?? ['0'])]) {
        const digits = p + tail;
        const fast = fastNational(digits, country);
        if (!fast) continue;
        fastCount++;
        const lib = parsePhoneNumberFromString(digits, country);
        expect(lib?.isValid(), `${digits} in ${country}`).toBe(true);
        expect(lib?.number).toBe(`+${fast.callingCode}${fast.nationalNumber}`);
      }
    }
    expect(fastCount).toBeGreaterThan(0);
  });

  it('international numbers', () => {
    let fastCount = 0;
    for (const code of ['1', '7', '33', '44', '49', '86', '852', '81', '61', '39', '55', '91']) {
      for (const tail of digitStrings(Number(code), 1500)) {
        const fast = fastInternational(code + tail);
        if (!fast) continue;
        fastCount++;
        const lib = parsePhoneNumberFromString(`+${code}${tail}`);
        expect(lib?.isValid(), `+${code}${tail}`).toBe(true);
        expect(lib?.number).toBe(`+${fast.callingCode}${fast.nationalNumber}`);
        expect(lib?.getType()).toBe(fast.type);
      }
    }
    expect(fastCount).toBeGreaterThan(100);
  });
});
