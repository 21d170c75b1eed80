import ExcelJS from 'exceljs';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { MAX_RECORD_CHARS } from '../../../main/ingest/limits.ts';
import { previewSources } from '../../../main/ingest/preview-file.ts';
import { readZipDirectory } from '../../../main/ingest/zip-directory.ts';
import { checkZipLimits, zipLimits } from '../../../main/ingest/zip-limits.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { sheetXml, workbookParts, zipParts } from '../../helpers/zip.ts';

const tempDir = useTempDir();

function project(dir: string): Db {
  return openProject(join(dir, 'p.crmsteward'), { create: true });
}

/** Customers on one sheet, their orders on another, and an empty sheet for notes. */
async function writeWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const contacts = wb.addWorksheet('Contacts');
  contacts.addRow(['Customer ID', 'First Name', 'Last Name', 'Email']);
  contacts.addRow(['K1', 'Ann', 'Lee', 'ann@x.com']);
  contacts.addRow(['K2', 'Bob', 'Ray', 'bob@x.com']);
  wb.addWorksheet('Notes');
  const orders = wb.addWorksheet('Orders');
  orders.addRow(['Customer ID', 'Order Date', 'Amount', 'Product']);
  orders.addRow(['K1', '2024-01-02', 10, 'Pen']);
  orders.addRow(['K2', '2024-02-03', 20, 'Ink']);
  orders.addRow(['K1', '2024-03-04', 30, 'Pad']);
  await wb.xlsx.writeFile(path);
}

