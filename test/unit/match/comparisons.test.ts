import { describe, expect, it } from 'vitest';
import { prepareRecords } from '../../../main/match/prepare.ts';
import { birthDate, email, familyName, givenName, phone } from '../../../main/match/comparisons.ts';
import { company, street } from '../../../main/match/comparisons-place.ts';
import type { Comparison } from '../../../main/match/comparisons.ts';
import type { MatchRecord } from '../../../main/match/types.ts';
import { jaroWinkler } from '../../../main/match/similarity.ts';

type Values = MatchRecord['values'];

function level(c: Comparison, a: Values, b: Values): string {
  const p = prepareRecords([{ id: 1, sourceId: 1, values: a }, { id: 2, sourceId: 1, values: b }]);
  return c.levels[c.level(p, 0, 1)];
}

describe('jaro-winkler', () => {
  it('matches the published values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('given name', () => {
  it.each([
    ['Robert', 'Bob', 'nickname'], ['William', 'bill', 'nickname'], ['Elizabeth', 'Liz', 'nickname'],
    ['Jon', 'John', 'nickname'], ['Martha', 'Marhta', 'jaro-winkler ≥ 0.92'], ['J', 'James', 'initial'],
    ['Catherine', 'Kathryn', 'nickname'], ['Stephen', 'Stefan', 'double metaphone'], ['José', 'JOSE', 'exact'],
    ['Robert', 'Susan', 'different'],
  ])('%s vs %s: %s', (a, b, expected) => {
    expect(level(givenName, { given_name: a, family_name: 'x' }, { given_name: b, family_name: 'y' })).toBe(expected);
  });
  it('reads Hanzi against pinyin', () => {
    expect(level(givenName, { full_name: '王伟' }, { given_name: 'Wei', family_name: 'Wang' })).toBe('exact');
    expect(level(familyName, { full_name: '王伟' }, { full_name: 'WANG, Wei' })).toBe('exact');
  });
  it('sees given and family swapped', () => {
    const a = { given_name: 'Caleb', family_name: 'Scott' };
    const b = { given_name: 'Scott', family_name: 'Caleb' };
    expect(level(givenName, a, b)).toBe('swapped with family name');
    expect(level(familyName, a, b)).toBe('swapped with given name');
  });
  it('treats a missing value as missing, not as disagreement', () => {
    expect(level(givenName, { family_name: 'x' }, { given_name: 'Anna', family_name: 'y' })).toBe('missing');
  });
  it('treats placeholder names as missing: two "TEST TEST" records are not the same person by name', () => {
    const a = { given_name: 'TEST', family_name: 'TEST' };
    const b = { given_name: 'Test', family_name: 'test' };
    expect(level(givenName, a, b)).toBe('missing');
    expect(level(familyName, a, b)).toBe('missing');
    expect(level(familyName, { given_name: 'null', family_name: 'null' }, { given_name: 'null', family_name: 'null' })).toBe('missing');
    expect(level(familyName, { full_name: '测试' }, { full_name: '测试' })).toBe('missing');
  });
});

describe('family name', () => {
  it.each([['Smith', 'Smyth', 'double metaphone'], ['Johnson', 'Jonhson', 'jaro-winkler ≥ 0.92'], ['Müller', 'Mueller', 'double metaphone']])(
    '%s vs %s: %s', (a, b, expected) => {
      expect(level(familyName, { family_name: a }, { family_name: b })).toBe(expected);
    });
});

describe('birth date', () => {
  it.each([
    ['1985-03-07', '07.03.1985', 'exact'], ['1985-03-07', '1985-07-03', 'day and month swapped'],
    ['1985-03-07', '1985-03-08', 'one digit off'], ['1985-03-07', '1985-11-21', 'same year'],
    ['1985-03-07', '1962-01-01', 'different'], ['1985-03-07', '', 'missing'],
  ])('%s vs %s: %s', (a, b, expected) => {
    expect(level(birthDate, { birth_date: a }, { birth_date: b })).toBe(expected);
  });
  it('a stand-in date (Excel day zero, 1900-01-01, the Unix epoch, 2099) is missing, not agreement', () => {
    for (const d of ['1899-12-31', '31/12/1899', '1900-01-01', '1970-01-01', '2099-01-01'])
      expect(level(birthDate, { birth_date: d }, { birth_date: d })).toBe('missing');
    expect(level(birthDate, { birth_date: '1900-01-01' }, { birth_date: '1985-03-07' })).toBe('missing');
  });
});

describe('email', () => {
  it('canonical gmail addresses are exact', () => {
    expect(level(email, { email: 'john.smith+crm@gmail.com' }, { email: 'JohnSmith@googlemail.com' })).toBe('exact (canonical)');
    expect(level(email, { email: 'jsmith@acme.com' }, { email: 'jsmith@acme.co.uk' })).toBe('same local part');
    expect(level(email, { email: 'noemail@gmail.com' }, { email: 'NoEmail@gmail.com' })).toBe('missing');
    expect(level(email, { email: 'jonathansmithers@smith.net' }, { email: 'jonathansmitehrs@smith.net' })).toBe('local part jaro-winkler ≥ 0.95');
    // Namesakes' addresses look alike (both built from the name): that is name evidence, not email evidence.
    expect(level(email, { email: 'niamhali80@gmail.com' }, { email: 'niamh.ali@yahoo.co.uk' })).toBe('different');
    expect(level(email, { email: 'a@x.com' }, { email: 'zed@y.com' })).toBe('different');
  });
});

describe('phone', () => {
  it('compares E.164 and falls back to the last 7 digits', () => {
    expect(level(phone, { phone: '030 2847561', country: 'DE' }, { phone: '+49 30 2847561' })).toBe('exact (E.164)');
    expect(level(phone, { phone: '2847561' }, { mobile: '+49 30 2847561' })).toBe('same last 7 digits');
    expect(level(phone, { phone: '0302847561' }, { phone: '0307654398' })).toBe('different');
  });
  it('counts a filler number shared by strangers as missing, not as agreement', () => {
    expect(level(phone, { phone: '000-000-0000' }, { phone: '000-000-0000' })).toBe('missing');
    expect(level(phone, { phone: '+49 0000 000000' }, { mobile: '0000000000', country: 'DE' })).toBe('missing');
  });
});

describe('street and company', () => {
  it('agrees on abbreviated streets', () => {
    expect(level(street, { street: '12 High St.' }, { street: '12 high street' })).toBe('exact');
    expect(level(street, { street: '27 Washington Oak Park IL' }, { street: '27 Washington St' })).toBe('same number, similar words');
    expect(level(street, { street: '12 High St' }, { street: '7 Low Road' })).toBe('different');
  });
  it('ignores legal forms', () => {
    expect(level(company, { company: 'Acme Widgets Ltd.' }, { company: 'ACME WIDGETS LIMITED' })).toBe('exact (legal form removed)');
    expect(level(company, { company: 'Siemens AG' }, { company: 'Siemens Healthineers AG' })).toBe('most words shared');
  });
});
