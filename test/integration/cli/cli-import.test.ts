import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { sheetXml, workbookParts, zipParts } from '../../helpers/zip.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });

describe('crm-steward import', () => {
  it('prints one JSON object accounting for every record of every file', () => {
    const dir = tempDir();
    const a = join(dir, 'a.csv');
    writeFileSync(a, 'Record ID;First Name;Email\n7;Ann;a@x.com\n8;"Bob\nby";b@x.com\n9;broken\n');
    const b = join(dir, 'b.json');
    writeFileSync(b, JSON.stringify([{ email: 'c@x.com' }, 3]));
    const res = cli(['import', a, b, '--project', join(dir, 'p.crmsteward'), '--json']);
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as { files: { file: string; rows: number; imported: number; quarantined: number; encoding: string; delimiter: string | null; idColumn: string | null; mapping: Record<string, string | null> }[] };
    expect(out.files).toHaveLength(2);
    expect(out.files[0]).toMatchObject({ file: a, rows: 3, imported: 2, quarantined: 1, encoding: 'utf-8', delimiter: ';', idColumn: 'Record ID', mapping: { 'Record ID': 'source_record_id', 'First Name': 'given_name', Email: 'email' } });
    expect(out.files[1]).toMatchObject({ rows: 2, imported: 1, quarantined: 1, delimiter: null });
    for (const f of out.files) expect(f.imported + f.quarantined).toBe(f.rows);
  });

  it('exits non-zero with a clear message on unreadable input and on bad usage', () => {
    const dir = tempDir();
    const missing = cli(['import', join(dir, 'nope.csv'), '--project', join(dir, 'p.crmsteward')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('the file does not exist');
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'PK this is not really a zip');
    const damaged = cli(['import', bad, '--project', join(dir, 'p.crmsteward')]);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toMatch(/damaged|not an XLSX|Cannot open/);
    const usage = cli(['import', join(dir, 'x.csv')]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--project');
  });

  it('writes a project it creates all or nothing, and leaves it in WAL mode like every project', () => {
    const dir = tempDir();
    const a = join(dir, 'a.csv');
    writeFileSync(a, 'Record ID,Email\n1,a@x.com\n2,b@x.com\n');
    const copy = join(dir, 'copy.csv');
    writeFileSync(copy, 'Record ID,Email\n1,a@x.com\n2,b@x.com\n');
    // The copy is refused after the first file's rows were written: nothing of the import may stay.
    const failed = join(dir, 'failed.crmsteward');
    const refused = cli(['import', a, copy, '--project', failed]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already imported');
    const empty = new Database(failed, { readonly: true });
    expect(empty.prepare('SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM raw_rows) + (SELECT count(*) FROM customers) n').get()).toEqual({ n: 0 });
    empty.close();

    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', a, '--project', project]).status).toBe(0);
    const db = new Database(project, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT count(*) n FROM customers').get()).toEqual({ n: 2 });
    db.close();
  });
});

describe('crm-steward import of a workbook and a JSON wrapper', () => {
  it('prints one entry per sheet with data and the key the JSON records came from', async () => {
    const dir = tempDir();
    const book = join(dir, 'book.xlsx');
    writeFileSync(book, zipParts(workbookParts([
      { name: 'East', xml: sheetXml([['Customer ID', 'Email'], ['K1', 'a@x.com']]) },
      { name: 'West', xml: sheetXml([['Customer ID', 'Email'], ['K2', 'b@x.com'], ['K3', 'c@x.com']]) },
    ])));
    const api = join(dir, 'api.json');
    writeFileSync(api, JSON.stringify({ warnings: [{ code: 'W1' }, { code: 'W2' }], data: [{ id: 'K4', email: 'd@x.com' }] }));
    const res = cli(['import', book, api, '--project', join(dir, 'p.crmsteward'), '--json']);
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as { files: { file: string; source: string; sheet: string | null; recordsKey: string | null; rows: number }[] };
    expect(out.files.map((f) => [f.file, f.source, f.sheet, f.recordsKey, f.rows])).toEqual([
      [book, 'book.xlsx › East', 'East', null, 1],
      [book, 'book.xlsx › West', 'West', null, 2],
      [api, 'api.json', null, 'data', 1],
    ]);
  });
});
