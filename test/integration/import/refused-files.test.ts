import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { previewFile } from '../../../main/ingest/preview-file.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { zipParts } from '../../helpers/zip.ts';

const tempDir = useTempDir();

/** A seeded byte source, so every run writes the same "random" files. */
function bytes(seed: number, n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.alloc(4)]); // the CRC is not checked by anyone here
}

/** A real PNG of noise, 120×120: about the size of the screenshot that once "imported" 354 empty customers. */
function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(120, 0);
  ihdr.writeUInt32BE(120, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const pixels = bytes(7, 121 * 120 * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(pixels)), pngChunk('IEND', Buffer.alloc(0))]);
}

function windowsProgram(): Buffer {
  const exe = Buffer.concat([Buffer.from('MZ'), bytes(3, 4094)]);
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
}

const binaries: [string, string, () => Buffer, RegExp][] = [
  ['a PNG picked by mistake', 'contacts.csv', png, /looks like a PNG image/],
  ['a PDF', 'export.pdf', () => Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), bytes(5, 3000)]), /looks like a PDF document/],
  ['a zip that is not a workbook', 'export.zip', () => zipParts({ 'contacts.csv': 'id,name\n1,Ann\n' }), /looks like a zip archive.*Unpack it/],
  ['a Word document', 'notes.docx', () => zipParts({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), /looks like a Word document/],
  ['an old .xls workbook', 'legacy.xls', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), bytes(9, 4000)]), /Excel 97–2003 workbook.*save it as XLSX or CSV/],
  ['a Windows program', 'setup.exe', windowsProgram, /looks like a Windows program/],
  ['a gzip archive', 'contacts.csv.gz', () => Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), bytes(11, 2000)]), /looks like a gzip archive/],
  ['a web page saved as .xls', 'report.xls', () => Buffer.from('<!DOCTYPE html><html><body><table><tr><td>Ann</td></tr></table></body></html>'), /web page \(HTML\)/],
  ['binary data of no known kind', 'dump.dat', () => bytes(13, 20_000), /looks like binary data/],
];

function project(dir: string): Db {
  return openProject(join(dir, 'p.crmsteward'), { create: true });
}

const tableCounts = (db: Db) => db.prepare('SELECT (SELECT count(*) FROM sources) sources, (SELECT count(*) FROM raw_rows) raw, (SELECT count(*) FROM quarantine) quarantine, (SELECT count(*) FROM customers) customers').get();

describe('files that are not exports', () => {
  it.each(binaries)('%s is refused by name before anything is written', async (_case, name, make, message) => {
    const dir = tempDir();
    const path = join(dir, name);
    writeFileSync(path, make());
    const db = project(dir);
    await expect(previewFile(db, path)).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(message) });
    await expect(importFiles(db, [{ path }])).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(message) });
    expect(tableCounts(db)).toEqual({ sources: 0, raw: 0, quarantine: 0, customers: 0 });
  });

  it('refuses a whole import when one of its files is binary, keeping the others out too (all or nothing)', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'id,name\n1,Ann\n');
    const picture = join(dir, 'photo.png');
    writeFileSync(picture, png());
    const db = project(dir);
    await expect(importFiles(db, [{ path: good }, { path: picture }])).rejects.toMatchObject({ message: expect.stringContaining('photo.png looks like a PNG image') });
    expect(tableCounts(db)).toEqual({ sources: 0, raw: 0, quarantine: 0, customers: 0 });
  });

  it('still reads text that merely contains a few control characters', async () => {
    const dir = tempDir();
    const path = join(dir, 'erp.csv');
    writeFileSync(path, 'id,name,note\n1,Ann,\u0001odd\n2,Bob,fine\n3,Cy,\u001bescape\n');
    const [file] = await importFiles(project(dir), [{ path }]);
    expect(file).toMatchObject({ rows: 3, imported: 3 });
  });
});

describe('paths that are not readable files', () => {
  it('says a folder is a folder, in the service and the preview', async () => {
    const dir = tempDir();
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const db = project(dir);
    const sentence = `${folder} is a folder, not a file. Choose the export files inside it.`;
    await expect(previewFile(db, folder)).rejects.toMatchObject({ code: 'file_unreadable', message: sentence });
    await expect(importFiles(db, [{ path: folder }])).rejects.toMatchObject({ code: 'file_unreadable', message: sentence });
  });

  it('refuses a named pipe instead of waiting for it forever', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'contacts.csv');
    execFileSync('mkfifo', [fifo]);
    await expect(importFiles(project(dir), [{ path: fifo }])).rejects.toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('is not a regular file') });
  });

  it('the CLI answers a folder or a picture with exit code 1 and one line, no stack trace', () => {
    const dir = tempDir();
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const picture = join(dir, 'photo.png');
    writeFileSync(picture, png());
    for (const [path, words] of [[folder, 'is a folder, not a file'], [picture, 'looks like a PNG image']]) {
      const res = spawnSync(process.execPath, ['bin/crm-steward.mjs', 'import', path, '--project', join(dir, 'p.crmsteward')], { encoding: 'utf8' });
      expect(res.status).toBe(1);
      expect(res.stderr).toContain(words);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
