import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ZipEntry } from './zip-directory.ts';
import { damaged, dataStart } from './zip-limits.ts';

/**
 * exceljs's streaming reader reads a workbook's parts in zip order. When a
 * worksheet comes before the shared strings (as Excel writes them) or the
 * workbook has none, it parks each worksheet in a temporary file and reads
 * them at the end, and there it drops sheets: of two parked sheets, often
 * only the first is ever read, without a word. So it is handed the parts in
 * the order it needs: relationships, workbook, styles and shared strings
 * (an empty list when the workbook has none) first, worksheets last, in
 * sheet order. The packed bytes are copied as they are, behind fresh local
 * headers that carry the sizes from the zip's directory.
 */
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const EMPTY_SHARED_STRINGS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';
const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

/** Names exceljs matches exactly; some writers vary their case. */
const canonical = new Map([SHARED_STRINGS, WORKBOOK_RELS, 'xl/workbook.xml', 'xl/styles.xml', '_rels/.rels'].map((n) => [n.toLowerCase(), n]));

function rank(name: string): number {
  const order = ['_rels/.rels', WORKBOOK_RELS, 'xl/workbook.xml', 'xl/styles.xml', SHARED_STRINGS];
  const i = order.indexOf(name);
  if (i !== -1) return i;
  return /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? order.length + 1 : order.length;
}

/** An empty end-of-directory record: the unzipper stops there instead of running off the end. */
const END_OF_ARCHIVE = (() => {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
})();

const sheetNumber = (name: string): number => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);

export function workbookStream(path: string, fileName: string, entries: ZipEntry[]): Readable {
  const parts = entries.filter((e) => !e.name.endsWith('/')).map((e) => ({ entry: e, name: canonical.get(e.name.toLowerCase()) ?? e.name }));
  const synthetic: { name: string; text: string }[] = [];
  if (!parts.some((p) => p.name === SHARED_STRINGS)) synthetic.push({ name: SHARED_STRINGS, text: EMPTY_SHARED_STRINGS });
  if (!parts.some((p) => p.name === WORKBOOK_RELS)) synthetic.push({ name: WORKBOOK_RELS, text: EMPTY_RELS });
  parts.sort((a, b) => rank(a.name) - rank(b.name) || sheetNumber(a.name) - sheetNumber(b.name));
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const s of synthetic) {
      const data = Buffer.from(s.text, 'utf8');
      yield localHeader(s.name, 0, 0, data.length, data.length);
      yield data;
    }
    for (const { entry, name } of parts) {
      const start = dataStart(path, entry);
      if (start === null) throw damaged(fileName, `the part ${entry.name} is missing`);
      yield localHeader(name, entry.method, entry.crc32, entry.compressedSize, entry.size);
      if (entry.compressedSize > 0) yield* createReadStream(path, { start, end: start + entry.compressedSize - 1 });
    }
    yield END_OF_ARCHIVE;
  }
  return Readable.from(bytes(), { objectMode: false });
}

function localHeader(name: string, method: number, crc: number, packed: number, size: number): Buffer {
  const fileName = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // UTF-8 name; sizes known, no data descriptor follows
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(packed, 18);
  header.writeUInt32LE(size >>> 0, 22);
  header.writeUInt16LE(fileName.length, 26);
  return Buffer.concat([header, fileName]);
}
