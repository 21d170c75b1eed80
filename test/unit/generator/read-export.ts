import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { CsvEncoding } from '../../../resources/generator/export/encodings.ts';
import { readTruthFile, TRUTH_HEADER, type TruthRecord } from '../../../resources/generator/export/truth-file.ts';

/** One line of a generator truth file (the generator's own reader, which also reads files without the value columns). */
export type TruthRow = Omit<TruthRecord, 'errors'> & { errors: { field: string; kind: string }[] };

export function readTruth(path: string): TruthRow[] {
  const rows = readTruthFile(path);
  if (readFileSync(path, 'utf8').split('\n', 1)[0] !== TRUTH_HEADER) throw new Error(`unexpected truth header in ${path}`);
  return rows;
}

const ICONV_NAME: Record<CsvEncoding, string> = { utf8: 'utf8', 'utf8-bom': 'utf8', utf16le: 'utf16le', 'windows-1252': 'win1252', gb18030: 'gb18030' };

/** Decodes an export as an importer would (iconv-lite strips the BOM). */
export function decodeExport(path: string, encoding: CsvEncoding): string {
  return iconv.decode(readFileSync(path), ICONV_NAME[encoding]);
}

export interface ParsedCsv {
  header: string[];
  records: string[][];
  /** 0-based data record index → papaparse error codes on it. */
  errors: Map<number, string[]>;
}

/** A strict RFC 4180 parse with papaparse; the header is record 0 and not counted. */
export function parseCsv(text: string, delimiter: string): ParsedCsv {
  const result = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const [header, ...records] = result.data;
  // A file that ends with a line break yields one empty trailing record.
  if (records.length && records[records.length - 1].length === 1 && records[records.length - 1][0] === '') records.pop();
  const errors = new Map<number, string[]>();
  for (const e of result.errors) {
    if (e.row === undefined || e.code === 'UndetectableDelimiter') continue;
    const at = e.row - 1;
    errors.set(at, [...(errors.get(at) ?? []), e.code]);
  }
  return { header, records, errors };
}
