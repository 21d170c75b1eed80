import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { presetHeaders } from '../../../resources/generator/export-formats.ts';
import { WESTERN_LOCALES } from '../../../resources/generator/types.ts';
import { writeCsvExport, writeJsonExport, writeXlsxExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

/** row_number → broken flag and record id, from the generator's truth file. */
function readTruth(path: string): { rows: number; broken: number[]; ids: Map<number, string> } {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const broken: number[] = [];
  const ids = new Map<number, string>();
  for (const line of lines) {
    const [row, , recordId, , , , , isBroken] = line.split(',');
    if (isBroken === '1') broken.push(Number(row));
    ids.set(Number(row), recordId);
  }
  return { rows: lines.length, broken, ids };
}

const cases = [
  { preset: 'salesforce', encoding: 'utf8', delimiter: ',', lineEnding: '\r\n' },
  { preset: 'hubspot', encoding: 'utf8-bom', delimiter: ';', lineEnding: '\n' },
  { preset: 'chinese_erp', encoding: 'gb18030', delimiter: ',', lineEnding: '\r\n' },
  { preset: 'sugarcrm', encoding: 'windows-1252', delimiter: '|', lineEnding: '\n' },
  { preset: 'zoho', encoding: 'utf16le', delimiter: '\t', lineEnding: '\r\n' },
] as const;

describe('importing generated messy exports', () => {
  it.each(cases)('$preset ($encoding, $delimiter) accounts for every record exactly as the truth says', async (c) => {
    const dir = tempDir();
    const out = join(dir, `${c.preset}.csv`);
    await writeCsvExport({
      out, rows: 4000, seed: 11, preset: c.preset, encoding: c.encoding, delimiter: c.delimiter, lineEnding: c.lineEnding,
      quotedNewlineRate: 0.01, brokenRowRate: 0.01, quoteAll: false, unterminatedQuote: 'anywhere',
      // Windows-1252 cannot hold Hanzi: such exports come from Western CRMs.
      generate: c.encoding === 'windows-1252' ? { locales: [...WESTERN_LOCALES] } : {},
    } as Parameters<typeof writeCsvExport>[0]);
    const truth = readTruth(`${out}.truth.csv`);
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    const [file] = await importFiles(db, [{ path: out }]);
    expect(file.rows).toBe(truth.rows);
    const quarantined = (db.prepare('SELECT row_number FROM quarantine ORDER BY row_number').all() as { row_number: number }[]).map((r) => r.row_number);
    expect(quarantined).toEqual(truth.broken);
    expect(file.preset).toBe(c.preset);
    // Every header the generator's layout maps is mapped to the same field by the importer.
    for (const [header, field] of Object.entries(presetHeaders[c.preset])) expect([header, file.mapping[header]]).toEqual([header, field]);
    const sample = db.prepare('SELECT row_number, source_record_id FROM customers c JOIN raw_rows r ON r.id = c.raw_row_id ORDER BY c.id LIMIT 200').all() as { row_number: number; source_record_id: string }[];
    for (const r of sample) expect(r.source_record_id).toBe(truth.ids.get(r.row_number));
    db.close();
  });

  it('XLSX and JSON exports account for every record too', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'dynamics.xlsx');
    await writeXlsxExport({ out: xlsx, rows: 800, seed: 3, preset: 'dynamics365' } as Parameters<typeof writeXlsxExport>[0]);
    const json = join(dir, 'api.json');
    await writeJsonExport({ out: json, rows: 800, seed: 4, preset: 'hubspot', brokenRowRate: 0.02 } as Parameters<typeof writeJsonExport>[0]);
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    const [x, j] = await importFiles(db, [{ path: xlsx }, { path: json }]);
    const tx = readTruth(`${xlsx}.truth.csv`);
    const tj = readTruth(`${json}.truth.csv`);
    expect([x.rows, x.quarantined]).toEqual([tx.rows, tx.broken.length]);
    expect([j.rows, j.quarantined]).toEqual([tj.rows, tj.broken.length]);
    expect(x.preset).toBe('dynamics365');
    db.close();
  });
});
