import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { detectEncoding, makeDecoder, supportedEncodings, type Encoding } from './detect-encoding.ts';
import { identifyFormat, refuseNonText, type FileFormat } from './identify-file.ts';
import { readCsv } from './read-csv.ts';
import { readJson } from './read-json.ts';
import { readXlsx } from './read-xlsx.ts';
import type { RecordStream } from './records.ts';
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
  return { path, fileName, format, scan, encoding, delimiter };
}

export async function openRecords(file: InspectedFile): Promise<RecordStream> {
  let stream: RecordStream;
  if (file.format === 'xlsx') stream = await readXlsx(file.path);
  else if (file.format === 'json') stream = await readJson(file.path, file.encoding!);
  else stream = await readCsv(file.path, file.encoding!, file.delimiter!, { verify: !file.scan.complete });
  if (stream.headers.length === 0) throw new AppError('file_unreadable', `${file.fileName} has no header row.`);
  return stream;
}
