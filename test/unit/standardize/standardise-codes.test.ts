/**
 * Countries to ISO 3166-1 alpha-2, genders to F/M/X, money to a plain
 * number with its ISO 4217 currency, and the cleaning every text field gets.
 */
import { describe, expect, it } from 'vitest';
import { standardiseValue } from '../../../main/standardize/standardise-record.ts';
import { parseMoney } from '../../../main/standardize/standardise-money.ts';
import { cleanText } from '../../../main/standardize/standardise-text.ts';
import type { StandardiseContext } from '../../../main/standardize/standardiser.ts';

const now = new Date('2026-06-01T00:00:00Z');
const ctx = (recordCountry?: string): StandardiseContext => ({ recordCountry, sourceCountry: undefined, dateOrder: undefined, now });

const countries: [string, string][] = [
  ['USA', 'US'], ['U.S.A.', 'US'], ['U.S.', 'US'], ['United States', 'US'], ['United States of America', 'US'], ['America', 'US'], ['Estados Unidos', 'US'],
  ['EE.UU.', 'US'], ['États-Unis', 'US'], ['Stati Uniti', 'US'], ['Vereinigte Staaten', 'US'], ['美国', 'US'], ['us', 'US'],
  ['UK', 'GB'], ['U.K.', 'GB'], ['Great Britain', 'GB'], ['Great-Britain', 'GB'], ['England', 'GB'], ['Scotland', 'GB'], ['United Kingdom', 'GB'],
  ['Royaume-Uni', 'GB'], ['Reino Unido', 'GB'], ['Regno Unito', 'GB'], ['Großbritannien', 'GB'], ['Vereinigtes Königreich', 'GB'], ['英国', 'GB'],
  ['PRC', 'CN'], ['P.R.C.', 'CN'], ["People's Republic of China", 'CN'], ['中国', 'CN'], ['中國', 'CN'], ['中华人民共和国', 'CN'], ['中国大陆', 'CN'],
  ['China', 'CN'], ['Volksrepublik China', 'CN'], ['Chine', 'CN'], ['Cina', 'CN'],
  ['Deutschland', 'DE'], ['Germany', 'DE'], ['Allemagne', 'DE'], ['Germania', 'DE'], ['Alemania', 'DE'], ['DEU', 'DE'], ['de', 'DE'], ['德国', 'DE'], ['BRD', 'DE'],
  ['España', 'ES'], ['Espagne', 'ES'], ['Spagna', 'ES'], ['Spanien', 'ES'], ['Spain', 'ES'],
  ['Bharat', 'IN'], ['India', 'IN'], ['印度', 'IN'], ['Italia', 'IT'], ['Italie', 'IT'], ['Nederland', 'NL'], ['Holland', 'NL'], ['Pays-Bas', 'NL'],
  ['The Netherlands', 'NL'], ['Schweiz', 'CH'], ['Suisse', 'CH'], ['Österreich', 'AT'], ['Japan', 'JP'], ['日本', 'JP'], ['Nippon', 'JP'], ['香港', 'HK'],
  ['Hong Kong', 'HK'], ['Türkiye', 'TR'], ['Viet Nam', 'VN'], ['Côte d’Ivoire', 'CI'], ['South Korea', 'KR'], ['韩国', 'KR'], ['Eire', 'IE'],
  ['Brasil', 'BR'], ['México', 'MX'], ['fr', 'FR'], ['Polska', 'PL'], ['Россия', 'RU'],
];

describe('countries to ISO 3166-1 alpha-2', () => {
  it.each(countries)('%s → %s', (raw, code) => {
    expect(standardiseValue('country', raw, ctx())).toEqual({ kind: 'change', value: code, rule: 'country_iso', confidence: 1 });
  });

  it('reports stray spaces under the code', () => {
    expect(standardiseValue('country', ' France ', ctx())).toEqual({ kind: 'change', value: 'FR', rule: 'country_iso', confidence: 1, also: ['text_whitespace'] });
  });

  it.each([['US'], ['DE'], ['CN'], ['GB'], ['NA'], ['NO'], ['Narnia'], ['Europe'], ['EU'], ['n/a'], ['unknown'], ['12'], ['']])('%s gets nothing', (raw) => {
    expect(standardiseValue('country', raw, ctx())).toBeNull();
  });
});

