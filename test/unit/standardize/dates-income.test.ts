import { describe, expect, it } from 'vitest';
import { checkBirthDate, parseDate } from '../../../main/standardize/date.ts';
import { outlierThreshold, parseIncome, robustStats, robustZ } from '../../../main/standardize/income.ts';

const now = new Date('2025-07-01T00:00:00Z');
const iso = (d: ReturnType<typeof parseDate>) => (d ? new Date(d.time).toISOString().slice(0, 10) : undefined);

describe('dates in many formats', () => {
  it.each([
    ['1985-03-07', 'DMY', '1985-03-07'],
    ['1985-03-07T10:15:00Z', 'DMY', '1985-03-07'],
    ['1985-3-7', 'DMY', '1985-03-07'],
    ['07/03/1985', 'DMY', '1985-03-07'],
    ['07/03/1985', 'MDY', '1985-07-03'],
    ['3/7/85', 'MDY', '1985-03-07'],
    ['3/7/85', 'DMY', '1985-07-03'],
    ['25/12/1990', 'MDY', '1990-12-25'],
    ['12/25/1990', 'DMY', '1990-12-25'],
    ['07.03.1985', 'MDY', '1985-03-07'],
    ['7.3.85', 'DMY', '1985-03-07'],
    ['07-03-1985', 'DMY', '1985-03-07'],
    ['1985年3月7日', 'DMY', '1985-03-07'],
    ['1985年03月07日', 'DMY', '1985-03-07'],
    ['1985 年 3 月 7 日', 'DMY', '1985-03-07'],
    ['1985/03/07', 'DMY', '1985-03-07'],
    ['19850307', 'DMY', '1985-03-07'],
    ['7 March 1985', 'DMY', '1985-03-07'],
    ['7-Mar-1985', 'DMY', '1985-03-07'],
    ['March 7, 1985', 'DMY', '1985-03-07'],
    ['1/2/20', 'DMY', '2020-02-01'],
    ['1/2/30', 'DMY', '1930-02-01'],
  ] as const)('%s (%s) is %s', (v, order, expected) => expect(iso(parseDate(v, order, now))).toBe(expected));

  it.each([['31/02/1985'], ['1985-13-45'], ['2023-02-29'], ['19851307'], ['yesterday'], ['85'], ['1985年13月1日'], ['32.01.1990']])('%s is not a date', (v) => {
    expect(parseDate(v, 'DMY', now)).toBeUndefined();
  });

  it('reads a leap day', () => expect(iso(parseDate('29.02.2024', 'DMY', now))).toBe('2024-02-29'));
});

describe('birth dates are plausible', () => {
  it.each([
    ['07/03/2085', 'future'], ['2025-07-02', 'future'], ['1850-01-01', 'implausible'], ['1904-06-30', 'implausible'],
    ['1985-03-07', 'valid'], ['2025-07-01', 'valid'], ['1905-07-01', 'valid'], ['not a date', 'unparseable'],
  ])('%s is %s', (v, status) => expect(checkBirthDate(v, 'DMY', now).status).toBe(status));

  it('counts age in whole years', () => {
    expect(checkBirthDate('1985-07-02', 'DMY', now)).toMatchObject({ status: 'valid', age: 39 });
    expect(checkBirthDate('1985-07-01', 'DMY', now)).toMatchObject({ status: 'valid', age: 40 });
  });
});

describe('incomes', () => {
  it.each([
    ['52,000.00', 52000], ['€52.000', 52000], ['52.000,50 €', 52000.5], ['52k', 52000], ['52K', 52000], ['1.2M', 1200000], ['5万', 50000], ['5.5万', 55000],
    ['¥ 300,000', 300000], ['RMB 8000', 8000], ['$75,500', 75500], ['52 000', 52000], ['-500', -500], ['(1,200)', -1200], ['52000', 52000], ['52000.75', 52000.75],
    ["120'000", 120000], ['1,5', 1.5], ['60000/yr', 60000],
  ])('%s is %d', (v, n) => expect(parseIncome(v)?.value).toBeCloseTo(n, 6));

  it.each([['lots'], ['n/a'], ['52,00,0'], ['12-34'], ['']])('%s is not an amount', (v) => expect(parseIncome(v)).toBeUndefined());

  it('passes numbers through', () => expect(parseIncome(41000)?.value).toBe(41000));

  it('flags outliers by the robust z-score on the log scale', () => {
    const incomes = [30000, 35000, 40000, 42000, 45000, 48000, 50000, 52000, 55000, 60000, 65000, 70000, 1e10, 3];
    const stats = robustStats(Float64Array.from(incomes), incomes.length)!;
    const outliers = incomes.filter((v) => Math.abs(robustZ(v, stats) ?? 0) > outlierThreshold);
    expect(outliers).toEqual([1e10, 3]);
  });
});