describe('workbooks with several sheets', () => {
  it('previews every sheet with data as its own source and lists the empty one', async () => {
    const dir = tempDir();
    const path = join(dir, 'book.xlsx');
    await writeWorkbook(path);
    const previews = await previewSources(project(dir), path);
    expect(previews.map((p) => [p.sourceName, p.sheet, p.entity, p.sample.length])).toEqual([
      ['book.xlsx › Contacts', 'Contacts', 'customer', 2],
      ['book.xlsx › Orders', 'Orders', 'transaction', 3],
    ]);
    expect(previews[0].sheets).toEqual([
      { name: 'Contacts', header: true, dataRows: true },
      { name: 'Notes', header: false, dataRows: false },
      { name: 'Orders', header: true, dataRows: true },
    ]);
  });

  it('imports every sheet with data as a source named after the file and the sheet', async () => {
    const dir = tempDir();
    const path = join(dir, 'book.xlsx');
    await writeWorkbook(path);
    const db = project(dir);
    const results = await importFiles(db, [{ path }]);
    expect(results.map((r) => [r.file, r.sheet, r.entity, r.rows, r.imported])).toEqual([
      ['book.xlsx › Contacts', 'Contacts', 'customer', 2, 2],
      ['book.xlsx › Orders', 'Orders', 'transaction', 3, 3],
    ]);
    expect(db.prepare('SELECT file_name FROM sources ORDER BY id').pluck().all()).toEqual(['book.xlsx › Contacts', 'book.xlsx › Orders']);
    expect(db.prepare('SELECT c.given_name, sum(t.amount) total FROM transactions t JOIN customers c ON c.id = t.customer_id GROUP BY c.id ORDER BY c.id').all()).toEqual([
      { given_name: 'Ann', total: 40 },
      { given_name: 'Bob', total: 20 },
    ]);
    // The same bytes again are recognised sheet by sheet.
    await expect(importFiles(db, [{ path }])).rejects.toMatchObject({ code: 'already_imported', message: expect.stringContaining('book.xlsx › Contacts was already imported') });
    expect((await importFiles(db, [{ path, onDuplicate: 'skip' }])).map((r) => r.skipped)).toEqual([true, true]);
  });

  it('imports one named sheet, and a later import of another sheet of the same file is not a re-import', async () => {
    const dir = tempDir();
    const path = join(dir, 'book.xlsx');
    await writeWorkbook(path);
    const db = project(dir);
    const [orders] = await importFiles(db, [{ path, sheet: 'Orders' }]);
    expect(orders).toMatchObject({ file: 'book.xlsx › Orders', rows: 3 });
    const [contacts] = await importFiles(db, [{ path, sheet: 'Contacts', mapping: { 'Customer ID': 'source_record_id', 'First Name': 'given_name', 'Last Name': 'family_name', Email: 'email' } }]);
    expect(contacts).toMatchObject({ file: 'book.xlsx › Contacts', skipped: false, imported: 2 });
    await expect(importFiles(db, [{ path, sheet: 'Orders' }])).rejects.toMatchObject({ code: 'already_imported' });
    await expect(importFiles(db, [{ path, sheet: 'Summary' }])).rejects.toMatchObject({ code: 'invalid_input', message: 'book.xlsx has no sheet named "Summary".' });
  });

  it('reads every sheet of a workbook with no shared strings (inline text and numbers only)', async () => {
    // exceljs parks such worksheets in temporary files, and of two parked sheets read only the first.
    const dir = tempDir();
    const path = join(dir, 'inline.xlsx');
    writeFileSync(path, zipParts(workbookParts([{ name: 'One', xml: sheetXml([['Customer ID', 'Email'], ['K1', 'a@x.com']]) }, { name: 'Two', xml: sheetXml([['Customer ID', 'Email'], ['K2', 'b@x.com'], ['K3', 'c@x.com']]) }])));
    const results = await importFiles(project(dir), [{ path }]);
    expect(results.map((r) => [r.file, r.imported])).toEqual([['inline.xlsx › One', 1], ['inline.xlsx › Two', 2]]);
  });

  it('reads every sheet of a workbook saved the way Excel saves it (worksheets before the shared strings)', async () => {
    const dir = tempDir();
    const path = join(dir, 'excel.xlsx');
    const strings = ['Customer ID', 'Email', 'K1', 'a@x.com', 'K2', 'b@x.com', 'K3', 'c@x.com'];
    const shared = (cells: number[][]) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells.map((row, r) => `<row r="${r + 1}">${row.map((s, c) => `<c r="${'AB'[c]}${r + 1}" t="s"><v>${s}</v></c>`).join('')}</row>`).join('')}</sheetData></worksheet>`;
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
    writeFileSync(path, zipParts(workbookParts([{ name: 'East', xml: shared([[0, 1], [2, 3], [4, 5]]) }, { name: 'West', xml: shared([[0, 1], [6, 7]]) }], { 'xl/sharedStrings.xml': sst })));
    const db = project(dir);
    const results = await importFiles(db, [{ path }]);
    expect(results.map((r) => [r.file, r.imported])).toEqual([['excel.xlsx › East', 2], ['excel.xlsx › West', 1]]);
    expect(db.prepare('SELECT email FROM customers ORDER BY id').pluck().all()).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
  });

  it('keeps the plain file name for a workbook with one sheet of data', async () => {
    const dir = tempDir();
    const path = join(dir, 'single.xlsx');
    writeFileSync(path, zipParts(workbookParts([{ name: 'Empty', xml: sheetXml([]) }, { name: 'Data', xml: sheetXml([['Customer ID', 'Email'], ['K1', 'a@x.com']]) }])));
    const [file] = await importFiles(project(dir), [{ path }]);
    expect(file).toMatchObject({ file: 'single.xlsx', sheet: 'Data', rows: 1, imported: 1 });
  });
});

describe('workbooks that would not fit in memory', () => {
  /** Millions of tiny shared strings: under 200 KB packed, about 80 MB of XML, more than 400 MB once read as strings. */
  function sharedStringsBomb(path: string, strings: number): void {
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings}" uniqueCount="${strings}">${'<si><t>x</t></si>'.repeat(strings)}</sst>`;
    const sheet = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>';
    writeFileSync(path, zipParts(workbookParts([{ name: 'Sheet1', xml: sheet }], { 'xl/sharedStrings.xml': sst })));
  }

  it('refuses a shared-strings bomb with a sentence before reading it, and writes nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'tiny.xlsx');
    sharedStringsBomb(path, 4_700_000);
    expect(statSync(path).size).toBeLessThan(250_000);
    const db = project(dir);
    const sentence = /^tiny\.xlsx is not a workbook we can read safely: its part xl\/sharedStrings\.xml unpacks to more than \d+ MB from \d+ KB, over 100 times its packed size, which no real export does\. Nothing was imported\.$/;
    await expect(previewSources(db, path)).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(sentence) });
    await expect(importFiles(db, [{ path }])).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(sentence) });
    expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
  });

  it('caps the shared text held in memory and the total unpacked size, whatever the compression', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.xlsx');
    sharedStringsBomb(path, 100_000); // 1.7 MB of shared strings
    const entries = readZipDirectory(path, statSync(path).size)!;
    const loose = { ...zipLimits, ratio: 1e9, ratioFloor: 0 };
    await expect(checkZipLimits(path, 'big.xlsx', entries, { ...loose, inMemoryPartBytes: 1 << 20 })).rejects.toMatchObject({
      message: 'big.xlsx holds more shared text (xl/sharedStrings.xml) than can be read into memory: it unpacks to more than 1 MB. Save each sheet as CSV and import those instead.',
    });
    await expect(checkZipLimits(path, 'big.xlsx', entries, { ...loose, totalBytes: 1 << 20 })).rejects.toMatchObject({ message: 'big.xlsx unpacks to more than 1 MB. Save each sheet as CSV and import those instead.' });
    expect(await checkZipLimits(path, 'big.xlsx', entries, loose)).toBeGreaterThan(1_700_000);
  });

  it('quarantines a row longer than a record may be, and reads the rows after it', async () => {
    const dir = tempDir();
    const path = join(dir, 'wide.xlsx');
    const rows = [['Customer ID', 'Email', 'Note'], ['K1', 'a@x.com', 'x'.repeat(MAX_RECORD_CHARS)], ['K2', 'b@x.com', 'short']];
    writeFileSync(path, zipParts(workbookParts([{ name: 'Sheet1', xml: sheetXml(rows) }])));
    const db = project(dir);
    const [file] = await importFiles(db, [{ path }]);
    expect(file).toMatchObject({ rows: 2, imported: 1, quarantined: 1 });
    expect(db.prepare('SELECT row_number, line_number, reason FROM quarantine').get()).toEqual({ row_number: 1, line_number: 2, reason: 'record_too_large' });
  });

  it('says a workbook with broken XML is damaged, in one sentence', async () => {
    const dir = tempDir();
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, zipParts(workbookParts([{ name: 'Sheet1', xml: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></sheetData></row></worksheet>' }])));
    await expect(importFiles(project(dir), [{ path }])).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(/^The spreadsheet is damaged or not an XLSX file: [^\n]+$/) });
  });
});
