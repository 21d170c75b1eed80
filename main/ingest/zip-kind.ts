import type { ZipEntry } from './zip-directory.ts';

/**
 * XLSX, Word, OpenDocument and plain archives are all zip files; the parts
 * they hold say which. Only a workbook with XML parts is ours to read.
 */
export function zipKind(entries: ZipEntry[], head: Buffer): { workbook: true } | { workbook: false; what: string; hint: string } {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  const has = (prefix: string): boolean => [...names].some((n) => n.startsWith(prefix));
  const saveAs = 'Open it in a spreadsheet program and save it as XLSX or CSV, then import that.';
  if (names.has('xl/workbook.xml')) return { workbook: true };
  if (names.has('xl/workbook.bin')) return { workbook: false, what: 'an Excel binary workbook (.xlsb)', hint: saveAs };
  // OpenDocument keeps its type, uncompressed, in the first part ("mimetype").
  const start = head.toString('latin1', 0, Math.min(head.length, 200));
  if (start.includes('opendocument.spreadsheet')) return { workbook: false, what: 'an OpenDocument spreadsheet (.ods)', hint: saveAs };
  if (has('index/document.iwa')) return { workbook: false, what: 'an Apple Numbers spreadsheet', hint: saveAs };
  if (has('word/')) return { workbook: false, what: 'a Word document', hint: 'Export the data as CSV or XLSX, then import that.' };
  if (has('ppt/')) return { workbook: false, what: 'a PowerPoint presentation', hint: 'Export the data as CSV or XLSX, then import that.' };
  if (start.includes('opendocument')) return { workbook: false, what: 'an OpenDocument file', hint: 'Export the data as CSV or XLSX, then import that.' };
  return { workbook: false, what: 'a zip archive', hint: 'Unpack it and import the files inside.' };
}
