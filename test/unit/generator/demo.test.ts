import { readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { decodeExport, parseCsv, readTruth } from './read-export.ts';

const tempDir = useTempDir();
const DEMO = join(import.meta.dirname, '../../../resources/demo');

interface ManifestFile {
  file: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf8' | 'utf8-bom' | 'gb18030' | null;
  delimiter: string | null;
  rows: number;
  brokenRows: number;
  truth: string;
  description: { en: string; 'zh-CN': string };
}
const manifest = JSON.parse(readFileSync(join(DEMO, 'manifest.json'), 'utf8')) as { files: ManifestFile[]; totals: { records: number; peopleInSeveralFiles: number } };

describe('the bundled demo data', () => {
  it('stays small and describes every file in English and Chinese', () => {
    const bytes = manifest.files.reduce((sum, f) => sum + statSync(join(DEMO, f.file)).size + statSync(join(DEMO, f.truth)).size, 0);
    expect(bytes).toBeLessThan(1.5e6);
    expect(manifest.totals.records).toBeGreaterThanOrEqual(3000);
    expect(manifest.totals.peopleInSeveralFiles).toBeGreaterThan(100);
    for (const f of manifest.files) expect(f.description.en.length * f.description['zh-CN'].length).toBeGreaterThan(0);
    expect(manifest.files.find((f) => f.file.startsWith('salesforce'))!.brokenRows).toBeGreaterThanOrEqual(3);
  });

  it.each(manifest.files.filter((f) => f.format === 'csv'))('$file holds exactly the records its truth lists', (f) => {
    const truth = readTruth(join(DEMO, f.truth));
    const parsed = parseCsv(decodeExport(join(DEMO, f.file), f.encoding!), f.delimiter!);
    expect([parsed.records.length, truth.length]).toEqual([f.rows, f.rows]);
    expect(truth.filter((t) => t.broken)).toHaveLength(f.brokenRows);
    for (const t of truth) {
      const damaged = parsed.records[t.rowNumber - 1].length !== parsed.header.length || parsed.errors.has(t.rowNumber - 1);
      expect([t.rowNumber, damaged]).toEqual([t.rowNumber, t.broken]);
    }
  });

  it('is what make-demo writes today (run `npm run gen:demo` after changing the generator)', async () => {
    const out = tempDir();
    execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../../resources/generator/make-demo.ts'), out], { stdio: 'pipe' });
    for (const f of manifest.files) {
      expect(readFileSync(join(out, f.truth), 'utf8')).toBe(readFileSync(join(DEMO, f.truth), 'utf8'));
      // XLSX zips carry the time they were written, so compare those by content.
      if (f.format === 'csv') expect(readFileSync(join(out, f.file)).equals(readFileSync(join(DEMO, f.file)))).toBe(true);
      else expect(await sheetValues(join(out, f.file))).toEqual(await sheetValues(join(DEMO, f.file)));
    }
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(readFileSync(join(DEMO, 'manifest.json'), 'utf8'));
  });
});

async function sheetValues(path: string): Promise<unknown[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: unknown[] = [];
  book.worksheets[0].eachRow((row) => rows.push(row.values));
  return rows;
}
