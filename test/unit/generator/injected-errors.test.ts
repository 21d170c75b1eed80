import { join } from 'node:path';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { presetHeaders, type PresetName } from '../../../resources/generator/export-formats.ts';
import { LOCALES } from '../../../resources/generator/locales/index.ts';
import { ABSURD_INCOMES, PLACEHOLDER_PHONES, placeholdersFor } from '../../../resources/generator/people/error-values.ts';
import { Rng } from '../../../resources/generator/prng.ts';
import { ALL_LOCALES, type ErrorKind, type Locale } from '../../../resources/generator/types.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { decodeExport, parseCsv, readTruth, type TruthRow } from './read-export.ts';

const tempDir = useTempDir();

const COUNTRY: Record<Locale, CountryCode> = { 'en-US': 'US', 'en-GB': 'GB', 'de-DE': 'DE', 'fr-FR': 'FR', 'es-ES': 'ES', 'it-IT': 'IT', 'nl-NL': 'NL', 'zh-CN': 'CN' };
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[a-z]{2,}$/i;
const rng = new Rng(1);
const PROVIDERS = new Set(ALL_LOCALES.flatMap((l) => Array.from({ length: 400 }, () => LOCALES[l].emailDomain(rng))));
// "John|Doe": only Doe is a placeholder; John is a real given name.
const PLACEHOLDER_NAMES = ALL_LOCALES.flatMap((l) => LOCALES[l].placeholderNames.map((p) => p.split('|').pop()!));
const PLACEHOLDER_VALUES = new Set(ALL_LOCALES.flatMap((l) => placeholdersFor(l)));
const years = (cell: string) => (cell.match(/\d{4}/g) ?? []).map(Number);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Neither day-first nor month-first reading gives a real date. */
function impossibleDate(cell: string): boolean {
  const compact = /^(\d{4})(\d\d)(\d\d)$/.exec(cell);
  const named = MONTHS.findIndex((m) => cell.includes(m)) + 1;
  const nums = compact ? compact.slice(1).map(Number) : (cell.match(/\d+/g) ?? []).map(Number);
  const y = nums.find((n) => n > 999)!;
  const [a, b] = named ? [nums.find((n) => n !== y)!, named] : nums.filter((n) => n !== y);
  return !validDate(y, a, b) && !validDate(y, b, a);
}

function phoneInvalid(cell: string, locale: Locale): boolean {
  return /[A-Za-z]/.test(cell) || !(parsePhoneNumberFromString(cell, COUNTRY[locale])?.isValid() ?? false);
}

/** What each kind of injected error must look like in the cell. */
const looksLike: Record<ErrorKind, (cell: string, locale: Locale) => boolean> = {
  invalid_email: (c) => c !== '' && !EMAIL.test(c),
  email_domain_typo: (c) => c.split('@').length === 2 && !PROVIDERS.has(c.split('@')[1].toLowerCase()),
  invalid_phone: phoneInvalid,
  placeholder_phone: (c) => PLACEHOLDER_PHONES.includes(c),
  future_birth_date: (c) => Math.max(...years(c)) > 2027,
  impossible_age: (c) => Math.min(...years(c)) < 1901,
  invalid_date: impossibleDate,
  negative_income: (c) => c.startsWith('-'),
  absurd_income: (c) => ABSURD_INCOMES.includes(c) && Number(c) >= 1e8,
  placeholder_name: (c) => PLACEHOLDER_NAMES.some((p) => c.includes(p)),
  placeholder_value: (c) => PLACEHOLDER_VALUES.has(c),
  missing_value: (c) => c === '',
};

async function exportWithTruth(preset: PresetName, rows: number, errorRate: number): Promise<{ truth: TruthRow[]; cells: (t: TruthRow, field: string) => string }> {
  const out = join(tempDir(), `${preset}.csv`);
  await writeCsvExport({ out, rows, seed: 17, preset, generate: { errorRate }, brokenRowRate: 0 });
  const parsed = parseCsv(decodeExport(out, 'utf8'), ',');
  const column = new Map(Object.entries(presetHeaders[preset]).map(([h, f]) => [f as string, parsed.header.indexOf(h)]));
  return { truth: readTruth(`${out}.truth.csv`), cells: (t, field) => parsed.records[t.rowNumber - 1][column.get(field)!] };
}

describe('injected errors', () => {
  it('every error in the truth is visible in its exported cell', async () => {
    const { truth, cells } = await exportWithTruth('generic', 6000, 0.5);
    const seen = new Set<string>();
    for (const t of truth) {
      for (const e of t.errors) {
        const cell = cells(t, e.field);
        expect([t.rowNumber, e.field, e.kind, cell, looksLike[e.kind as ErrorKind](cell, t.locale as Locale)]).toEqual([t.rowNumber, e.field, e.kind, cell, true]);
        seen.add(e.kind);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(looksLike).sort());
  });

  it('cells without an injected error hold valid emails and phone numbers', async () => {
    const { truth, cells } = await exportWithTruth('generic', 4000, 0.3);
    let checked = 0;
    for (const t of truth) {
      const bad = new Set(t.errors.map((e) => e.field));
      for (const field of ['email', 'phone', 'mobile']) {
        const cell = cells(t, field);
        if (bad.has(field) || cell === '') continue;
        // Spaces around an address (about 1% of cells) are spelling, not a defect: the address inside is valid.
        if (field === 'email') expect([cell, EMAIL.test(cell.trim())]).toEqual([cell, true]);
        else expect([cell, phoneInvalid(cell, t.locale as Locale)]).toEqual([cell, false]);
        checked++;
      }
      for (const field of ['given_name', 'family_name']) if (!bad.has(field)) expect(PLACEHOLDER_NAMES.includes(cells(t, field))).toBe(false);
    }
    expect(checked).toBeGreaterThan(7000);
  });

  it('the truth lists errors only on columns the preset exports', async () => {
    const { truth } = await exportWithTruth('salesforce', 3000, 0.5);
    const fields = new Set(truth.flatMap((t) => t.errors.map((e) => e.field)));
    expect(fields.has('email')).toBe(true);
    for (const absent of ['gender', 'income', 'full_name']) expect(fields.has(absent)).toBe(false);
  });
});
