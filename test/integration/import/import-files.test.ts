import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { rawRow } from '../../../main/ingest/raw-row.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

function newProject(): { db: Db; dir: string } {
  const dir = tempDir();
  return { db: openProject(join(dir, 'p.crmsteward'), { create: true }), dir };
}

const counts = (db: Db) => ({
  customers: (db.prepare('SELECT count(*) n FROM customers').get() as { n: number }).n,
  raw: (db.prepare('SELECT count(*) n FROM raw_rows').get() as { n: number }).n,
  quarantine: (db.prepare('SELECT count(*) n FROM quarantine').get() as { n: number }).n,
  sources: (db.prepare('SELECT count(*) n FROM sources').get() as { n: number }).n,
});

const people = 'id,given,family,city\n1,Jürgen,Müller,Köln\n2,Zoë,Dupré,Besançon\n3,José,Muñoz,Málaga\n';

describe('importFiles', () => {
  it.each([
    ['utf-8 with BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]), 'utf-8'],
    ['utf-16le with BOM', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')]), 'utf-16le'],
    ['windows-1252', (t: string) => iconv.encode(t, 'windows-1252'), 'windows-1252'],
  ])('decodes %s without mangling accents', async (_name, encode, expected) => {
    const { db, dir } = newProject();
    const path = join(dir, 'people.csv');
    writeFileSync(path, encode(people));
    const [file] = await importFiles(db, [{ path }]);
    expect(file.encoding).toBe(expected);
    expect(db.prepare('SELECT given_name, family_name, city FROM customers ORDER BY id').all()).toEqual([
      { given_name: 'Jürgen', family_name: 'Müller', city: 'Köln' },
      { given_name: 'Zoë', family_name: 'Dupré', city: 'Besançon' },
      { given_name: 'José', family_name: 'Muñoz', city: 'Málaga' },
    ]);
  });

  it('decodes GB18030 exports of Chinese ERPs', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'erp.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `C${i},王伟${i},北京市朝阳区建国路${i}号,13800138${String(i).padStart(3, '0')}`).join('\r\n');
    writeFileSync(path, iconv.encode(`客户编号,姓名,地址,手机\r\n${rows}\r\n`, 'gb18030'));
    const [file] = await importFiles(db, [{ path }]);
    expect(file.encoding).toBe('gb18030');
    expect(file.idColumn).toBe('客户编号');
    expect(file.mapping).toMatchObject({ 姓名: 'full_name', 地址: 'street', 手机: 'mobile' });
    expect(db.prepare('SELECT full_name, street FROM customers WHERE source_record_id = ?').get('C7')).toEqual({ full_name: '王伟7', street: '北京市朝阳区建国路7号' });
  });

  it('accounts for every record: imported + quarantined = rows, and broken rows keep their raw text', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'broken.csv');
    writeFileSync(path, 'id;name;note\r\n1;Ann;"two\r\nlines"\r\n2;Bob;x;extra\r\n\r\n3;"Unclosed;y\r\n4;Eve\r\n5;Kim;ok;\r\n6;"Br"oken;z\r\n7;Lou;last');
    const [file] = await importFiles(db, [{ path }]);
    expect(file.rows).toBe(7);
    expect(file.imported + file.quarantined).toBe(file.rows);
    expect(file.imported).toBe(3); // 1, 5 (trailing empty cell tolerated) and 7
    const quarantined = db.prepare('SELECT row_number, line_number, reason, raw_text FROM quarantine ORDER BY row_number').all();
    expect(quarantined).toEqual([
      { row_number: 2, line_number: 4, reason: 'too_many_fields', raw_text: '2;Bob;x;extra' },
      { row_number: 3, line_number: 6, reason: 'unterminated_quote', raw_text: '3;"Unclosed;y' },
      { row_number: 4, line_number: 7, reason: 'too_few_fields', raw_text: '4;Eve' },
      { row_number: 6, line_number: 9, reason: 'text_after_quote', raw_text: '6;"Br"oken;z' },
    ]);
    const raw = db.prepare('SELECT id, raw_text FROM raw_rows WHERE row_number = 1').get() as { id: number; raw_text: string };
    expect(raw.raw_text).toBe('1;Ann;"two\nlines"'); // the record as it stood in the file
    expect(rawRow(db, raw.id)).toEqual({ rowNumber: 1, lineNumber: 2, cells: ['1', 'Ann', 'two\nlines'] });
    expect(counts(db)).toMatchObject({ customers: 3, raw: 3, quarantine: 4 });
  });

  it('keeps unmapped columns as extra fields and numbers as numbers only when they parse', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'x.tsv');
    writeFileSync(path, 'Email\tIncome\tLoyalty tier\t\tEmail\nA@X.COM\t52000\tgold\tz\tsecond@x.com\nb@x.com\t€52.000\t\t\t\n');
    const [file] = await importFiles(db, [{ path }]);
    expect(file.delimiter).toBe('\t');
    const rows = db.prepare('SELECT email, income, typeof(income) t, extra_json FROM customers ORDER BY id').all() as { email: string; income: unknown; t: string; extra_json: string | null }[];
    expect(rows[0]).toMatchObject({ email: 'A@X.COM', income: 52000, t: 'real' });
    expect(JSON.parse(rows[0].extra_json!)).toEqual({ 'Loyalty tier': 'gold', 'Column 4': 'z', 'Email (2)': 'second@x.com' });
    expect(rows[1]).toMatchObject({ income: '€52.000', t: 'text', extra_json: null });
  });

  it('reads XLSX sheets, including dates and numbers, and quarantines cells past the header', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'dynamics.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contacts');
    ws.addRow(['(Do Not Modify) Contact', '(Do Not Modify) Row Checksum', 'Full Name', 'Email', 'Birthday', 'Annual Income', 'Address 1: City', 'Created On']);
    ws.addRow(['c-1', 'x', 'Ann Lee', 'ann@x.com', new Date(Date.UTC(1985, 2, 7)), 52000, 'Leeds', new Date(Date.UTC(2024, 0, 2))]);
    ws.addRow(['c-2', 'y', 'Bob Ray', { text: 'bob@x.com', hyperlink: 'mailto:bob@x.com' }, null, null, 'York']);
    ws.addRow(['c-3', 'z', 'Too Wide', 'w@x.com', null, null, 'Hull', null, 'stray value']);
    await wb.xlsx.writeFile(path);
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ format: 'xlsx', preset: 'dynamics365', idColumn: '(Do Not Modify) Contact', rows: 3, imported: 2, quarantined: 1 });
    expect(db.prepare('SELECT full_name, email, birth_date, income, city FROM customers ORDER BY id').all()).toEqual([
      { full_name: 'Ann Lee', email: 'ann@x.com', birth_date: '1985-03-07', income: 52000, city: 'Leeds' },
      { full_name: 'Bob Ray', email: 'bob@x.com', birth_date: null, income: null, city: 'York' },
    ]);
  });

  it('reads JSON arrays and quarantines elements that are not records', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'contacts.json');
    writeFileSync(path, JSON.stringify([{ id: 1, firstName: 'Ann', email: 'a@x.com', tags: ['vip'] }, 'garbage', { id: 2, firstName: 'Bob', phone: '+44 20 7946 0958' }]));
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ format: 'json', rows: 3, imported: 2, quarantined: 1 });
    expect(db.prepare('SELECT given_name, phone, extra_json FROM customers ORDER BY id').all()).toEqual([
      { given_name: 'Ann', phone: null, extra_json: '{"tags":"[\\"vip\\"]"}' },
      { given_name: 'Bob', phone: '+44 20 7946 0958', extra_json: null },
    ]);
  });

  it('refuses to import the same bytes twice unless asked, and can skip them', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'a.csv');
    writeFileSync(path, people);
    await importFiles(db, [{ path }]);
    await expect(importFiles(db, [{ path }])).rejects.toMatchObject({ code: 'already_imported' });
    expect((await importFiles(db, [{ path, onDuplicate: 'skip' }]))[0].skipped).toBe(true);
    // Imported again as new records (update 'never'); by default it would update its own records (update-records.test.ts).
    await importFiles(db, [{ path, onDuplicate: 'import', update: 'never' }]);
    expect(counts(db)).toMatchObject({ customers: 6, sources: 2 });
  });

  it('is all or nothing: a cancelled or failing import leaves the project exactly as it was', async () => {
    const { db, dir } = newProject();
    const good = join(dir, 'good.csv');
    writeFileSync(good, people);
    await importFiles(db, [{ path: good }]);
    const before = counts(db);
    const second = join(dir, 'second.csv');
    writeFileSync(second, 'id,name\n' + Array.from({ length: 5000 }, (_, i) => `${i},n${i}`).join('\n'));
    let checks = 0;
    const cancelAfterFirstBatch = { throwIfAborted: () => { if (++checks > 1) throw Object.assign(new Error('cancelled'), { code: 'cancelled' }); } };
    await expect(importFiles(db, [{ path: second }], { signal: cancelAfterFirstBatch })).rejects.toThrow('cancelled');
    expect(counts(db)).toEqual(before);
    await expect(importFiles(db, [{ path: second }, { path: join(dir, 'missing.csv') }])).rejects.toMatchObject({ code: 'file_not_found' });
    expect(counts(db)).toEqual(before);
  });

  it('parses big files in a reader thread with the same result', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'big.csv');
    const lines = Array.from({ length: 60_000 }, (_, i) => (i === 777 ? `${i},"broken` : `${i},Name ${i},"note, with comma",${i % 97}`));
    writeFileSync(path, `id,name,note,score\n${lines.join('\n')}\n`); // > 4 MB: takes the threaded path
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ rows: 60_000, imported: 59_999, quarantined: 1 });
    expect(db.prepare('SELECT line_number, reason FROM quarantine').get()).toEqual({ line_number: 779, reason: 'unterminated_quote' });
    // Raw row ids are assigned by the reader thread and the writer alike: every record points at its own raw row.
    const linked = db.prepare("SELECT count(*) n, sum(substr(r.raw_text, 1, instr(r.raw_text, ',') - 1) = c.source_record_id) same FROM customers c JOIN raw_rows r ON r.id = c.raw_row_id").get();
    expect(linked).toEqual({ n: 59_999, same: 59_999 });
    // A second file continues the id sequence.
    const again = await importFiles(db, [{ path, onDuplicate: 'import', update: 'never' }]);
    expect(again[0].imported).toBe(59_999);
    expect(db.prepare("SELECT count(*) n, sum(substr(r.raw_text, 1, instr(r.raw_text, ',') - 1) = c.source_record_id) same FROM customers c JOIN raw_rows r ON r.id = c.raw_row_id").get()).toEqual({ n: 119_998, same: 119_998 });
  });

  it('links transactions to customers by record id, whatever the import order', async () => {
    const { db, dir } = newProject();
    const txns = join(dir, 'orders.csv');
    writeFileSync(txns, 'Customer ID,Order Date,Amount,Currency,Product,Transaction Type\nK1,2024-01-02,99.5,EUR,Widget,purchase\nK1,2024-02-03,-99.5,EUR,Widget,refund\nK9,2024-03-04,5,EUR,Pen,purchase\n');
    const customers = join(dir, 'customers.csv');
    writeFileSync(customers, 'Customer ID,First Name,Last Name,Email\nK1,Ann,Lee,a@x.com\n');
    const [t] = await importFiles(db, [{ path: txns }]);
    expect(t.entity).toBe('transaction');
    await importFiles(db, [{ path: customers }]);
    const linked = db.prepare('SELECT t.amount, c.given_name FROM transactions t LEFT JOIN customers c ON c.id = t.customer_id ORDER BY t.id').all();
    expect(linked).toEqual([{ amount: 99.5, given_name: 'Ann' }, { amount: -99.5, given_name: 'Ann' }, { amount: 5, given_name: null }]);
  });

  it('keeps raw rows immutable', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'a.csv');
    writeFileSync(path, people);
    await importFiles(db, [{ path }]);
    expect(() => db.prepare("UPDATE raw_rows SET cells_json = '[]'").run()).toThrow('raw rows are immutable');
    expect(() => db.prepare('DELETE FROM raw_rows').run()).toThrow('raw rows are immutable');
  });
});

