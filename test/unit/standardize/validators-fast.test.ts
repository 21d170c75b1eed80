/**
 * The validators answer the common shapes of a value (plain ASCII phones,
 * ISO and dd/MM/yyyy dates, ASCII names, values starting with a digit) by
 * reading character codes instead of running their regexes. These tests hold
 * the fast paths to the general ones on generated values, edge cases included.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../../resources/generator/prng.ts';
import { detectPlaceholder, generalPlaceholder } from '../../../main/standardize/placeholder.ts';
import { checkPhone, generalCheckPhone } from '../../../main/standardize/phone.ts';
import { phoneFormat, generalPhoneFormat } from '../../../main/quality/format-pattern.ts';
import { parseDate, generalParseDate } from '../../../main/standardize/date.ts';
import { checkName, generalCheckName } from '../../../main/standardize/name.ts';


/** Random strings over an alphabet, lengths 0..max. */
function strings(alphabet: string[], count: number, max: number, seed: number): string[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(r() * (max + 1)) }, () => alphabet[Math.floor(r() * alphabet.length)]).join(''));
}

const phoneChars = [...'0123456789', '0', '0', '1', ' ', ' ', '(', ')', '+', '-', '.', '/', '\t', '＋', '５', 'x', '#', 'e'];
const phoneSamples = [
  '', ' ', '-', '--', '---', '.', '..', '...', '0', '/', '00', '+', '(+', '( +44) 20', '+(44) 20 7946 0958', '(0)', '+49 (0)30 1234567', '000-000-0000', '+86 00000000000',
  '1234567890', '0987654321', '+1 234 567 8901', '  +44 7911 123456  ', '0049 30 1234567', '00 49 30', '001', '0044', '(415) 555-0134', '415.555.0134', '138 0013 8000',
  '+ 44 20', '(+86) 138-0013-8000', '020 7946  0958', '+44 ( 20 ) 7946', '11111', '+1 1111111111', '+7 8 800 555 35 35', '8 800 555 35 35', '(', ')', '+1234', '++44 20',
];
const countries = [undefined, 'US', 'DE', 'GB', 'CN', 'FR', 'RU', 'JP', 'BR'];

describe('fast paths agree with the general ones', () => {
  const phones = [...phoneSamples, ...strings(phoneChars, 4000, 18, 1), ...strings([...'0123456789 ()+-.'], 4000, 16, 2)];

  it('phone placeholders', () => {
    for (const v of phones) for (const field of ['phone', 'mobile']) expect([v, detectPlaceholder(v, field)]).toEqual([v, generalPlaceholder(v, field)]);
  });

  it('phone formats', () => {
    for (const v of phones) expect([v, phoneFormat(v)]).toEqual([v, generalPhoneFormat(v)]);
  });

  it('phone checks', () => {
    for (const v of phones.slice(0, 3000)) for (const c of countries) expect([v, c, checkPhone(v, c)]).toEqual([v, c, generalCheckPhone(v, c)]);
  });

  it('placeholders of values starting with a digit, and of emails', () => {
    const values = [
      '00', '0', '0 0', '01', '12 Main St', '1985-03-07', '2025-01-11T06:37:04Z', '0000', '0,00', '0.0', '9', '1st', '10115',
      'none@x.com', 'NoEmail@foo.de', 'x@example.com', 'a@b', 'UNKNOWN@x.y', 'no email@x.com', 'test@test.com', '@', 'n/a@', 'a@test.com ',
      ...strings([...'0123456789 -./:TZa@'], 3000, 14, 3), ...strings([...'notesabcdfkmxyu@.-_ 0'], 3000, 16, 4),
    ];
    const fields = [undefined, 'email', 'street', 'postcode', 'birth_date', 'updated_at', 'income', 'country', 'gender', 'company', 'full_name', 'given_name'];
    for (const v of values) for (const f of fields) expect([v, f, detectPlaceholder(v, f)]).toEqual([v, f, generalPlaceholder(v, f)]);
  });

  it('placeholders of names', () => {
    const values = [
      'Anna Smith', 'TEST', 'Test Test', 'TESTTEST', 'test  test', 'John Doe', 'JANE DOE', 'Max Mustermann', 'asdf', 'ASDFGH', 'Qwertz', 'AAAA', 'Aaa', 'aa', 'x', 'X',
      'Test 1', 'test_2', 'Dummy', 'fake-9', 'N/A', 'n / a', 'unknown', 'Unknown Customer', 'NaNa', 'nana', 'Nilnil', '--', '-', ' Anna', 'Anna ', 'Jo\tAnn', 'Zoë', '未知',
      'Customer', 'CUSTOMERCUSTOMER', 'abc123', 'ABC123ABC123', 'noneNONE', 'a b', 'Fulano De Tal',
      ...strings([...'tesTEdumyfakxqwrnoAUN 1_-/'], 6000, 12, 8),
    ];
    for (const v of values) for (const f of ['full_name', 'given_name', 'family_name']) expect([v, f, detectPlaceholder(v, f)]).toEqual([v, f, generalPlaceholder(v, f)]);
  });

  it('dates', () => {
    const values = [
      '1985-03-07', '1985-3-7', '2025-01-11T06:37:04Z', '2025-01-11 06:37:04', '2025-01-11T06:37:04', '2025-01-11T06:37:04+02:00', '2025-02-29', '2024-02-29', '1900-02-29', '2000-02-29',
      '2025-13-01', '2025-00-10', '2025-04-31', '0999-01-01', '07/03/1985', '13/03/1985', '03/13/1985', '07.03.1985', '07-03-1985', '07/03/85', '29/03/2023 13:16', '29/03/2023 13:16:05',
      '29/03/2023 01:16 PM', '7/3/1985', '07/03.1985', '31/02/2020', '00/00/0000', '1985年3月7日', '19850307', '7 March 1985', 'March 7, 1985', '', 'soon',
      ...strings([...'0123456789', '-', '-', '/', '.', ':', ' ', 'T', 'Z'], 6000, 20, 5),
    ];
    const r = rng(6);
    for (let k = 0; k < 3000; k++) {
      const y = 1000 + Math.floor(r() * 9000);
      const m = Math.floor(r() * 14);
      const d = Math.floor(r() * 33);
      const p = (n: number) => String(n).padStart(2, '0');
      values.push(`${y}-${p(m)}-${p(d)}`, `${p(d)}/${p(m)}/${y}`, `${p(m)}.${p(d)}.${y} 10:00`, `${y}-${p(m)}-${p(d)}T12:00:00Z`);
    }
    const now = new Date('2026-10-01T00:00:00Z');
    for (const v of values) for (const order of ['DMY', 'MDY'] as const) expect([v, order, parseDate(v, order, now)]).toEqual([v, order, generalParseDate(v, order, now)]);
  });

  it('names', () => {
    const values = ['Anna Smith', 'O\'Brien', 'Jo3', 'a@b', '....', 'aaaa', 'aaa', 'Ann\n\n\n\nB', 'x\r\r\r\ry', '---', '张伟', 'Zoë', '   ', 'Mary-Jane', 'AAAAb', ...strings([...'aAb .-\'@1\n'], 4000, 10, 7)];
    for (const v of values) expect([v, checkName(v)]).toEqual([v, generalCheckName(v)]);
  });
});
