import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { MAX_RECORD_CHARS } from '../../../main/ingest/limits.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

async function importText(content: string): Promise<{ db: Db; file: Awaited<ReturnType<typeof importFiles>>[number] }> {
  const dir = tempDir();
  const path = join(dir, 'long.csv');
  writeFileSync(path, content);
  const db = openProject(join(dir, 'p.crmsteward'), { create: true });
  const [file] = await importFiles(db, [{ path }]);
  return { db, file };
}

const lines = (db: Db) => db.prepare('SELECT c.source_record_id id, r.line_number line FROM customers c JOIN raw_rows r ON r.id = c.raw_row_id ORDER BY c.id').all();

describe('a line longer than a record may be', () => {
  it('is quarantined with its start and length, without holding it whole, and reading goes on', async () => {
    const blob = 'x'.repeat(5_000_000);
    const { db, file } = await importText(`id,name,note\n1,Ann,ok\n2,Bob,${blob}\n3,Cy,ok\n`);
    expect(file).toMatchObject({ rows: 3, imported: 2, quarantined: 1 });
    const q = db.prepare('SELECT row_number, line_number, reason, length(raw_text) kept, detail FROM quarantine').get();
    expect(q).toEqual({
      row_number: 2,
      line_number: 3,
      reason: 'record_too_large',
      kept: MAX_RECORD_CHARS,
      detail: `The record is ${(6 + blob.length).toLocaleString('en')} characters long; one record may hold at most 1,048,576. Its first 1,048,576 characters are kept here; the whole record starts on line 3 of the file.`,
    });
    expect(lines(db)).toEqual([{ id: '1', line: 2 }, { id: '3', line: 4 }]);
  });

  it('ends at its line break even when a CRLF is split between two read chunks', async () => {
    const head = 'id,name,note\r\n1,Ann,';
    const blob = 'x'.repeat((4 << 20) - 1 - head.length);
    const text = `${head}${blob}\r\n2,Bob,ok\r\n`;
    expect(text.charCodeAt((4 << 20) - 1)).toBe(13);
    const { db, file } = await importText(text);
    expect(file).toMatchObject({ rows: 2, imported: 1, quarantined: 1 });
    expect(lines(db)).toEqual([{ id: '2', line: 3 }]);
  });

  it('refuses a file whose first line is too long to be a header', async () => {
    const dir = tempDir();
    const path = join(dir, 'blob.csv');
    writeFileSync(path, `${'a,'.repeat(3_000_000)}\n1,2\n`);
    await expect(importFiles(openProject(join(dir, 'p.crmsteward'), { create: true }), [{ path }])).rejects.toMatchObject({ code: 'file_unreadable', message: 'The first line of the file is 6,000,000 characters long: it is not a header row.' });
  });
});
