import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { previewFile } from '../../../main/ingest/preview-file.ts';
import { CustomersRepo } from '../../../main/store/customers-repo.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { rawRow } from '../../../main/ingest/raw-row.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

function setup(name: string, content: string): { db: Db; path: string } {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, content);
  return { db: openProject(join(dir, 'p.crmsteward'), { create: true }), path };
}

const search = async (db: Db, quickFilter: string) => (await new CustomersRepo(db).page({ startRow: 0, endRow: 10, sortModel: [], filterModel: {}, quickFilter })).rows.map((r) => r.full_name);

describe('NUL characters', () => {
  it('are kept in the raw row but not in the working values, so search and validation see whole values', async () => {
    const { db, path } = setup('fixed-width.csv', 'Customer ID,Name,Email,Tier\nK1,\u0000\u0000Ann Lee,ann@x.com\u0000\u0000\u0000,\u0000gold\nK2,Bob Ray,bob@x.com,\n');
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ rows: 2, imported: 2 });
    const ann = db.prepare("SELECT id, full_name, email, extra_json, raw_row_id FROM customers WHERE source_record_id = 'K1'").get() as { id: number; full_name: string; email: string; extra_json: string; raw_row_id: number };
    expect(ann).toMatchObject({ full_name: 'Ann Lee', email: 'ann@x.com', extra_json: '{"Tier":"gold"}' });
    expect(await search(db, 'Lee')).toEqual(['Ann Lee']);
    expect(db.prepare("SELECT count(*) FROM customers WHERE email LIKE '%@x.com'").pluck().get()).toBe(2);
    expect(rawRow(db, ann.raw_row_id).cells).toEqual(['K1', '\u0000\u0000Ann Lee', 'ann@x.com\u0000\u0000\u0000', '\u0000gold']);
  });
});

describe('headers that are names of object properties', () => {
  it('keeps "__proto__", "constructor" and "toString" columns as extra fields, in the preview, the store and the record', async () => {
    const { db, path } = setup('odd.csv', 'Customer ID,Name,__proto__,constructor,toString,hasOwnProperty\nK1,Ann Lee,a,b,c,d\n');
    const preview = await previewFile(db, path);
    expect(Object.keys(preview.mapping)).toEqual(['Customer ID', 'Name', '__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(Object.values(preview.mapping).slice(2)).toEqual([null, null, null, null]);
    const [file] = await importFiles(db, [{ path }]);
    expect(Object.keys(file.mapping)).toHaveLength(6);
    const id = db.prepare('SELECT id FROM customers').pluck().get() as number;
    const { extra } = new CustomersRepo(db).detail(id);
    expect(Object.entries(extra)).toEqual([['__proto__', 'a'], ['constructor', 'b'], ['toString', 'c'], ['hasOwnProperty', 'd']]);
    const stored = JSON.parse(db.prepare('SELECT mapping_json FROM sources').pluck().get() as string) as object;
    expect(Object.keys(stored)).toContain('__proto__');
  });

  it('a mapping the caller gives for such a column is honoured', async () => {
    const { db, path } = setup('odd.csv', 'Customer ID,__proto__\nK1,ann@x.com\n');
    const [file] = await importFiles(db, [{ path, mapping: { ['__proto__']: 'email' } }]);
    expect(Object.entries(file.mapping)).toContainEqual(['__proto__', 'email']);
    expect(db.prepare('SELECT email FROM customers').pluck().get()).toBe('ann@x.com');
  });
});

describe('format by name', () => {
  it('reads a .csv file whose first header starts with "[" as CSV, not JSON', async () => {
    const { db, path } = setup('brackets.csv', '[ID],[Name]\n1,Ann Lee\n2,Bob Ray\n');
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ format: 'csv', rows: 2, imported: 2 });
  });
});