const genders: [raw: string, country: string | undefined, code: string, confidence: number][] = [
  ['f', undefined, 'F', 1], ['female', undefined, 'F', 1], ['Female', undefined, 'F', 1], ['FEMALE', undefined, 'F', 1], ['女', undefined, 'F', 1],
  ['女性', undefined, 'F', 1], ['weiblich', 'DE', 'F', 1], ['w', 'DE', 'F', 1], ['femme', 'FR', 'F', 1], ['féminin', 'FR', 'F', 1], ['mujer', 'ES', 'F', 1],
  ['femmina', 'IT', 'F', 1], ['vrouw', 'NL', 'F', 1], ['Mrs', 'GB', 'F', 0.9], ['Frau', 'DE', 'F', 0.9], ['女士', 'CN', 'F', 0.9], ['V', 'NL', 'F', 0.8],
  ['m', undefined, 'M', 1], ['Male', undefined, 'M', 1], ['男', undefined, 'M', 1], ['männlich', 'DE', 'M', 1], ['homme', 'FR', 'M', 1], ['H', 'ES', 'M', 1],
  ['Hombre', 'ES', 'M', 1], ['maschio', 'IT', 'M', 1], ['Mr.', 'US', 'M', 0.9], ['先生', 'CN', 'M', 0.9], ['V', 'ES', 'M', 0.8],
  ['x', undefined, 'X', 1], ['diverse', 'DE', 'X', 1], ['non-binary', undefined, 'X', 1], ['其他', 'CN', 'X', 1],
];

describe('genders to F, M, X', () => {
  it.each(genders)('%s (%s) → %s', (raw, country, code, confidence) => {
    expect(standardiseValue('gender', raw, ctx(country))).toMatchObject({ kind: 'change', value: code, rule: 'gender_code', confidence });
  });

  it.each([['F'], ['M'], ['X'], ['V'], ['yes'], ['3'], ['MF'], ['n/a'], ['']])('%s (no country) gets nothing', (raw) => {
    expect(standardiseValue('gender', raw, ctx())).toBeNull();
  });
});

const money: [raw: string, country: string | undefined, amount: number, currency: string | undefined, confidence: number][] = [
  ['$85,000', 'US', 85000, 'USD', 0.8],
  ['$85,000', 'CA', 85000, 'CAD', 0.8],
  ['US$85,000', 'CA', 85000, 'USD', 0.95],
  ['85.000,00', 'DE', 85000, undefined, 0.95],
  ['85.000,00 €', 'DE', 85000, 'EUR', 0.95],
  ['€85.000', 'DE', 85000, 'EUR', 0.8],
  ['€23.000,-', 'DE', 23000, 'EUR', 0.95],
  ['85000.00', undefined, 85000, undefined, 1],
  ['85000', undefined, 85000, undefined, 1],
  ['€52k', 'FR', 52000, 'EUR', 0.9],
  ['52K', undefined, 52000, undefined, 0.9],
  ['1.2M', undefined, 1200000, undefined, 0.9],
  ['5万', 'CN', 50000, undefined, 0.9],
  ['5.5万', 'CN', 55000, undefined, 0.9],
  ['¥300,000', 'CN', 300000, 'CNY', 0.8],
  ['¥300,000', 'JP', 300000, 'JPY', 0.8],
  ['RMB 8000', 'CN', 8000, 'CNY', 1],
  ['8000元', 'CN', 8000, 'CNY', 1],
  ['£19,000', 'GB', 19000, 'GBP', 0.95],
  ['19000 EUR', 'ES', 19000, 'EUR', 1],
  ['36 000 €', 'FR', 36000, 'EUR', 0.95],
  ["CHF 120'000", 'CH', 120000, 'CHF', 0.95],
  ["Fr. 120'000", 'CH', 120000, 'CHF', 0.8],
  ['SEK 450 000', 'SE', 450000, 'SEK', 0.95],
  ['450 000 kr', 'SE', 450000, 'SEK', 0.8],
  ['₹12,00,000', 'IN', 1200000, 'INR', 0.95],
  ['R$ 85.000,00', 'BR', 85000, 'BRL', 0.95],
  ['(1,200)', undefined, -1200, undefined, 0.95],
  ['-€5.000', 'DE', -5000, 'EUR', 0.8],
  ['60000/yr', 'US', 60000, undefined, 1],
];

