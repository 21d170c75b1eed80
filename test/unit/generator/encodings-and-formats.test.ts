import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, presetColumns, presetExtraHeaders, presetHeaders } from '../../../resources/generator/export-formats.ts';
import { recordIdFor } from '../../../resources/generator/export/record-ids.ts';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE } from '../../../resources/generator/locales/zh-cn-names.ts';
import { WESTERN_LOCALES } from '../../../resources/generator/types.ts';
import { writeCsvExport, writeJsonExport, writeXlsxExport, type CsvEncoding } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { readTruth } from './read-export.ts';

const tempDir = useTempDir();

const ENCODINGS: { encoding: CsvEncoding; iconvName: string; bom: number[] }[] = [
  { encoding: 'utf8', iconvName: 'utf8', bom: [] },
  { encoding: 'utf8-bom', iconvName: 'utf8', bom: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf16le', iconvName: 'utf16le', bom: [0xff, 0xfe] },
  { encoding: 'windows-1252', iconvName: 'win1252', bom: [] },
  { encoding: 'gb18030', iconvName: 'gb18030', bom: [] },
];

describe('encodings', () => {
  it.each(ENCODINGS)('$encoding round-trips through iconv-lite byte for byte', async ({ encoding, iconvName, bom }) => {
    const out = join(tempDir(), 'e.csv');
    const western = encoding === 'windows-1252';
    await writeCsvExport({ out, rows: 1500, seed: 2, encoding, preset: western ? 'hubspot' : 'chinese_erp', generate: { locales: western ? [...WESTERN_LOCALES] : ['zh-CN', 'de-DE', 'fr-FR'] } });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, bom.length)]).toEqual(bom);
    const text = iconv.decode(bytes, iconvName);
    expect(text.includes('\ufffd')).toBe(false);
    expect(Buffer.compare(Buffer.concat([Buffer.from(bom), iconv.encode(text, iconvName)]), bytes)).toBe(0);
    // The decoded text holds the characters the encoding exists for.
    expect(/[\u4e00-\u9fff]/.test(text)).toBe(!western);
    expect(/[äöüéèñ]/.test(text)).toBe(true);
  });
});

describe('presets', () => {
  it('map every header once, always including the record id, and keep 1-2 extra columns', () => {
    for (const name of PRESET_NAMES) {
      const headers = presetColumns[name].map((c) => c.header);
      expect(new Set(headers).size).toBe(headers.length);
      expect(Object.values(presetHeaders[name])).toContain('source_record_id');
      expect(presetExtraHeaders[name].length).toBeGreaterThanOrEqual(1);
      expect(presetExtraHeaders[name].length).toBeLessThanOrEqual(2);
      for (const extra of presetExtraHeaders[name]) expect(presetHeaders[name][extra]).toBeUndefined();
    }
    expect(presetHeaders.dynamics365['Address 1: ZIP/Postal Code']).toBe('postcode');
    expect(presetHeaders.chinese_erp['手机']).toBe('mobile');
  });

  it('give each row of a file its own record id', () => {
    for (const name of PRESET_NAMES) {
      const ids = Array.from({ length: 50_000 }, (_, i) => recordIdFor(name, i, 9, 2024));
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(recordIdFor('salesforce', 0, 1, 2024)).toMatch(/^003[0-9A-Za-z]{15}$/);
    expect(recordIdFor('dynamics365', 5, 1, 2024)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('XLSX and JSON exports', () => {
  it('XLSX holds the header and exactly the records the truth lists', async () => {
    const out = join(tempDir(), 'd.xlsx');
    const summary = await writeXlsxExport({ out, rows: 700, seed: 4, preset: 'dynamics365', quotedNewlineRate: 0.05 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0];
    const truth = readTruth(summary.truthPath);
    expect(sheet.rowCount).toBe(701);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(presetColumns.dynamics365.map((c) => c.header));
    for (const t of truth) expect(sheet.getRow(t.lineNumber).getCell(1).value).toBe(t.recordId);
    expect(typeof sheet.getRow(2).getCell(2).value).toBe('string');
  });

  it('JSON is an array of header-keyed objects; broken elements are exactly the truth\'s', async () => {
    const out = join(tempDir(), 'h.json');
    const summary = await writeJsonExport({ out, rows: 900, seed: 4, preset: 'hubspot', brokenRowRate: 0.03 });
    const data = JSON.parse(readFileSync(out, 'utf8')) as unknown[];
    const truth = readTruth(summary.truthPath);
    expect(data).toHaveLength(truth.length);
    const lines = readFileSync(out, 'utf8').split('\n');
    for (const t of truth) {
      const element = data[t.rowNumber - 1];
      expect(Array.isArray(element)).toBe(t.broken);
      if (!t.broken) expect((element as Record<string, unknown>)['Record ID']).toBe(t.recordId);
      expect(lines[t.lineNumber - 1]).toContain(t.recordId);
    }
    expect(summary.brokenRows).toBeGreaterThan(10);
  });
});

describe('Chinese names', () => {
  it('carry the pinyin pinyin-pro gives (surname readings included)', () => {
    const plain = (s: string) => s.toLowerCase().replace(/ü/g, 'yu').replace(/\s/g, '');
    for (const [hanzi, romanised] of FAMILY) expect([hanzi, plain(pinyin(hanzi, { toneType: 'none', surname: 'head' }))]).toEqual([hanzi, plain(romanised)]);
    for (const [hanzi, romanised] of [...GIVEN_MALE, ...GIVEN_FEMALE]) expect([hanzi, plain(pinyin(hanzi, { toneType: 'none' }))]).toEqual([hanzi, plain(romanised)]);
  });
});
