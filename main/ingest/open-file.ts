import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { detectEncoding, makeDecoder, supportedEncodings, type Encoding } from './detect-encoding.ts';
import { identifyFormat, refuseNonText, type FileFormat } from './identify-file.ts';
import { readCsv } from './read-csv.ts';
import { readJson } from './read-json.ts';
import { unreadable } from './file-access.ts';
import { listSheets, readXlsx, sheetsToRead, type SheetInfo } from './read-xlsx.ts';
import type { RecordBatch, RecordStream } from './records.ts';
import { headScan, scanFile, type FileScan } from './scan-file.ts';
import { delimiters, sniffDelimiter, type Delimiter } from './sniff-delimiter.ts';

export type { FileFormat };

export interface ReadOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  /** Read only the head now (see headScan); only for delimited text, others always scan fully. */
  quick?: boolean;
}

export interface InspectedFile {
  path: string;
  fileName: string;
  format: FileFormat;
  scan: FileScan;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  /** A workbook's worksheets, in order; null for text files. */
  sheets: SheetInfo[] | null;
}

/** One table of a file, imported as its own source: a text file is one, a workbook has one per worksheet with data. */
export interface FileTable {
  sheet: string | null;
  /** The source's name: the file's, or "book.xlsx › Orders" when a workbook gives several sources. */
  name: string;
}

export function tablesOf(file: InspectedFile): FileTable[] {
  if (!file.sheets) return [{ sheet: null, name: file.fileName }];
  const names = sheetsToRead(file.sheets);
  return names.map((sheet) => ({ sheet, name: names.length > 1 ? `${file.fileName} › ${sheet}` : file.fileName }));
}

/**
 * Works out format, encoding and delimiter; the caller's choices override the
 * guesses. Files that are not exports are refused here, before anything is
 * written.
 */
export async function inspectFile(path: string, opts: ReadOptions = {}): Promise<InspectedFile> {
  const fileName = basename(path);
  if (opts.encoding && !supportedEncodings.includes(opts.encoding)) throw new AppError('invalid_input', `Unknown encoding ${opts.encoding}.`);
  if (opts.delimiter && !delimiters.includes(opts.delimiter)) throw new AppError('invalid_input', `Unsupported delimiter ${JSON.stringify(opts.delimiter)}.`);
  let scan = opts.quick ? await headScan(path) : await scanFile(path);
  if (scan.size === 0) throw new AppError('file_unreadable', `${fileName} is empty.`);
  const format = await identifyFormat(path, fileName, scan.head, scan.size);
  // Spreadsheets and JSON are read whole anyway: hash them up front.
  if (!scan.complete && format !== 'csv') scan = await scanFile(path);
  const encoding = format === 'xlsx' ? null : (opts.encoding ?? detectEncoding(scan));
  let delimiter: Delimiter | null = null;
  if (encoding) {
    const sample = makeDecoder(encoding).decode(scan.head, { stream: true });
    refuseNonText(fileName, sample);
    if (format === 'csv') delimiter = opts.delimiter ?? (path.toLowerCase().endsWith('.tsv') ? '\t' : sniffDelimiter(sample));
  }
  const sheets = format === 'xlsx' ? await listSheets(path) : null;
  if (sheets && sheetsToRead(sheets).length === 0) throw new AppError('file_unreadable', `${fileName} has no header row.`);
  return { path, fileName, format, scan, encoding, delimiter, sheets };
}

/** Opens one table of a file (a workbook's first with data when no sheet is named). */
export async function openRecords(file: InspectedFile, sheet: string | null = null): Promise<RecordStream> {
  let stream: RecordStream;
  try {
    if (file.format === 'xlsx') stream = await readXlsx(file.path, sheetToRead(file, sheet));
    else if (file.format === 'json') stream = await readJson(file.path, file.encoding!);
    else stream = await readCsv(file.path, file.encoding!, file.delimiter!, { verify: !file.scan.complete });
  } catch (err) {
    throw unreadable(file.fileName, err);
  }
  if (stream.headers.length === 0) throw new AppError('file_unreadable', `${file.fileName} has no header row.`);
  return { ...withHeaders(stream), batches: readableErrors(file.fileName, stream.batches) };
}

function sheetToRead(file: InspectedFile, sheet: string | null): string {
  const sheets = file.sheets ?? [];
  if (sheet === null) return sheetsToRead(sheets)[0];
  if (!sheets.some((s) => s.name === sheet)) throw new AppError('invalid_input', `${file.fileName} has no sheet named "${sheet}" (its sheets: ${sheets.map((s) => s.name).join(', ')}).`);
  return sheet;
}

/** A stream's fields with its headers read once (some readers expose them through a getter). */
function withHeaders(stream: RecordStream): RecordStream {
  const { headers, json, batches, bytesRead, contentHash, useLayout } = stream;
  return { headers, json, batches, bytesRead, contentHash, useLayout };
}

/**
 * A reader failing half-way (a disk error, a library tripping over damaged
 * content) reaches the user as one sentence naming the file, not a stack
 * trace; errors that already are sentences pass through.
 */
async function* readableErrors(fileName: string, batches: AsyncIterable<RecordBatch>): AsyncGenerator<RecordBatch> {
  try {
    yield* batches;
  } catch (err) {
    throw unreadable(fileName, err);
  }
}