describe('money to a plain number and an ISO 4217 currency', () => {
  it.each(money)('%s (%s) → %d %s', (raw, country, amount, currency, confidence) => {
    const out = standardiseValue('income', raw, ctx(country));
    expect(out).toMatchObject({ kind: 'change', value: amount, rule: 'money_amount', confidence });
    if (out?.kind === 'change') expect(out.params?.currency).toBe(currency);
  });

  it.each([[85000], ['lots'], ['n/a'], ['12-34'], ['']])('%s gets nothing', (raw) => {
    expect(standardiseValue('income', raw, ctx('US'))).toBeNull();
  });

  it('does not guess a currency for "kr" outside Scandinavia', () => {
    expect(parseMoney('450 000 kr', 'DE')).toEqual({ amount: 450000, confidence: 0.95 });
  });
});

const cleaning: [raw: string, expected: string, rule: string, also?: string[]][] = [
  ['Acme\u200b GmbH', 'Acme GmbH', 'text_invisible'],
  ['\ufeffAcme GmbH', 'Acme GmbH', 'text_invisible'],
  ['Acme\u00a0GmbH', 'Acme GmbH', 'text_invisible'],
  ['Acme\u202fGmbH', 'Acme GmbH', 'text_invisible'],
  ['Müller\u00adBau AG', 'MüllerBau AG', 'text_invisible'],
  ['Acme\u200d\u200c Ltd', 'Acme Ltd', 'text_invisible'],
  ['Acme\u200e Ltd', 'Acme Ltd', 'text_invisible'],
  ['华为\u3000技术', '华为 技术', 'text_invisible'],
  ['Mu\u0308ller GmbH', 'Müller GmbH', 'text_nfc'],
  ['Cafe\u0301 de Flore', 'Café de Flore', 'text_nfc'],
  ['  Acme   GmbH  ', 'Acme GmbH', 'text_whitespace'],
  ['Acme\tGmbH', 'Acme GmbH', 'text_whitespace'],
  ['Acme\r\nGmbH', 'Acme GmbH', 'text_whitespace'],
  [' Mu\u0308ller\u00a0 GmbH ', 'Müller GmbH', 'text_invisible', ['text_nfc', 'text_whitespace']],
];

describe('invisible characters, NFC and whitespace', () => {
  it.each(cleaning)('%j → %j', (raw, expected, rule, also) => {
    const out = standardiseValue('company', raw, ctx());
    expect(out).toMatchObject({ kind: 'change', value: expected, rule, confidence: 1 });
    if (out?.kind === 'change') expect(out.also).toEqual(also);
  });

  it.each([['Acme GmbH'], ['华为技术有限公司'], ['Müller GmbH'], ['ACME LTD'], ['n/a'], ['\u200b'], ['   ']])('%j gets nothing', (raw) => {
    expect(standardiseValue('company', raw, ctx())).toBeNull();
  });

  it('turns line breaks in a street into commas, elsewhere into spaces', () => {
    expect(cleanText('12 High St\r\nFlat 3', true).value).toBe('12 High St, Flat 3');
    expect(cleanText('12 High St,\nFlat 3\n', true).value).toBe('12 High St, Flat 3');
    expect(cleanText('Anna\nSchmidt').value).toBe('Anna Schmidt');
  });
});