describe('importing without a separate scan pass', () => {
  it('hashes while reading, so a later re-import of the same bytes is still recognised', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'a.csv');
    writeFileSync(path, people);
    const [first] = await importFiles(db, [{ path }]);
    const stored = db.prepare('SELECT content_hash FROM sources WHERE id = ?').pluck().get(first.sourceId) as string;
    expect(stored).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    await expect(importFiles(db, [{ path }])).rejects.toMatchObject({ code: 'already_imported' });
  });

  it('reads a file again in its real encoding when it stops being UTF-8 after its first part', async () => {
    const { db, dir } = newProject();
    const path = join(dir, 'mixed.csv');
    const head = 'id,name,city\n' + Array.from({ length: 12_000 }, (_, i) => `${i},Person ${i},Paris`).join('\n') + '\n';
    writeFileSync(path, Buffer.concat([Buffer.from(head), iconv.encode('99999,Jürgen Müller,Köln\n', 'windows-1252')]));
    const [file] = await importFiles(db, [{ path }]);
    expect(file.encoding).toBe('windows-1252');
    expect(file.imported).toBe(12_001);
    expect(db.prepare("SELECT full_name, city FROM customers WHERE source_record_id = '99999'").get()).toEqual({ full_name: 'Jürgen Müller', city: 'Köln' });
    expect(db.prepare('SELECT count(*) FROM raw_rows').pluck().get()).toBe(12_001);
  });
});
