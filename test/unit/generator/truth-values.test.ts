import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import countries from 'i18n-iso-countries';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { presetHeaders, type PresetName } from '../../../resources/generator/export-formats.ts';
import { excelGeneralText, excelNumber, excelPhone } from '../../../resources/generator/export/spreadsheet.ts';
import { readTruthFile, TRUTH_HEADER, TRUTH_HEADER_V1 } from '../../../resources/generator/export/truth-file.ts';
import { DATE_FORMAT_LABEL, formatDate, orderAmbiguous, readYear, type DateStyle } from '../../../resources/generator/format/dates.ts';
import { generateCustomers } from '../../../resources/generator/generate-people.ts';
import { LOCALES } from '../../../resources/generator/locales/index.ts';
import { e164 } from '../../../resources/generator/people/truth.ts';
import { ALL_LOCALES, type CellTruth, type Locale, type TruthField } from '../../../resources/generator/types.ts';
import { writeCsvExport, writeXlsxExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { decodeExport, parseCsv, type TruthRow } from './read-export.ts';

const tempDir = useTempDir();
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

const COUNTRY: Record<Locale, CountryCode> = { 'en-US': 'US', 'en-GB': 'GB', 'de-DE': 'DE', 'fr-FR': 'FR', 'es-ES': 'ES', 'it-IT': 'IT', 'nl-NL': 'NL', 'zh-CN': 'CN' };

/** Informal country names no ISO list holds; everything else is resolved by i18n-iso-countries, independently of the generator. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', 'u.s.a.': 'US', uk: 'GB', 'u.k.': 'GB', england: 'GB', brd: 'DE', 'federal republic of germany': 'DE', prc: 'CN',
  中华人民共和国: 'CN', holland: 'NL', 'the netherlands': 'NL', 'reino de españa': 'ES', 'république française': 'FR',
};
function resolveCountry(cell: string): string | undefined {
  const v = cell.trim();
  if (COUNTRY_ALIASES[v.toLowerCase()]) return COUNTRY_ALIASES[v.toLowerCase()];
  if (/^[a-z]{3}$/i.test(v) && countries.alpha3ToAlpha2(v.toUpperCase())) return countries.alpha3ToAlpha2(v.toUpperCase());
  if (/^[a-z]{2}$/i.test(v) && countries.isValid(v.toUpperCase())) return v.toUpperCase();
  for (const lang of ['en', 'de', 'fr', 'es', 'it', 'nl', 'zh']) {
    const code = countries.getAlpha2Code(v, lang);
    if (code) return code;
  }
  return undefined;
}

/** Gender spellings as each country's systems use them; 'M' in Spain is either, so it has no entry there. */
const GENDER_WORDS: Record<string, string> = {
  m: 'M', male: 'M', man: 'M', mr: 'M', männlich: 'M', herr: 'M', h: 'M', homme: 'M', 'm.': 'M', masculin: 'M', hombre: 'M', masculino: 'M',
  maschio: 'M', maschile: 'M', 'dhr.': 'M', 男: 'M', 男性: 'M', 先生: 'M',
  f: 'F', female: 'F', woman: 'F', mrs: 'F', ms: 'F', w: 'F', weiblich: 'F', frau: 'F', femme: 'F', mme: 'F', féminin: 'F', mujer: 'F',
  femenino: 'F', femmina: 'F', femminile: 'F', v: 'F', vrouw: 'F', 'mevr.': 'F', 女: 'F', 女性: 'F', 女士: 'F',
  x: 'X', 'non-binary': 'X', other: 'X', d: 'X', divers: 'X', autre: 'X', 'non-binaire': 'X', otro: 'X', 'no binario': 'X', altro: 'X',
  'non binario': 'X', anders: 'X', overig: 'X',
};
function readGender(cell: string, locale: string): string | undefined {
  const v = cell.trim().toLowerCase();
  if (locale === 'es-ES' && v === 'v') return 'M'; // varón
  if (locale === 'es-ES' && v === 'm') return undefined;
  return GENDER_WORDS[v];
}

/** Income read with the record's country's separators: "52.000,00 €" in Germany, "52,000.00" in the US, "5.2万" in China. */
function readIncome(cell: string, locale: string): number | undefined {
  let v = cell.replace(/[\u00a0]/g, ' ').replace(/[$£€¥元]|EUR|GBP/g, '').replace(/,-$/, '').trim();
  if (v.endsWith('万')) return Math.round(Number(v.slice(0, -1)) * 10_000);
  if (/^\d+k$/.test(v)) return Number(v.slice(0, -1)) * 1000;
  const commaDecimal = ['de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL'].includes(locale);
  v = commaDecimal ? v.replace(/[.\s]/g, '').replace(',', '.') : v.replace(/,/g, '');
  const n = Number(v);
  return v !== '' && Number.isFinite(n) ? n : undefined;
}

/** A date read in the pattern the truth names; `swap` reads the first two numbers the other way round. */
function readDate(cell: string, format: string, swap = false): string | undefined {
  const nums = (cell.match(/\d+/g) ?? []).map(Number);
  const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  let y: number, m: number, d: number;
  switch (format) {
    case 'y-m-d': case 'y/m/d': case 'y年m月d日': [y, m, d] = nums; break;
    case 'ymd': [y, m, d] = [Number(cell.slice(0, 4)), Number(cell.slice(4, 6)), Number(cell.slice(6))]; break;
    case 'd/m/y': case 'd.m.y': case 'd-m-y': [d, m, y] = nums; break;
    case 'm/d/y': [m, d, y] = nums; break;
    case 'm/d/yy': [m, d, y] = nums; y = readYear({ y, m, d }, 'mdy_short', 2026); break;
    case 'd mon y': [d, y] = nums; m = MON.findIndex((x) => cell.includes(x)) + 1; break;
    default: return undefined;
  }
  if (swap) [d, m] = [m, d];
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

interface Loaded {
  truth: TruthRow[];
  cell: (t: TruthRow, field: TruthField) => string | undefined;
}

async function csvExport(preset: PresetName, rows: number, seed: number, extra: Partial<Parameters<typeof writeCsvExport>[0]> = {}): Promise<Loaded> {
  const out = join(tempDir(), `${preset}-${seed}.csv`);
  await writeCsvExport({ out, rows, seed, preset, brokenRowRate: 0, generate: { errorRate: 0.3, duplicateRate: 0.25 }, ...extra });
  const parsed = parseCsv(decodeExport(out, 'utf8'), ',');
  const column = new Map(Object.entries(presetHeaders[preset]).map(([h, f]) => [f as string, parsed.header.indexOf(h)]));
  return {
    truth: readTruthFile(`${out}.truth.csv`) as TruthRow[],
    cell: (t, field) => (column.has(field) ? parsed.records[t.rowNumber - 1][column.get(field)!] : undefined),
  };
}

const FIELDS: readonly TruthField[] = ['email', 'phone', 'mobile', 'country', 'birth_date', 'gender', 'income'];

/** Checks every truth cell against its exported cell; returns how many recoverable values each field had. */
function checkAgainstCells({ truth, cell }: Loaded): Record<TruthField, number> {
  const recoverable = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<TruthField, number>;
  for (const t of truth) {
    const where = `row ${t.rowNumber} (${t.locale})`;
    for (const field of FIELDS) {
      const c = cell(t, field);
      const truthCell: CellTruth = t.truth![field];
      if (c === undefined || c === '') {
        // No column, or a blank cell: no value and nothing to recover.
        expect([where, field, truthCell.value, truthCell.recoverable]).toEqual([where, field, '', null]);
        continue;
      }
      expect([where, field, c, truthCell.recoverable === null]).toEqual([where, field, c, false]);
      if (truthCell.recoverable) {
        recoverable[field]++;
        expect([where, field, c, readCell(field, c, t)]).toEqual([where, field, c, truthCell.value]);
      }
    }
  }
  return recoverable;
}

function readCell(field: TruthField, c: string, t: TruthRow): string | undefined {
  switch (field) {
    case 'email': return c.trim().toLowerCase();
    case 'phone': case 'mobile': {
      const p = parsePhoneNumberFromString(c, COUNTRY[t.locale as Locale]);
      return p?.isValid() ? p.number : undefined;
    }
    case 'country': return resolveCountry(c);
    case 'birth_date': return readDate(c, t.truth!.birth_date.format);
    case 'gender': return readGender(c, t.locale);
    case 'income': {
      const n = readIncome(c, t.locale);
      return n === undefined ? undefined : String(n);
    }
  }
}

describe('truth values', () => {
  it('append their columns after the original ten', () => {
    expect(TRUTH_HEADER.startsWith(TRUTH_HEADER_V1 + ',')).toBe(true);
    expect(TRUTH_HEADER.split(',').slice(10)).toEqual([
      'email_true', 'email_recoverable', 'phone_true', 'phone_recoverable', 'mobile_true', 'mobile_recoverable',
      'country_true', 'country_recoverable', 'birth_date_true', 'birth_date_recoverable', 'birth_date_format', 'birth_date_ambiguous',
      'gender_true', 'gender_recoverable', 'income_true', 'income_currency', 'income_recoverable',
    ]);
  });

  it('agree with the rendered cells: a recoverable cell read in its country gives exactly the truth', async () => {
    const loaded = await csvExport('generic', 6000, 31);
    const counts = checkAgainstCells(loaded);
    for (const field of FIELDS) expect([field, counts[field]]).toEqual([field, expect.any(Number)]);
    expect(counts.email).toBeGreaterThan(4500);
    expect(counts.mobile).toBeGreaterThan(4500);
    expect(counts.phone).toBeGreaterThan(1200);
    expect(counts.country).toBeGreaterThan(4500);
    expect(counts.birth_date).toBeGreaterThan(4000);
    expect(counts.gender).toBeGreaterThan(4000);
    expect(counts.income).toBeGreaterThan(3000);
  });

  it('call a cell unrecoverable only for an injected error, a swapped day and month, or Spanish "M"', async () => {
    const { truth, cell } = await csvExport('generic', 6000, 32);
    const seen = new Set<string>();
    for (const t of truth) {
      const errored = new Set(t.errors.map((e) => e.field));
      for (const field of FIELDS) {
        const c = cell(t, field)!;
        const tc = t.truth![field];
        if (tc.recoverable !== false) continue;
        if (errored.has(field)) {
          seen.add(`${field}:error`);
          continue;
        }
        if (field === 'birth_date') {
          // A duplicate whose system read 07/03 as 3 July: the cell, read the other way round, is the birth date.
          expect([t.rowNumber, t.role, readDate(c, t.truth!.birth_date.format, true)]).toEqual([t.rowNumber, 'duplicate', tc.value]);
          seen.add('birth_date:swapped');
        } else if (field === 'gender') {
          expect([t.rowNumber, t.locale, c]).toEqual([t.rowNumber, 'es-ES', 'M']);
          seen.add('gender:es-M');
        } else throw new Error(`row ${t.rowNumber}: ${field} "${c}" unrecoverable without a reason`);
      }
      // A cell with an injected error is never recoverable, and it keeps the value it should have held unless it is a placeholder.
      for (const e of t.errors) {
        const tc = (t.truth as unknown as Record<string, CellTruth | undefined>)[e.field];
        if (!tc || e.kind === 'missing_value') continue;
        expect([t.rowNumber, e.field, e.kind, tc.recoverable]).toEqual([t.rowNumber, e.field, e.kind, false]);
        if (e.kind.startsWith('placeholder')) expect(tc.value).toBe('');
      }
    }
    expect([...seen].sort()).toEqual(['birth_date:error', 'birth_date:swapped', 'country:error', 'email:error', 'gender:error', 'gender:es-M', 'income:error', 'mobile:error', 'phone:error']);
  });

  it('emails: the truth is the trimmed lower-case address; case and spaces do not make a cell unrecoverable', async () => {
    const { truth, cell } = await csvExport('generic', 6000, 33);
    let upper = 0, spaced = 0;
    for (const t of truth) {
      const c = cell(t, 'email')!;
      const tc = t.truth!.email;
      expect(tc.value).toBe(tc.value.trim().toLowerCase());
      if (!tc.recoverable) continue;
      if (c !== c.toLowerCase()) upper++;
      if (c !== c.trim()) spaced++;
    }
    // About 2% capitalised or upper case plus duplicates' case variation; about 1% with a space.
    expect(upper / truth.length).toBeGreaterThan(0.01);
    expect(upper / truth.length).toBeLessThan(0.06);
    expect(spaced / truth.length).toBeGreaterThan(0.004);
    expect(spaced / truth.length).toBeLessThan(0.02);
  });

  it('birth dates: ambiguous exactly when a slash or dash date starts with two different numbers ≤ 12', async () => {
    const { truth, cell } = await csvExport('generic', 6000, 34);
    const formats = new Set<string>();
    let ambiguous = 0;
    for (const t of truth) {
      const c = cell(t, 'birth_date')!;
      const b = t.truth!.birth_date;
      if (b.format === '') {
        expect(b.ambiguous).toBe(null);
        continue;
      }
      formats.add(b.format);
      const [a, second] = (c.match(/\d+/g) ?? []).map(Number);
      const expected = /^[dm][/-][dm][/-]y/.test(b.format) && a <= 12 && second <= 12 && a !== second;
      expect([c, b.format, b.ambiguous]).toEqual([c, b.format, expected]);
      if (b.ambiguous) ambiguous++;
      if (b.recoverable) {
        // Unambiguous dates read the same whichever order a reader assumes (or only one order is a date).
        const other = readDate(c, b.format, true);
        if (!b.ambiguous && other !== undefined && /^[dm][/-][dm]/.test(b.format)) expect([c, other]).toEqual([c, b.value]);
        if (b.ambiguous) expect(other).not.toBe(b.value);
      }
    }
    expect([...formats].sort()).toEqual(['d mon y', 'd-m-y', 'd.m.y', 'd/m/y', 'm/d/y', 'm/d/yy', 'y-m-d', 'y/m/d', 'ymd', 'y年m月d日']);
    expect(ambiguous).toBeGreaterThan(500);
  });

  it('birth date flags on hand-picked dates', () => {
    const style = (s: DateStyle, y: number, m: number, d: number) => ({ text: formatDate({ y, m, d }, s), format: DATE_FORMAT_LABEL[s], ambiguous: orderAmbiguous({ y, m, d }, s) });
    expect(style('dmy_slash', 1985, 3, 7)).toEqual({ text: '07/03/1985', format: 'd/m/y', ambiguous: true });
    expect(style('mdy_slash', 1985, 3, 7)).toEqual({ text: '03/07/1985', format: 'm/d/y', ambiguous: true });
    expect(style('m_d_y_slash', 1985, 3, 17)).toEqual({ text: '3/17/1985', format: 'm/d/y', ambiguous: false });
    expect(style('dmy_dash', 1985, 11, 11)).toEqual({ text: '11-11-1985', format: 'd-m-y', ambiguous: false });
    expect(style('dmy_dash', 1985, 11, 12)).toEqual({ text: '12-11-1985', format: 'd-m-y', ambiguous: true });
    expect(style('mdy_short', 1985, 3, 7)).toEqual({ text: '3/7/85', format: 'm/d/yy', ambiguous: true });
    // Dots are day-first wherever they are written; year-first forms are always year-month-day.
    expect(style('dmy_dot', 1985, 3, 7)).toEqual({ text: '07.03.1985', format: 'd.m.y', ambiguous: false });
    expect(style('iso', 1985, 3, 7)).toEqual({ text: '1985-03-07', format: 'y-m-d', ambiguous: false });
    expect(style('ymd_slash', 1985, 3, 7)).toEqual({ text: '1985/3/7', format: 'y/m/d', ambiguous: false });
    expect(style('zh', 2021, 3, 4)).toEqual({ text: '2021年3月4日', format: 'y年m月d日', ambiguous: false });
    expect(style('d_mon_y', 1985, 3, 7)).toEqual({ text: '7 Mar 1985', format: 'd mon y', ambiguous: false });
    expect(readYear({ y: 1985, m: 3, d: 7 }, 'mdy_short', 2026)).toBe(1985);
    expect(readYear({ y: 2004, m: 3, d: 7 }, 'mdy_short', 2026)).toBe(2004);
    expect(readYear({ y: 1926, m: 3, d: 7 }, 'mdy_short', 2026)).toBe(2026);
  });

  it('phones: E.164 of each locale\'s numbers is what libphonenumber reads from every spelling', () => {
    for (const locale of ALL_LOCALES) {
      const records = [...generateCustomers({ count: 400, seed: 9, locales: [locale], errorRate: 0, duplicateRate: 0 })];
      for (const r of records) {
        for (const field of ['phone', 'mobile'] as const) {
          if (!r.values[field]) continue;
          const p = parsePhoneNumberFromString(r.values[field], COUNTRY[locale]);
          expect([locale, r.values[field], p?.isValid() && p.number]).toEqual([locale, r.values[field], r.truth[field].value]);
        }
      }
    }
    expect(e164(LOCALES['de-DE'], { area: '151', sub: '12345678', mobile: true })).toBe('+4915112345678');
    expect(e164(LOCALES['it-IT'], { area: '06', sub: '12345678', mobile: false })).toBe('+390612345678');
  });

  it('spreadsheet damage: digits-only phones lose + and zeros, long ones become scientific notation and unrecoverable', async () => {
    expect(excelNumber('+4915112345678')).toBe(4915112345678);
    expect(excelNumber('0612345678')).toBe(612345678);
    expect(excelNumber('030 1234567')).toBe(null);
    expect(excelNumber('+44 (0)20 7946 0018')).toBe(null);
    expect(excelGeneralText(4915112345678)).toBe('4.91511E+12');
    expect(excelGeneralText(8613812345678)).toBe('8.61381E+12');
    expect(excelGeneralText(100000000000)).toBe('1E+11');
    expect(excelGeneralText(13812345678)).toBe('13812345678');
    const truth = (value: string): CellTruth => ({ value, recoverable: true });
    expect(excelPhone('+4915112345678', 'text', 'DE', truth('+4915112345678'))).toEqual({ text: '4.91511E+12', truth: { value: '+4915112345678', recoverable: false } });
    // A UK mobile without its trunk 0 is still the same number in the UK.
    expect(excelPhone('07400123456', 'text', 'GB', truth('+447400123456'))).toEqual({ text: '7400123456', truth: truth('+447400123456') });
    // An Italian landline keeps its 0 in the international number: without it, it is another (invalid) number.
    expect(excelPhone('0612345678', 'text', 'IT', truth('+390612345678'))).toEqual({ text: '612345678', truth: { value: '+390612345678', recoverable: false } });
    expect(excelPhone('+44 7400 123456', 'text', 'GB', truth('+447400123456'))).toBe(null);

    const { truth: rows, cell } = await csvExport('hubspot', 4000, 35, { spreadsheetRate: 1, generate: { errorRate: 0 } });
    let scientific = 0, recoverable = 0;
    for (const t of rows) {
      for (const field of ['phone', 'mobile'] as const) {
        const c = cell(t, field)!;
        if (/E\+/.test(c)) {
          scientific++;
          expect([c, t.truth![field].recoverable]).toEqual([c, false]);
          expect(t.truth![field].value).toMatch(/^\+\d+$/);
        } else if (t.truth![field].recoverable) {
          recoverable++;
          const p = parsePhoneNumberFromString(c, COUNTRY[t.locale as Locale]);
          expect([c, p?.isValid() && p.number]).toEqual([c, t.truth![field].value]);
        }
      }
    }
    // Excel only touches digits-only cells: E.164 as typed (3%) become scientific notation; national ones lose their zero.
    expect(scientific / rows.length).toBeGreaterThan(0.01);
    expect(scientific / rows.length).toBeLessThan(0.08);
    expect(recoverable / rows.length).toBeGreaterThan(1);
  });

  it('an .xlsx touched by Excel holds such phones as whole numbers; its truth agrees with the cells a reader gets', async () => {
    const out = join(tempDir(), 'd.xlsx');
    await writeXlsxExport({ out, rows: 1500, seed: 36, preset: 'dynamics365', spreadsheetRate: 1, generate: { errorRate: 0.2 } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const column = new Map(Object.entries(presetHeaders.dynamics365).map(([h, f]) => [f as string, header.indexOf(h) + 1]));
    const truth = readTruthFile(`${out}.truth.csv`) as TruthRow[];
    let numbers = 0;
    const counts = checkAgainstCells({
      truth,
      cell: (t, field) => {
        if (!column.has(field)) return undefined;
        const v = sheet.getRow(t.lineNumber).getCell(column.get(field)!).value;
        if (typeof v === 'number' && (field === 'phone' || field === 'mobile')) numbers++;
        return v === null || v === undefined ? '' : String(v);
      },
    });
    expect(numbers).toBeGreaterThan(100);
    expect(counts.mobile).toBeGreaterThan(1000);
  });

  it('a Chinese ERP export spells foreign customers\' countries in Chinese, and the truth still holds', async () => {
    const loaded = await csvExport('chinese_erp', 3000, 37, { generate: { errorRate: 0.3, localeWeights: { 'zh-CN': 2, 'de-DE': 1, 'en-US': 1 } } });
    checkAgainstCells(loaded);
    const foreign = loaded.truth.filter((t) => t.locale !== 'zh-CN' && t.truth!.country.recoverable);
    const chinese = foreign.filter((t) => /[\u4e00-\u9fff]/.test(loaded.cell(t, 'country')!));
    expect(chinese.length / foreign.length).toBeGreaterThan(0.5);
    expect(chinese.length / foreign.length).toBeLessThan(0.7);
  });

  it('incomes show a currency exactly when the cell has a symbol or code', async () => {
    const { truth, cell } = await csvExport('generic', 4000, 38);
    const currencies = new Set<string>();
    for (const t of truth) {
      const c = cell(t, 'income')!;
      const tc = t.truth!.income;
      if (tc.value === '') {
        expect(tc.currency).toBe('');
        continue;
      }
      expect([c, tc.currency !== '']).toEqual([c, /[$£€¥元]|EUR|GBP/.test(c)]);
      if (tc.currency) currencies.add(`${t.locale}:${tc.currency}`);
    }
    expect([...currencies].sort()).toEqual(['de-DE:EUR', 'en-GB:GBP', 'en-US:USD', 'es-ES:EUR', 'fr-FR:EUR', 'it-IT:EUR', 'nl-NL:EUR', 'zh-CN:CNY']);
  });

  it('new spellings appear at small rates: E.164 phones, country codes and cases, a third gender', () => {
    const records = [...generateCustomers({ count: 30000, seed: 12, errorRate: 0 })];
    const share = (pred: (r: (typeof records)[number]) => boolean) => records.filter(pred).length / records.length;
    expect(share((r) => /^\+\d+$/.test(r.values.mobile))).toBeGreaterThan(0.02);
    expect(share((r) => /^\+\d+$/.test(r.values.mobile))).toBeLessThan(0.06);
    expect(share((r) => /^[A-Z]{3}$/.test(r.values.country) && r.values.country !== 'USA')).toBeGreaterThan(0.008);
    expect(share((r) => r.values.country !== r.values.country.trim())).toBeGreaterThan(0.005);
    expect(share((r) => r.truth.gender.value === 'X')).toBeGreaterThan(0.002);
    expect(share((r) => r.truth.gender.value === 'X')).toBeLessThan(0.006);
    expect(records.filter((r) => r.locale === 'zh-CN').every((r) => r.truth.gender.value !== 'X')).toBe(true);
  });

  it('are deterministic for a seed, spreadsheet damage included', async () => {
    const dir = tempDir();
    const opts = { rows: 1500, seed: 3, preset: 'hubspot' as const, spreadsheetRate: 0.5, brokenRowRate: 0.01 };
    await writeCsvExport({ ...opts, out: join(dir, 'a.csv') });
    await writeCsvExport({ ...opts, out: join(dir, 'b.csv') });
    expect(sha(join(dir, 'a.csv'))).toBe(sha(join(dir, 'b.csv')));
    expect(sha(join(dir, 'a.csv.truth.csv'))).toBe(sha(join(dir, 'b.csv.truth.csv')));
  });

  it('the reader still reads truth files written before the value columns', () => {
    const dir = tempDir();
    const path = join(dir, 'old.truth.csv');
    writeFileSync(path, `${TRUTH_HEADER_V1}\n1,2,X1,E0000001,,original,de-DE,0,,email:invalid_email\n`);
    const [row] = readTruthFile(path);
    expect(row).toMatchObject({ rowNumber: 1, recordId: 'X1', errors: [{ field: 'email', kind: 'invalid_email' }], truth: undefined });
  });
});
