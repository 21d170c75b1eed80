/**
 * Dates and time stamps to ISO 8601. Expected values worked out by hand;
 * "now" is 2026-06-01, so two-digit years up to 26 are this century.
 */
import { describe, expect, it } from 'vitest';
import { standardiseValue } from '../../../main/standardize/standardise-record.ts';
import { DateOrderEvidence } from '../../../main/standardize/standardise-date.ts';
import type { DateOrder } from '../../../main/standardize/date.ts';
import type { StandardiseContext } from '../../../main/standardize/standardiser.ts';

const now = new Date('2026-06-01T00:00:00Z');
const ctx = (dateOrder?: DateOrder): StandardiseContext => ({ recordCountry: undefined, sourceCountry: undefined, dateOrder, now });

type Row = [raw: string | number, order: DateOrder | undefined, expected: string, rule: string, confidence: number];

const birthDates: Row[] = [
  ['1985-3-7', undefined, '1985-03-07', 'date_iso', 1],
  ['07.03.1985', undefined, '1985-03-07', 'date_iso', 1],
  ['7.3.1985', undefined, '1985-03-07', 'date_iso', 1],
  ['29.02.2024', undefined, '2024-02-29', 'date_iso', 1],
  ['25/12/1990', undefined, '1990-12-25', 'date_iso', 1],
  ['12/25/1990', undefined, '1990-12-25', 'date_iso', 1],
  ['25/12/1990', 'MDY', '1990-12-25', 'date_iso', 1],
  ['03/03/1985', undefined, '1985-03-03', 'date_iso', 1],
  ['20-09-1976', undefined, '1976-09-20', 'date_iso', 1],
  ['1985年3月7日', undefined, '1985-03-07', 'date_iso', 1],
  ['2021年3月4日', undefined, '2021-03-04', 'date_iso', 1],
  ['1985 年 3 月 7 日', undefined, '1985-03-07', 'date_iso', 1],
  ['1985年03月07日', undefined, '1985-03-07', 'date_iso', 1],
  ['1985/03/07', undefined, '1985-03-07', 'date_iso', 1],
  ['1985.03.07', undefined, '1985-03-07', 'date_iso', 1],
  ['19850307', undefined, '1985-03-07', 'date_iso', 1],
  ['7 March 1985', undefined, '1985-03-07', 'date_iso', 1],
  ['March 7, 1985', undefined, '1985-03-07', 'date_iso', 1],
  ['7-Mar-1985', undefined, '1985-03-07', 'date_iso', 1],
  ['7. März 1985', undefined, '1985-03-07', 'date_iso', 1],
  ['7 marzo 1985', undefined, '1985-03-07', 'date_iso', 1],
  ['1985-03-07T00:00:00Z', undefined, '1985-03-07', 'date_iso', 1],
  ['1985-03-07 00:00:00', undefined, '1985-03-07', 'date_iso', 1],
  // The column's order settles what the value cannot.
  ['07/03/1985', 'DMY', '1985-03-07', 'date_iso_inferred', 0.9],
  ['07/03/1985', 'MDY', '1985-07-03', 'date_iso_inferred', 0.9],
  ['07-03-1985', 'DMY', '1985-03-07', 'date_iso_inferred', 0.9],
  // Two-digit years: the century is inferred (this one's until its two digits, then the last).
  ['12/13/57', undefined, '1957-12-13', 'date_iso_inferred', 0.85],
  ['7-Mar-85', undefined, '1985-03-07', 'date_iso_inferred', 0.85],
  ['3/7/85', 'MDY', '1985-03-07', 'date_iso_inferred', 0.8],
  ['1/2/20', 'DMY', '2020-02-01', 'date_iso_inferred', 0.8],
  // Excel serial numbers: 31113 days after 1899-12-30.
  [31113, undefined, '1985-03-07', 'date_excel_serial', 0.7],
  ['31113', undefined, '1985-03-07', 'date_excel_serial', 0.7],
  // Only spaces.
  ['  1985-03-07 ', undefined, '1985-03-07', 'text_whitespace', 1],
];

const stamps: Row[] = [
  ['2025-02-15 22:35:59', undefined, '2025-02-15T22:35:59', 'date_iso', 1],
  ['2023-12-22T03:24:44+0200', undefined, '2023-12-22T03:24:44+02:00', 'date_iso', 1],
  ['2023-12-22 03:24:44 UTC', undefined, '2023-12-22T03:24:44Z', 'date_iso', 1],
  ['2023-12-22 03:24', undefined, '2023-12-22T03:24:00', 'date_iso', 1],
  ['15/06/2023 12:57', undefined, '2023-06-15T12:57:00', 'date_iso', 1],
  ['12/25/2021 12:05 AM', undefined, '2021-12-25T00:05:00', 'date_iso', 1],
  ['2025/11/9 12:02:03', undefined, '2025-11-09T12:02:03', 'date_iso', 1],
  ['11.07.2026 12:25', undefined, '2026-07-11T12:25:00', 'date_iso', 1],
  ['2021年3月4日 10:15', undefined, '2021-03-04T10:15:00', 'date_iso', 1],
  ['04.03.2021', undefined, '2021-03-04', 'date_iso', 1],
  ['02/03/2022 02:57', 'DMY', '2022-03-02T02:57:00', 'date_iso_inferred', 0.9],
  ['3/4/2021 2:15 PM', 'MDY', '2021-03-04T14:15:00', 'date_iso_inferred', 0.9],
  // 44256 is 2021-03-01 (44197 is 2021-01-01, plus 59 days); .4375 of a day is 10:30.
  ['44256.4375', undefined, '2021-03-01T10:30:00', 'date_excel_serial', 0.7],
];

