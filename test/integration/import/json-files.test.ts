import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { MAX_RECORD_CHARS } from '../../../main/ingest/limits.ts';
import { previewFile } from '../../../main/ingest/preview-file.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

function setup(name: string, content: string): { db: Db; path: string } {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, content);
  return { db: openProject(join(dir, 'p.crmsteward'), { create: true }), path };
}

const contacts = [
  { id: 'C1', firstName: 'Ann', email: 'ann@x.com' },
  { id: 'C2', firstName: 'Bob', email: 'bob@x.com' },
  { id: 'C3', firstName: 'Cy', email: 'cy@x.com' },
];
const warnings = Array.from({ length: 5 }, (_, i) => ({ code: `W${i}`, message: 'field truncated' }));

const quarantine = (db: Db) => db.prepare('SELECT row_number, line_number, reason, detail FROM quarantine ORDER BY id').all() as { row_number: number; line_number: number; reason: string; detail: string }[];

describe('JSON wrappers', () => {
  it('imports the data array of a wrapper that lists other arrays first, and says which key it used', async () => {
    const { db, path } = setup('api.json', JSON.stringify({ warnings, data: contacts, meta: { count: 3, pages: [1] } }, null, 2));
    const preview = await previewFile(db, path);
    expect(preview.json).toEqual({ recordsKey: 'data', otherArrays: [{ key: 'warnings', elements: 5 }, { key: 'meta.pages', elements: 1 }] });
    expect(preview.headers).toEqual(['id', 'firstName', 'email']);
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ rows: 3, imported: 3, quarantined: 0, recordsKey: 'data' });
    expect(db.prepare('SELECT email FROM customers ORDER BY id').pluck().all()).toEqual(['ann@x.com', 'bob@x.com', 'cy@x.com']);
  });

  it('without a conventional key, takes the array with the most records', async () => {
    const { db, path } = setup('export.json', JSON.stringify({ errors: [], tags: ['a', 'b', 'c', 'd', 'e', 'f'], owners: [{ name: 'Zed' }], contactList: contacts }));
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ rows: 3, imported: 3, recordsKey: 'contactList' });
  });

  it('finds the records one object deeper ({"response": {"contacts": [...]}})', async () => {
    const { db, path } = setup('nested.json', JSON.stringify({ status: 'ok', response: { total: 3, contacts } }));
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ rows: 3, imported: 3, recordsKey: 'response.contacts' });
  });
});

describe('JSON elements that cannot be records', () => {
  it('quarantines one absurdly deep element with the reason and imports the rest', async () => {
    const deep = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
    const { db, path } = setup('deep.json', `[\n{"id":"C1","email":"a@x.com"},\n{"id":"C2","email":"b@x.com","tags":${deep}},\n{"id":"C3","email":"c@x.com"}\n]`);
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ rows: 3, imported: 2, quarantined: 1 });
    expect(quarantine(db)).toEqual([{ row_number: 2, line_number: 3, reason: 'too_deeply_nested', detail: 'Element 2 nests 50,001 levels deep; a record may nest at most 100.' }]);
    expect(db.prepare('SELECT length(raw_text) FROM quarantine').pluck().get()).toBe(`{"id":"C2","email":"b@x.com","tags":${deep}}`.length);
  });

  it('quarantines an element that is not valid JSON instead of refusing the file', async () => {
    const { db, path } = setup('typo.json', '[{"id":"C1","email":"a@x.com"}, {"id":"C2",, "email":"b@x.com"}, {"id":"C3","email":"c@x.com"}]');
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ rows: 3, imported: 2, quarantined: 1 });
    expect(quarantine(db)[0]).toMatchObject({ row_number: 2, reason: 'invalid_json', detail: expect.stringMatching(/^Element 2 is not valid JSON: /) });
  });

  it('quarantines an element longer than one record may be, keeping its start', async () => {
    const huge = { id: 'C2', note: 'x'.repeat(MAX_RECORD_CHARS) };
    const { db, path } = setup('huge.json', JSON.stringify([{ id: 'C1' }, huge, { id: 'C3' }]));
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ rows: 3, imported: 2, quarantined: 1 });
    expect(quarantine(db)[0]).toMatchObject({ row_number: 2, reason: 'record_too_large', detail: `The record is ${JSON.stringify(huge).length.toLocaleString('en')} characters long; one record may hold at most 1,048,576. Its first 1,048,576 characters are kept here; the whole record starts on line 1 of the file.` });
    expect(db.prepare('SELECT length(raw_text) FROM quarantine').pluck().get()).toBe(MAX_RECORD_CHARS);
  });

  it('refuses a file cut short or followed by other text, saying where, and writes nothing', async () => {
    const cut = setup('cut.json', '[\n{"id":"C1"},\n{"id":"C2"');
    await expect(importFiles(cut.db, [{ path: cut.path }])).rejects.toMatchObject({ code: 'file_unreadable', message: 'The file is not valid JSON: the file ends before its object is closed (it may be cut short) (line 3).' });
    const trailing = setup('two.json', '[{"id":"C1"}]\n[{"id":"C2"}]');
    await expect(importFiles(trailing.db, [{ path: trailing.path }])).rejects.toMatchObject({ message: 'The file is not valid JSON: text follows the end of the JSON value (line 2).' });
    expect(cut.db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
  });

  it('keeps a "__proto__" key as a column like any other', async () => {
    const { db, path } = setup('proto.json', '[{"id":"C1","email":"a@x.com","__proto__":"kept"}]');
    const [file] = await importFiles(db, [{ path }]);
    expect(file.mapping).toHaveProperty(['__proto__'], null);
    expect(JSON.parse(db.prepare('SELECT extra_json FROM customers').pluck().get() as string)).toEqual(JSON.parse('{"__proto__":"kept"}'));
  });
});
