import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetColumns, type PresetName } from '../../../resources/generator/export-formats.ts';
import type { CsvEncoding } from '../../../resources/generator/export/encodings.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { WESTERN_LOCALES } from '../../../resources/generator/types.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { decodeExport, parseCsv, readTruth } from './read-export.ts';

const tempDir = useTempDir();

const cases: { preset: PresetName; encoding: CsvEncoding; delimiter: ',' | ';' | '\t' | '|'; lineEnding: '\n' | '\r\n'; quoteAll: boolean }[] = [
  { preset: 'salesforce', encoding: 'utf8', delimiter: ',', lineEnding: '\r\n', quoteAll: true },
  { preset: 'hubspot', encoding: 'utf8-bom', delimiter: ';', lineEnding: '\n', quoteAll: false },
  { preset: 'chinese_erp', encoding: 'gb18030', delimiter: ',', lineEnding: '\r\n', quoteAll: false },
  { preset: 'sugarcrm', encoding: 'windows-1252', delimiter: '|', lineEnding: '\n', quoteAll: false },
  { preset: 'zoho', encoding: 'utf16le', delimiter: '\t', lineEnding: '\r\n', quoteAll: false },
  { preset: 'dynamics365', encoding: 'utf8', delimiter: ',', lineEnding: '\n', quoteAll: false },
  { preset: 'generic', encoding: 'utf8', delimiter: ';', lineEnding: '\r\n', quoteAll: true },
];

describe('writeCsvExport', () => {
  it.each(cases)('$preset / $encoding / $delimiter: the truth describes exactly the records in the file', async (c) => {
    const out = join(tempDir(), 'export.csv');
    const summary = await writeCsvExport({
      out, rows: 3000, seed: 21, ...c, quotedNewlineRate: 0.03, brokenRowRate: 0.02,
      generate: c.encoding === 'windows-1252' ? { locales: [...WESTERN_LOCALES] } : {},
    });
    const truth = readTruth(summary.truthPath);
    const parsed = parseCsv(decodeExport(out, c.encoding), c.delimiter);
    const headers = presetColumns[c.preset].map((col) => col.header);

    expect(parsed.header).toEqual(headers);
    expect(summary.rows).toBe(3000);
    expect(truth).toHaveLength(3000);
    expect(parsed.records).toHaveLength(truth.length);
    expect(truth.map((t) => t.rowNumber)).toEqual(truth.map((_, i) => i + 1));
    expect(truth.filter((t) => t.broken)).toHaveLength(summary.brokenRows);
    expect(summary.brokenRows).toBeGreaterThan(20);

    for (const t of truth) {
      const record = parsed.records[t.rowNumber - 1];
      const damaged = record.length !== headers.length || parsed.errors.has(t.rowNumber - 1);
      expect([t.rowNumber, t.brokenKind, damaged]).toEqual([t.rowNumber, t.brokenKind, t.broken]);
      if (!t.broken) expect(record[0]).toBe(t.recordId);
    }
    // The last record is a truncated export: cut off inside a quoted field.
    expect(truth[truth.length - 1].brokenKind).toBe('unterminated_quote');
    expect(new Set(truth.filter((t) => t.broken).map((t) => t.brokenKind))).toEqual(new Set(['too_many_fields', 'too_few_fields', 'text_after_quote', 'unterminated_quote']));
    // Quoted line breaks survive as part of a value, not as new records.
    expect(parsed.records.filter((r, i) => !truth[i].broken && r.some((cell) => cell.includes('\n'))).length).toBeGreaterThan(30);
  });

  it('line_number in the truth is the physical line where each record starts', async () => {
    const out = join(tempDir(), 'lines.csv');
    await writeCsvExport({ out, rows: 2000, seed: 5, preset: 'generic', quotedNewlineRate: 0.1, brokenRowRate: 0.01 });
    const lines = readFileSync(out, 'utf8').split('\n');
    for (const t of readTruth(`${out}.truth.csv`)) expect(lines[t.lineNumber - 1].startsWith(t.recordId + ',')).toBe(true);
  });

  it("'anywhere' puts unterminated quotes mid-file and keeps the following rows free of quotes", async () => {
    const out = join(tempDir(), 'anywhere.csv');
    await writeCsvExport({ out, rows: 6000, seed: 8, preset: 'salesforce', brokenRowRate: 0.01, unterminatedQuote: 'anywhere', quotedNewlineRate: 0.05 });
    const lines = readFileSync(out, 'utf8').split('\n');
    const open = readTruth(`${out}.truth.csv`).filter((t) => t.brokenKind === 'unterminated_quote');
    expect(open.length).toBeGreaterThan(2);
    for (const t of open) {
      const line = lines[t.lineNumber - 1];
      expect((line.match(/"/g) ?? []).length % 2).toBe(1);
      const after = lines.slice(t.lineNumber, t.lineNumber + 200).join('\n');
      expect(after.includes('"')).toBe(false);
    }
  });

  it('refuses to write characters Windows-1252 cannot hold', async () => {
    const out = join(tempDir(), 'cp1252.csv');
    await expect(writeCsvExport({ out, rows: 50, seed: 1, preset: 'chinese_erp', encoding: 'windows-1252', generate: { locales: ['zh-CN'] } })).rejects.toThrow(/Windows-1252/);
  });
});
