/**
 * The standardisers answer common shapes by character codes (clean text,
 * lower-case e-mails at a fine domain, stamps with a time, single-case
 * checks). These tests hold each fast path to its general one on generated
 * values, edge cases included.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../../resources/generator/prng.ts';
import { cleanText, generalCleanText } from '../../../main/standardize/standardise-text.ts';
import { generalStandardiseEmail, standardiseEmail } from '../../../main/standardize/standardise-email.ts';
import { DateOrderEvidence, generalStandardiseDate, settledOrder, standardiseDate } from '../../../main/standardize/standardise-date.ts';
import { isSingleCase } from '../../../main/standardize/standardise-case.ts';

function strings(alphabet: string[], count: number, max: number, seed: number): string[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(r() * (max + 1)) }, () => alphabet[Math.floor(r() * alphabet.length)]).join(''));
}

const textChars = [
  ...'abcXYZ019 ', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u3000', '\u200b', '\u200d', '\ufeff', '\u00ad', '\u200e', '\u0301', '\u0308', 'é', 'ß', 'Ž',
  'Ω', '\u2126', '\u212b', 'Å', 'й', '王', '伟', '\uf900', '한', '\u1100', '\u1161', 'か', '\u3099', 'ー', '，', 'Ａ', '—', '…', '\u2028', '\u0000', '\u007f', '\u0374',
];

describe('fast paths agree with the general ones', () => {
  it('clean text', () => {
    for (const v of strings(textChars, 20000, 12, 1)) {
      expect([v, cleanText(v)]).toEqual([v, generalCleanText(v)]);
      expect([v, cleanText(v, true)]).toEqual([v, generalCleanText(v, true)]);
    }
  });

  it('e-mails', () => {
    const locals = ['anna', 'a.b', '.anna', 'anna.', 'a..b', 'li_na+crm', 'x', 'a'.repeat(70), 'o\'brien', 'Anna', 'an na', 'mailto:anna', ''];
    const domains = ['gmail.com', 'gmial.com', 'gmail.con', 'gmail', 'gmail,com', 'gmail..com', 'yahoo.co.in', 'yahoo.co.k', '163.com', '163.con', 'acme-corp.de',
      '-acme.de', 'web.de', 'x.y', 'a.b1', 'qq.co', 'hotmail.com.ar', 'GMAIL.com', ''];
    const r = rng(2);
    const samples = [...locals.flatMap((l) => domains.map((d) => `${l}@${d}`)), ...strings([...'ab.@-_+ cA1,:'], 3000, 14, 3)];
    for (let i = 0; i < 2000; i++) samples.push(`${locals[Math.floor(r() * locals.length)]}@@${domains[Math.floor(r() * domains.length)]}`);
    for (const v of samples) expect([v, standardiseEmail(v)]).toEqual([v, generalStandardiseEmail(v)]);
  });

  it('dates and stamps', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const samples = [
      '2025-02-15 22:35:59', '2025-02-15T22:35:59', '2025-02-15 22:35', '2025-02-30 10:00', '2025-02-15 24:00', '2025-02-15 23:60:00', '15/06/2023 12:57',
      '02/03/2022 02:57', '11.07.2026 12:25', '2021年10月4日 10:15', '20-09-1976 00:00', '1985-03-07 00:00:00', '1985-03-06T23:00:00', '12/25/2021 12:05 AM',
      ...strings([...'0123456789', '0', '1', '2', '-', '/', '.', ' ', ':', 'T'], 20000, 19, 4),
    ];
    for (const v of samples) {
      for (const kind of ['date', 'stamp'] as const) {
        for (const dateOrder of [undefined, 'DMY', 'MDY'] as const) {
          expect([v, kind, standardiseDate(v, kind, { dateOrder, now })]).toEqual([v, kind, generalStandardiseDate(v, kind, { dateOrder, now })]);
        }
      }
    }
  });

  it('date-order evidence, against the same reading by a regex', () => {
    const shape = /^ *(\d{1,2})([/-])(\d{1,2})\2(?:\d{2}|\d{4})(?:[ T]|$)/;
    const samples = ['25/12/1990', ' 7/3/85', '07-03-1985T10:00', '1/13/2001 10:00', '00/12/1990', '13/13/1990', '123/1/1990', '1/1/199', ...strings([...'0123456789', '1', '2', '/', '-', ' ', 'T', ':'], 30000, 14, 6)];
    for (const v of samples) {
      const fast = new DateOrderEvidence();
      fast.add(v);
      const expected = { dayFirst: 0, monthFirst: 0, ambiguous: 0 };
      const m = shape.exec(v);
      if (m && +m[1] >= 1 && +m[3] >= 1 && !(+m[1] > 12 && +m[3] > 12)) {
        const settled = settledOrder(+m[1], +m[3], m[2]);
        if (settled === 'DMY') expected.dayFirst++;
        else if (settled === 'MDY') expected.monthFirst++;
        else if (settled === undefined) expected.ambiguous++;
      }
      expect([v, { dayFirst: fast.dayFirst, monthFirst: fast.monthFirst, ambiguous: fast.ambiguous }]).toEqual([v, expected]);
    }
  });

  it('single case', () => {
    for (const v of strings([...'aBcD1 -.', 'é', 'É', '王', 'ß'], 10000, 10, 5)) {
      const upper = v.toUpperCase();
      const lower = v.toLowerCase();
      expect([v, isSingleCase(v)]).toEqual([v, upper !== lower && (v === upper || v === lower)]);
    }
  });
});
