import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { CsvEncoding } from '../../../resources/generator/export/encodings.ts';

/** One line of a generator truth file. */
export interface TruthRow {
  rowNumber: number;
  lineNumber: number;
  recordId: string;
  entityId: string;
  householdId: string;
  role: string;
  locale: string;
  broken: boolean;
  brokenKind: string;
  errors: { field: string; kind: string }[];
}

export function readTruth(path: string): TruthRow[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  expectHeader(lines[0]);
  return lines.slice(1).map((line) => {
    const c = line.split(',');
    return {
      rowNumber: Number(c[0]), lineNumber: Number(c[1]), recordId: c[2], entityId: c[3], householdId: c[4], role: c[5],
      locale: c[6], broken: c[7] === '1', brokenKind: c[8],
      errors: c[9] ? c[9].split(';').map((e) => ({ field: e.split(':')[0], kind: e.split(':')[1] })) : [],
    };
  });
}

function expectHeader(header: string): void {
  if (header !== 'row_number,line_number,record_id,entity_id,household_id,role,locale,broken,broken_kind,errors') throw new Error(`unexpected truth header ${header}`);
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
