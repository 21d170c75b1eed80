import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { importFiles, type ImportedFile } from '../../../main/ingest/import-files.ts';
import { inspectFile, openRecords, tablesOf } from '../../../main/ingest/open-file.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { Rng } from '../../../resources/generator/prng.ts';
import { mutateBytes, randomCsv, randomJson, randomXlsx } from '../../helpers/fuzz-files.ts';
import { useTempDir } from '../../helpers/temp.ts';

/**
 * Random and damaged CSV, JSON and XLSX files, each from its own seed (a
 * failure names the seed; `makeFile(seed)` rebuilds the file). Whatever a
 * file holds, the import must neither crash nor hang, and must account for
 * every record the reader says the file holds: imported + quarantined = rows,
 * in the result and in the tables. A file it cannot read is refused whole,
 * with one sentence and nothing written.
 */
const tempDir = useTempDir();

type Outcome = { tables: { name: string; rows: number }[] } | { error: AppError };

/** What the reader alone says: the tables of the file and how many records each holds (good or broken). */
async function readerSays(path: string): Promise<Outcome> {
  try {
    const file = await inspectFile(path);
    const tables: { name: string; rows: number }[] = [];
    for (const table of tablesOf(file)) {
      const stream = await openRecords(file, table.sheet);
      let rows = 0;
      for await (const batch of stream.batches) rows += 'packed' in batch ? batch.good + batch.broken.length : batch.length;
      tables.push({ name: table.name, rows });
    }
    return { tables };
  } catch (err) {
    return { error: err as AppError };
  }
}

const tableRows = (db: Db) =>
  db.prepare('SELECT (SELECT count(*) FROM raw_rows) raw, (SELECT count(*) FROM quarantine) quarantine, (SELECT count(*) FROM customers) + (SELECT count(*) FROM transactions) + (SELECT count(*) FROM needs) working, (SELECT count(*) FROM sources) sources').get() as { raw: number; quarantine: number; working: number; sources: number };

function expectReadableError(err: unknown, seed: string): void {
  expect(err, seed).toBeInstanceOf(AppError);
  const e = err as AppError;
  expect(['file_unreadable', 'encoding_mismatch'], `${seed}: ${e.code} ${e.message}`).toContain(e.code);
  expect(e.message, seed).not.toMatch(/\n/);
}

async function fuzz(format: string, cases: number, baseSeed: number, makeFile: (rng: Rng) => Buffer): Promise<{ imported: number; refused: number; records: number }> {
  const dir = tempDir();
  const db = openProject(join(dir, 'fuzz.crmsteward'), { create: true });
  const tally = { imported: 0, refused: 0, records: 0 };
  for (let i = 0; i < cases; i++) {
    const seed = baseSeed + i;
    const label = `${format} seed ${seed}`;
    const path = join(dir, `case-${seed}.${format}`);
    writeFileSync(path, makeFile(new Rng(seed)));
    const said = await readerSays(path);
    const before = tableRows(db);
    let results: ImportedFile[] | null = null;
    let failure: unknown = null;
    try {
      results = await importFiles(db, [{ path, onDuplicate: 'import', update: 'never' }]);
    } catch (err) {
      failure = err;
    }
    const after = tableRows(db);
    if ('error' in said) {
      expectReadableError(said.error, label);
      expectReadableError(failure, label);
      expect((failure as AppError).code, label).toBe(said.error.code);
      expect(after, label).toEqual(before);
      tally.refused++;
      continue;
    }
    expect(failure, `${label}: ${(failure as Error)?.stack}`).toBeNull();
    expect(results!.map((r) => ({ name: r.file, rows: r.rows })), label).toEqual(said.tables);
    for (const r of results!) expect(r.imported + r.quarantined, label).toBe(r.rows);
    const imported = results!.reduce((n, r) => n + r.imported, 0);
    const quarantined = results!.reduce((n, r) => n + r.quarantined, 0);
    expect({ raw: after.raw - before.raw, working: after.working - before.working, quarantine: after.quarantine - before.quarantine, sources: after.sources - before.sources }, label).toEqual({ raw: imported, working: imported, quarantine: quarantined, sources: results!.length });
    tally.imported++;
    tally.records += imported + quarantined;
  }
  db.close();
  return tally;
}

describe('fuzzing the importers', () => {
  it('CSV: random and damaged delimited files', async () => {
    const tally = await fuzz('csv', 150, 1_000, (rng) => (rng.chance(0.4) ? mutateBytes(rng, randomCsv(rng)) : randomCsv(rng)));
    // The cases must exercise the import, not only its refusals.
    expect(tally.imported).toBeGreaterThan(120);
    expect(tally.records).toBeGreaterThan(1_000);
  });

  it('JSON: random records, wrappers, deep nesting and damaged text', async () => {
    const tally = await fuzz('json', 100, 2_000, (rng) => (rng.chance(0.35) ? mutateBytes(rng, randomJson(rng)) : randomJson(rng)));
    expect(tally.imported).toBeGreaterThan(50);
    expect(tally.refused).toBeGreaterThan(5);
  });

  it('XLSX: random workbooks, damaged XML and damaged zips', async () => {
    const tally = await fuzz('xlsx', 60, 3_000, (rng) => (rng.chance(0.25) ? mutateBytes(rng, randomXlsx(rng)) : randomXlsx(rng)));
    expect(tally.imported).toBeGreaterThan(25);
    expect(tally.refused).toBeGreaterThan(5);
  });
});
