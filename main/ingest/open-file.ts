import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { detectEncoding, makeDecoder, supportedEncodings, type Encoding } from './detect-encoding.ts';
import { readCsv } from './read-csv.ts';
import { readJson } from './read-json.ts';
import { readXlsx } from './read-xlsx.ts';
import type { RecordStream } from './records.ts';
import { headScan, scanFile, type FileScan } from './scan-file.ts';
import { delimiters, sniffDelimiter, type Delimiter } from './sniff-delimiter.ts';

export type FileFormat = 'csv' | 'xlsx' | 'json';

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
}

function detectFormat(path: string, head: Buffer): FileFormat {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx'; // a zip container
  const lower = path.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return 'xlsx';
  const firstChar = head.toString('utf8', 0, 64).replace(/^\uFEFF/, '').trimStart()[0];
  if (lower.endsWith('.json') || firstChar === '[' || (firstChar === '{' && lower.endsWith('.json'))) return 'json';
  return 'csv';
}

/** Works out format, encoding and delimiter; the caller's choices override the guesses. */
export async function inspectFile(path: string, opts: ReadOptions = {}): Promise<InspectedFile> {
  let scan = opts.quick ? await headScan(path) : await scanFile(path);
  // Spreadsheets and JSON are read whole anyway: hash them up front.
  if (!scan.complete && detectFormat(path, scan.head) !== 'csv') scan = await scanFile(path);
  if (scan.size === 0) throw new AppError('file_unreadable', `${basename(path)} is empty.`);
  const format = detectFormat(path, scan.head);
  if (opts.encoding && !supportedEncodings.includes(opts.encoding)) throw new AppError('invalid_input', `Unknown encoding ${opts.encoding}.`);
  if (opts.delimiter && !delimiters.includes(opts.delimiter)) throw new AppError('invalid_input', `Unsupported delimiter ${JSON.stringify(opts.delimiter)}.`);
  const encoding = format === 'xlsx' ? null : (opts.encoding ?? detectEncoding(scan));
  let delimiter: Delimiter | null = null;
  if (format === 'csv') {
    const sample = makeDecoder(encoding!).decode(scan.head, { stream: true });
    delimiter = opts.delimiter ?? (path.toLowerCase().endsWith('.tsv') ? '\t' : sniffDelimiter(sample));
  }
  return { path, fileName: basename(path), format, scan, encoding, delimiter };
}

export async function openRecords(file: InspectedFile): Promise<RecordStream> {
  let stream: RecordStream;
  if (file.format === 'xlsx') stream = await readXlsx(file.path);
  else if (file.format === 'json') stream = await readJson(file.path, file.encoding!);
  else stream = await readCsv(file.path, file.encoding!, file.delimiter!, { verify: !file.scan.complete });
  if (stream.headers.length === 0) throw new AppError('file_unreadable', `${file.fileName} has no header row.`);
  return stream;
}
