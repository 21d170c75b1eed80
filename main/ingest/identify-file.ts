import { AppError } from '../../shared/errors.ts';
import { BINARY_SHARE, binaryKind, isZip, markupKind, MIN_STRANGE, strangeCharacterShare } from './binary-signatures.ts';
import { readZipDirectory } from './zip-directory.ts';
import { zipKind } from './zip-kind.ts';
import { checkZipLimits, damaged } from './zip-limits.ts';

export type FileFormat = 'csv' | 'xlsx' | 'json';

const notAnExport = (fileName: string, what: string, hint?: string): AppError =>
  new AppError('file_unreadable', `${fileName} looks like ${what}, not a CSV, XLSX or JSON export, so nothing was read from it.${hint ? ` ${hint}` : ''}`);

/**
 * Decides how to read a file from its content, and refuses before anything
 * is written what is not an export: images, documents, archives, programs,
 * and workbooks that would unpack past the memory limits. The name only
 * breaks ties between the text formats.
 */
export async function identifyFormat(path: string, fileName: string, head: Buffer, size: number): Promise<FileFormat> {
  const named = fileName.toLowerCase();
  if (isZip(head)) {
    const entries = readZipDirectory(path, size);
    if (!entries) throw damaged(fileName, 'its list of parts is missing or cut short');
    const kind = zipKind(entries, head);
    if (!kind.workbook) throw notAnExport(fileName, kind.what, kind.hint);
    await checkZipLimits(path, fileName, entries);
    return 'xlsx';
  }
  const binary = binaryKind(head);
  if (binary) throw notAnExport(fileName, binary.what, binary.hint);
  if (named.endsWith('.xlsx') || named.endsWith('.xlsm')) {
    throw damaged(fileName, 'an XLSX file is a zip archive and this one is not (if it holds comma-separated text, rename it to .csv)');
  }
  // The name decides between the text formats when it names one: a CSV may well start with "[".
  if (named.endsWith('.json')) return 'json';
  if (/\.(csv|tsv|txt|tab)$/.test(named)) return 'csv';
  const start = head.toString('utf8', 0, 64).replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('[') || /^\{\s*"/.test(start) ? 'json' : 'csv';
}

/**
 * The decoded head of a text file: markup saved under a spreadsheet name, or
 * bytes that decode to control characters no text holds (a file with an
 * unknown binary format), are refused.
 */
export function refuseNonText(fileName: string, sample: string): void {
  const markup = markupKind(sample);
  if (markup) throw notAnExport(fileName, markup.what, markup.hint);
  const strange = strangeCharacterShare(sample);
  if (strange.count >= MIN_STRANGE && strange.share > BINARY_SHARE) {
    throw notAnExport(fileName, `binary data (${Math.round(strange.share * 100)}% of its first characters are control codes no text holds)`);
  }
}
