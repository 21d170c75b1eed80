import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { rawRow } from '../../../main/ingest/raw-row.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

async function importText(name: string, content: string | Buffer): Promise<{ db: Db; file: Awaited<ReturnType<typeof importFiles>>[number] }> {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, content);
  const db = openProject(join(dir, 'p.crmsteward'), { create: true });
  const [file] = await importFiles(db, [{ path }]);
  return { db, file };
}

const customers = (db: Db) => db.prepare('SELECT c.source_record_id id, c.full_name name, r.line_number line FROM customers c JOIN raw_rows r ON r.id = c.raw_row_id ORDER BY c.id').all();
const quarantined = (db: Db) => db.prepare('SELECT line_number line, reason, raw_text raw FROM quarantine ORDER BY id').all();

describe('line breaks', () => {
  it('reads a CSV whose lines end with CR alone (Excel "CSV (Macintosh)"), quoted line breaks included', async () => {
    const { db, file } = await importText('mac.csv', 'Customer ID;Name;Note\r1;Ann Lee;"met at the fair\nwants a call"\r2;Bob Ray;\r3;Cy Zhu;"two\rlines"\r');
    expect(file).toMatchObject({ delimiter: ';', rows: 3, imported: 3, quarantined: 0 });
    expect(customers(db)).toEqual([
      { id: '1', name: 'Ann Lee', line: 2 },
      { id: '2', name: 'Bob Ray', line: 4 },
      { id: '3', name: 'Cy Zhu', line: 5 },
    ]);
    const notes = db.prepare("SELECT json_extract(extra_json, '$.Note') FROM customers ORDER BY id").pluck().all();
    expect(notes).toEqual(['met at the fair\nwants a call', null, 'two\rlines']);
  });

  it('does not merge two records of an LF file separated by a stray CR', async () => {
    const { db, file } = await importText('stray.csv', 'Customer ID,Name\n1,Ann Lee\r2,Bob Ray\n3,Cy Zhu\n');
    expect(file).toMatchObject({ rows: 3, imported: 3 });
    expect(customers(db)).toEqual([
      { id: '1', name: 'Ann Lee', line: 2 },
      { id: '2', name: 'Bob Ray', line: 3 },
      { id: '3', name: 'Cy Zhu', line: 4 },
    ]);
  });

  it('accounts for the rest of a line cut by a stray CR inside an unquoted field: quarantined, not glued on or lost', async () => {
    const { db, file } = await importText('cut.csv', 'Customer ID,Name,Note\r\n1,Ann Lee,first part\rsecond part\r\n2,Bob Ray,ok\r\n');
    expect(file).toMatchObject({ rows: 3, imported: 2, quarantined: 1 });
    expect(quarantined(db)).toEqual([{ line: 3, reason: 'too_few_fields', raw: 'second part' }]);
    expect(file.imported + file.quarantined).toBe(file.rows);
  });

  it('keeps a CR inside quotes as part of the value, in LF files too', async () => {
    const { db, file } = await importText('quoted.csv', 'Customer ID,Name,Note\n1,Ann Lee,"first\rsecond"\n');
    expect(file).toMatchObject({ rows: 1, imported: 1 });
    const raw = db.prepare('SELECT id FROM raw_rows').pluck().get() as number;
    expect(rawRow(db, raw).cells).toEqual(['1', 'Ann Lee', 'first\rsecond']);
  });

  it('counts a CRLF split across two read chunks as one line break', async () => {
    // The reader takes the file in 1 MiB chunks: put a CR as the last byte of the first one.
    const header = 'Customer ID,Name\r\n';
    const filler = (i: number) => `${i},Person ${i}\r\n`;
    let body = '';
    let i = 0;
    while (header.length + body.length + filler(i).length < (1 << 20) - 40) body += filler(i++);
    const last = `${i},${'x'.repeat((1 << 20) - header.length - body.length - `${i},`.length - 1)}`;
    const text = header + body + last + '\r\n' + `${i + 1},After Boundary\r\n`;
    expect(text.charCodeAt((1 << 20) - 1)).toBe(13);
    const { db, file } = await importText('boundary.csv', text);
    expect(file).toMatchObject({ rows: i + 2, imported: i + 2, quarantined: 0 });
    expect(db.prepare("SELECT r.line_number FROM customers c JOIN raw_rows r ON r.id = c.raw_row_id WHERE c.full_name = 'After Boundary'").pluck().get()).toBe(i + 3);
  });
});