describe('birth dates to YYYY-MM-DD', () => {
  it.each(birthDates)('%s (column order %s) → %s by %s', (raw, order, expected, rule, confidence) => {
    expect(standardiseValue('birth_date', raw, ctx(order))).toMatchObject({ kind: 'change', value: expected, rule, confidence });
  });

  it.each([['1985-03-07'], ['31/02/1985'], ['13/13/1985'], ['1985-13-45'], ['yesterday'], ['unknown'], ['n/a'], ['00/00/0000'], ['85'], ['']])('%s gets nothing', (raw) => {
    expect(standardiseValue('birth_date', raw, ctx())).toBeNull();
  });

  it('flags a slash or dash date its column cannot settle, with both readings', () => {
    expect(standardiseValue('birth_date', '07/03/1985', ctx())).toEqual({
      kind: 'flag', rule: 'date_ambiguous', params: { value: '07/03/1985', reason: 'order', dayFirst: '1985-03-07', monthFirst: '1985-07-03' },
    });
    expect(standardiseValue('birth_date', '07-03-1985', ctx())).toMatchObject({ kind: 'flag', rule: 'date_ambiguous' });
    expect(standardiseValue('birth_date', '3/7/85', ctx())).toMatchObject({ kind: 'flag', params: { dayFirst: '1985-07-03', monthFirst: '1985-03-07' } });
  });

  it('flags a birth date whose time of day may have shifted it', () => {
    expect(standardiseValue('birth_date', '1985-03-06T23:00:00Z', ctx())).toEqual({
      kind: 'flag', rule: 'date_ambiguous', params: { value: '1985-03-06T23:00:00Z', reason: 'time', date: '1985-03-06' },
    });
  });
});

describe('time stamps to YYYY-MM-DDTHH:mm:ss, no zone invented', () => {
  it.each(stamps)('%s (column order %s) → %s by %s', (raw, order, expected, rule, confidence) => {
    expect(standardiseValue('created_at', raw, ctx(order))).toMatchObject({ kind: 'change', value: expected, rule, confidence });
  });

  it.each([['2023-12-22T03:24:44Z'], ['2023-12-22T03:24:44+02:00'], ['2023-12-22T03:24:44.123Z'], ['2023-12-22T03:24:44'], ['2021-03-04'], ['2021-03-04 25:00']])(
    '%s gets nothing', (raw) => {
      expect(standardiseValue('updated_at', raw, ctx())).toBeNull();
    });

  it('flags an ambiguous stamp', () => {
    expect(standardiseValue('updated_at', '02/03/2022 02:57', ctx())).toMatchObject({
      kind: 'flag', rule: 'date_ambiguous', params: { value: '02/03/2022 02:57', dayFirst: '2022-03-02', monthFirst: '2022-02-03' },
    });
  });
});

describe('DateOrderEvidence', () => {
  const feed = (values: (string | number | null)[]): DateOrderEvidence => {
    const e = new DateOrderEvidence();
    for (const v of values) e.add(v);
    return e;
  };

  it('infers day-first from five settling values; ambiguous ones do not vote', () => {
    const e = feed(['25/12/1990', '13/01/1985', '30/06/1970', '15/02/2000', '28/11/1999', '07/03/1985', '01/02/1990']);
    expect([e.dayFirst, e.monthFirst, e.ambiguous]).toEqual([5, 0, 2]);
    expect(e.inferredOrder()).toBe('DMY');
  });

  it('infers month-first, time stamps and dashes included', () => {
    expect(feed(['12/25/1990', '1/31/2001 10:15', '02-28-1999', '6/13/75', '11/30/2000']).inferredOrder()).toBe('MDY');
  });

  it('has no opinion with fewer than five votes', () => {
    expect(feed(['25/12/1990', '13/01/1985', '30/06/1970', '15/02/2000', '07/03/1985']).inferredOrder()).toBeUndefined();
    expect(feed([]).inferredOrder()).toBeUndefined();
  });

  it('needs 95% agreement: 19 to 1 settles, 18 to 2 contradicts itself', () => {
    const dmy = Array.from({ length: 19 }, (_, i) => `${13 + (i % 15)}/0${1 + (i % 9)}/1980`);
    expect(feed([...dmy, '01/13/1980']).inferredOrder()).toBe('DMY');
    expect(feed([...dmy.slice(1), '01/13/1980', '02/14/1980']).inferredOrder()).toBeUndefined();
  });

  it('ignores ISO, dotted, Chinese, compact and month-name dates, numbers and blanks', () => {
    const e = feed(['1985-03-07', '25.12.1990', '1985年3月7日', '19850307', '7 March 1985', 31113, null, '', 'n/a', '2025/11/9 12:02:03', '32/13/1990']);
    expect([e.dayFirst, e.monthFirst, e.ambiguous]).toEqual([0, 0, 0]);
  });
});
