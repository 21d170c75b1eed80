import ExcelJS from 'exceljs';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { MAX_RECORD_CHARS, oversizedRecord } from './limits.ts';
import { checkFieldCount, headersFirst, normaliseHeaders, type ParsedRecord, type RecordStream } from './records.ts';
import { workbookStream } from './workbook-stream.ts';
import { readZipDirectory } from './zip-directory.ts';
import { damaged } from './zip-limits.ts';

/** Turns an exceljs cell value into the text a person saw in the spreadsheet. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? '').join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ('error' in value) return String(value.error);
    return JSON.stringify(value);
  }
  return String(value);
}

/** A worksheet of a workbook: its name, and whether it has a header row and rows under it. */
export interface SheetInfo {
  name: string;
  header: boolean;
  dataRows: boolean;
}

interface Sheet {
  name: string;
  rows: AsyncIterable<ExcelJS.Row>;
}

/** The cells of a row as text; null for a row with nothing in it. */
function rowCells(row: ExcelJS.Row): string[] | null {
  const values = row.values as ExcelJS.CellValue[]; // 1-based, [0] unused
  const cells: string[] = [];
  let filled = false;
  for (let c = 1; c < values.length; c++) {
    const text = cellText(values[c]);
    const blank = text.trim() === '';
    cells.push(blank ? '' : text);
    filled ||= !blank;
  }
  return filled ? cells : null;
}

function damagedSheet(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('file_unreadable', `The spreadsheet is damaged or not an XLSX file: ${(err as Error).message}`);
}

/** A worksheet's rows; damaged XML becomes one readable error. */
async function* guardedRows(rows: AsyncIterable<ExcelJS.Row>): AsyncGenerator<ExcelJS.Row> {
  try {
    yield* rows;
  } catch (err) {
    throw damagedSheet(err);
  }
}

/** Every worksheet, in sheet order. Damage anywhere (zip or XML) becomes one readable error. */
async function* worksheets(path: string): AsyncGenerator<Sheet> {
  const entries = readZipDirectory(path, statSync(path).size);
  if (!entries) throw damaged(basename(path), 'its list of parts is missing or cut short');
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(workbookStream(path, basename(path), entries), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
    let index = 0;
    for await (const sheet of reader) {
      index++;
      yield { name: (sheet as unknown as { name?: string }).name ?? `Sheet${index}`, rows: guardedRows(sheet as AsyncIterable<ExcelJS.Row>) };
    }
  } catch (err) {
    throw damagedSheet(err);
  }
}

/** Lists the worksheets, reading each only as far as its first two non-empty rows. */
export async function listSheets(path: string): Promise<SheetInfo[]> {
  const sheets: SheetInfo[] = [];
  for await (const sheet of worksheets(path)) {
    let filled = 0;
    for await (const row of sheet.rows) if (rowCells(row) && ++filled === 2) break;
    sheets.push({ name: sheet.name, header: filled > 0, dataRows: filled > 1 });
  }
  return sheets;
}

/** The sheets an import reads: each one with data rows; else the first with a header (an empty table is still a source). */
export function sheetsToRead(sheets: SheetInfo[]): string[] {
  const withData = sheets.filter((s) => s.dataRows).map((s) => s.name);
  if (withData.length) return withData;
  const headed = sheets.find((s) => s.header);
  return headed ? [headed.name] : [];
}

/**
 * Streams one worksheet. Spreadsheet programs drop trailing empty cells, so a
 * short row is padded rather than quarantined; cells beyond the header that
 * hold values still are quarantined, and so is a row longer than a record
 * may be.
 */
export async function readXlsx(path: string, sheetName: string): Promise<RecordStream> {
  const size = statSync(path).size;
  let headers: string[] | null = null;
  let rowNo = 0;
  let bytes = 0;

  async function* rows(): AsyncGenerator<ParsedRecord[]> {
    for await (const sheet of worksheets(path)) {
      if (sheet.name !== sheetName) continue;
      let batch: ParsedRecord[] = [];
      for await (const row of sheet.rows) {
        const cells = rowCells(row);
        if (!cells) continue;
        if (headers === null) {
          headers = normaliseHeaders(cells);
          continue;
        }
        rowNo++;
        batch.push(sheetRecord(headers.length, cells, rowNo, row.number));
        if (batch.length >= 2000) {
          bytes = Math.min(size, Math.round((rowNo / (rowNo + 1000)) * size));
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
    bytes = size;
  }

  return headersFirst(rows(), () => headers, { bytesRead: () => bytes });
}

function sheetRecord(headerCount: number, cells: string[], rowNumber: number, lineNumber: number): ParsedRecord {
  const length = cells.reduce((n, c) => n + c.length + 1, -1);
  if (length > MAX_RECORD_CHARS) return oversizedRecord(rowNumber, lineNumber, cells.join('\t').slice(0, MAX_RECORD_CHARS), length);
  while (cells.length < headerCount) cells.push('');
  return checkFieldCount(headerCount, cells, rowNumber, lineNumber, () => cells.join('\t'));
}
