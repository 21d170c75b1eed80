import { describe, expect, it } from 'vitest';
import { splitFullName, nameParts } from '../../../main/standardize/names.ts';
import { canonicalEmail, canonicalPhone } from '../../../main/standardize/contact.ts';
import { dateKey } from '../../../main/standardize/date.ts';
import { companyTokens, isRegionCode, normalizePlace, streetTokens } from '../../../main/standardize/address.ts';

describe('names', () => {
  it.each([
    ['王伟', { family: 'wang', given: 'wei' }],
    ['欧阳娜娜', { family: 'ouyang', given: 'nana' }],
    ['Müller, Hans', { family: 'muller', given: 'hans' }],
    ['Dr. José García Jr.', { given: 'jose', family: 'garcia' }],
    ['thomas clifford, 1st baron clifford of chudleigh', { given: 'thomas', family: 'clifford' }],
    ['Madonna', { given: '', family: 'madonna' }],
  ])('splits %s', (full, parts) => {
    expect(splitFullName(full)).toEqual(parts);
  });
  it('prefers split fields, drops middle initials', () => {
    expect(nameParts('John A.', "O'Brien", 'ignored')).toEqual({ given: 'john', family: 'obrien' });
  });
});

describe('email', () => {
  it('removes gmail dots and +tags, keeps other domains dots', () => {
    expect(canonicalEmail('J.Smith+news@GoogleMail.com')?.canonical).toBe('jsmith@gmail.com');
    expect(canonicalEmail('j.smith@example.com')?.canonical).toBe('j.smith@example.com');
    expect(canonicalEmail('not an email')).toBeNull();
  });
});

describe('phone', () => {
  it('reaches the same E.164 from national and international forms', () => {
    expect(canonicalPhone('030 1234567', 'DE')?.e164).toBe('+49301234567');
    expect(canonicalPhone('+49 (30) 123-4567', undefined)?.e164).toBe('+49301234567');
    expect(canonicalPhone('0049 30 1234567', 'FR')?.e164).toBe('+49301234567');
    expect(canonicalPhone('(415) 555-2671', 'US')?.e164).toBe('+14155552671');
    expect(canonicalPhone('555-2671 x12', undefined)?.last7).toBe('5552671');
  });
});

describe('date keys for matching', () => {
  it.each(['1985年3月7日', '07.03.1985', '3/7/85', '19850307', '1985-03-07', '7 March 1985', '7. März 1985', '7 marzo 1985', 'March 7th, 1985', 19850307, 31113])(
    '%s is 1985-03-07 for a US record', (raw) => {
      expect(dateKey(raw, 'MDY')).toBe('19850307');
    });
  it('reads slashes in the record country\'s order, as validity does (a UK 07/03/1985 is 7 March)', () => {
    expect(dateKey('07/03/1985', 'DMY')).toBe('19850307');
    expect(dateKey('07/03/1985', 'MDY')).toBe('19850703');
  });
  it('reads slashes day-first when the first number cannot be a month', () => {
    expect(dateKey('25/12/1990', 'MDY')).toBe('19901225');
  });
  it('keeps a year-first date with a mistyped month as typed (evidence for "one digit off")', () => {
    expect(dateKey('1737-81-01', 'DMY')).toBe('17378101');
  });
  it('rejects text', () => {
    expect(dateKey('unknown', 'DMY')).toBeNull();
  });
});

describe('address and company', () => {
  it('spells street words one way', () => {
    expect(streetTokens('12 High St.')).toEqual(streetTokens('12 high street'));
    expect(streetTokens('Hauptstr. 5')).toEqual(streetTokens('Hauptstraße 5'));
    expect(streetTokens('建国路88号').join(' ')).toBe('jian guo road 88');
  });
  it.each([['Acme Inc.', 'ACME'], ['Müller GmbH', 'muller'], ['Telefónica S.L.', 'telefonica'], ['华为技术有限公司', '华为技术']])(
    '%s loses its legal form', (a, b) => {
      expect(companyTokens(a)).toEqual(companyTokens(b));
    });
  it.each([['北京市', 'Beijing'], ['广东省', 'Guangdong'], ['SAN FRANCISCO', 'San Francisco'], ['Saint-Étienne', 'saint etienne']])(
    'the place %s is %s', (a, b) => {
      expect(normalizePlace(a)).toBe(normalizePlace(b));
    });
  it('tells region codes (CA, NSW, Spain\'s M) from region names', () => {
    expect(['CA', 'NSW', 'M', ' BY '].map(isRegionCode)).toEqual([true, true, true, true]);
    expect(['California', 'Ca', 'Bayern', '广东'].map(isRegionCode)).toEqual([false, false, false, false]);
  });
});
