/**
 * Phones to E.164. Expected numbers worked out by hand from each country's
 * numbering plan: the country code, then the national number without its
 * trunk prefix (0 in most of Europe and China, 1 in North America), except
 * Italy, whose numbers keep their 0.
 */
import { describe, expect, it } from 'vitest';
import { standardiseValue } from '../../../main/standardize/standardise-record.ts';
import type { StandardiseContext } from '../../../main/standardize/standardiser.ts';

const now = new Date('2026-06-01T00:00:00Z');
const ctx = (recordCountry?: string, sourceCountry?: string): StandardiseContext => ({ recordCountry, sourceCountry, dateOrder: undefined, now });

type Row = [raw: string | number, record: string | undefined, source: string | undefined, expected: string | null, rule?: string];

const proposals: Row[] = [
  ['(415) 823-4567', 'US', undefined, '+14158234567', 'phone_e164'],
  ['415.823.4567', 'US', undefined, '+14158234567', 'phone_e164'],
  ['1-415-823-4567', 'US', undefined, '+14158234567', 'phone_e164'],
  ['+1 415 823 4567', undefined, undefined, '+14158234567', 'phone_e164'],
  ['001 415 823 4567', 'DE', undefined, '+14158234567', 'phone_e164'],
  ['011 49 30 12345678', 'US', undefined, '+493012345678', 'phone_e164'],
  ['030 12345678', 'DE', undefined, '+493012345678', 'phone_e164'],
  ['030/12345678', 'DE', undefined, '+493012345678', 'phone_e164'],
  ['0049 30 12345678', 'FR', undefined, '+493012345678', 'phone_e164'],
  ['+49 (0)30 12345678', undefined, undefined, '+493012345678', 'phone_e164'],
  ['0151 23456789', 'DE', undefined, '+4915123456789', 'phone_e164'],
  ['020 7946 0958', 'GB', undefined, '+442079460958', 'phone_e164'],
  ['07911 123456', 'GB', undefined, '+447911123456', 'phone_e164'],
  ['+44 (0)20 7946 0958', 'US', undefined, '+442079460958', 'phone_e164'],
  ['01 42 68 53 00', 'FR', undefined, '+33142685300', 'phone_e164'],
  ['06.12.34.56.78', 'FR', undefined, '+33612345678', 'phone_e164'],
  ['+33 6 12 34 56 78', 'FR', undefined, '+33612345678', 'phone_e164'],
  ['138 0013 8000', 'CN', undefined, '+8613800138000', 'phone_e164'],
  ['+86 138-0013-8000', undefined, undefined, '+8613800138000', 'phone_e164'],
  ['(+86)138-0013-8000', 'CN', undefined, '+8613800138000', 'phone_e164'],
  ['010-12345678', 'CN', undefined, '+861012345678', 'phone_e164'],
  ['１３８００１３８０００', 'CN', undefined, '+8613800138000', 'phone_e164'],
  ['06 12345678', 'NL', undefined, '+31612345678', 'phone_e164'],
  ['06 1234 5678', 'IT', undefined, '+390612345678', 'phone_e164'],
  ['612 34 56 78', 'ES', undefined, '+34612345678', 'phone_e164'],
  ['0412 345 678', 'AU', undefined, '+61412345678', 'phone_e164'],
  ['(11) 91234-5678', 'BR', undefined, '+5511912345678', 'phone_e164'],
  ['090-1234-5678', 'JP', undefined, '+819012345678', 'phone_e164'],
  ['079 123 45 67', 'CH', undefined, '+41791234567', 'phone_e164'],
  ['2812 3456', 'HK', undefined, '+85228123456', 'phone_e164'],
  // The record's country wins over the source's; a national number in a record without one is read in the source's.
  ['030 12345678', undefined, 'DE', '+493012345678', 'phone_e164_source_country'],
  ['07911 123456', undefined, 'GB', '+447911123456', 'phone_e164_source_country'],
  ['0151 23456789', 'DE', 'GB', '+4915123456789', 'phone_e164'],
  // An extension survives the RFC 3966 way.
  ['+1 415 823 4567 ext. 12', undefined, undefined, '+14158234567;ext=12', 'phone_e164'],
  ['(415) 823-4567 x305', 'US', undefined, '+14158234567;ext=305', 'phone_e164'],
  // A number the import stored as a number.
  [4158234567, 'US', undefined, '+14158234567', 'phone_e164'],
  // Only spaces around an E.164 number: the cleaning rule, not E.164.
  [' +14158234567 ', undefined, undefined, '+14158234567', 'text_whitespace'],
  ['+14158234567\u200b', undefined, undefined, '+14158234567', 'text_invisible'],
];

const nothing: Row[] = [
  ['+14158234567', 'US', undefined, null],
  ['+14158234567;ext=12', 'US', undefined, null],
  ['+8613800138000', undefined, 'CN', null],
  // National numbers with no country to read them in.
  ['(415) 823-4567', undefined, undefined, null],
  ['030 12345678', undefined, undefined, null],
  // Invalid numbers: data quality reports them.
  ['12345', 'US', undefined, null],
  ['+1 555 0134', 'US', undefined, null],
  ['030 12345678', 'US', undefined, null],
  ['+1 415 CALL NOW', 'US', undefined, null],
  // Placeholders.
  ['000-000-0000', 'US', undefined, null],
  ['1234567890', 'US', undefined, null],
  ['2345 6789', 'HK', undefined, null],
  ['n/a', 'US', undefined, null],
  ['', 'US', undefined, null],
];

describe('phones to E.164', () => {
  it.each(proposals)('%s (record %s, source %s) → %s', (raw, record, source, expected, rule) => {
    const out = standardiseValue('phone', raw, ctx(record, source));
    expect(out).toMatchObject({ kind: 'change', value: expected, rule });
  });

  it('marks the source-country reading as an inference', () => {
    const out = standardiseValue('mobile', '030 12345678', ctx(undefined, 'DE'));
    expect(out).toMatchObject({ confidence: 0.8, params: { country: 'DE', countryFrom: 'source' } });
    expect(standardiseValue('mobile', '030 12345678', ctx('DE'))).toMatchObject({ confidence: 1 });
  });

  it.each(nothing)('%s (record %s, source %s) gets nothing', (raw, record, source) => {
    expect(standardiseValue('phone', raw, ctx(record, source))).toBeNull();
  });
});

describe('numbers a spreadsheet damaged are flagged, never fixed', () => {
  it.each([['4.15555E+09'], ['8.61381E+12'], ['4,15555E+09'], ['4.15555e9'], ['+8.61381E+12'], [' 4.15555E+09 ']])('%s', (raw) => {
    expect(standardiseValue('phone', raw, ctx('US'))).toEqual({ kind: 'flag', rule: 'phone_damaged', params: { value: raw.trim(), reason: 'scientific' } });
  });

  it('flags a number that cannot hold the digits exactly', () => {
    expect(standardiseValue('mobile', 8.61381e22, ctx('CN'))).toMatchObject({ kind: 'flag', rule: 'phone_damaged' });
    expect(standardiseValue('mobile', 4158234567.5, ctx('US'))).toMatchObject({ kind: 'flag', rule: 'phone_damaged' });
  });
});
