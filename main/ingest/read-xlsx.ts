import ExcelJS from 'exceljs';
import { statSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { checkFieldCount, headersFirst, normaliseHeaders, type ParsedRecord, type RecordStream } from './records.ts';

/** Turns an exceljs cell value into the text a person saw in the spreadsheet. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ('error' in value) return String(value.error);
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * Streams the first worksheet that has data. Spreadsheet programs drop
 * trailing empty cells, so a short row is padded rather than quarantined;
 * cells beyond the header that hold values still are quarantined.
 */
export async function readXlsx(path: string): Promise<RecordStream> {
  const size = statSync(path).size;
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  } catch (err) {
    throw new AppError('file_unreadable', `Cannot open the spreadsheet: ${(err as Error).message}`);
  }
  let headers: string[] | null = null;
  let rowNo = 0;
  let bytes = 0;

  async function* sheets(): AsyncGenerator<ParsedRecord[]> {
    try {
      for await (const sheet of reader) {
        let batch: ParsedRecord[] = [];
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
          const values = row.values as ExcelJS.CellValue[]; // 1-based, [0] unused
          const cells: string[] = [];
          for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim() === '' ? '' : cellText(values[c]));
          if (cells.every((c) => c.trim() === '')) continue;
          if (headers === null) {
            headers = normaliseHeaders(cells);
            continue;
          }
          rowNo++;
          while (cells.length < headers.length) cells.push('');
          batch.push(checkFieldCount(headers.length, cells, rowNo, row.number, () => cells.join('\t')));
          if (batch.length >= 2000) {
            bytes = Math.min(size, Math.round((rowNo / (rowNo + 1000)) * size));
            yield batch;
            batch = [];
          }
        }
        if (batch.length) yield batch;
        if (headers !== null) break; // only the first sheet with data is a customer table
      }
    } catch (err) {
      throw new AppError('file_unreadable', `The spreadsheet is damaged or not an XLSX file: ${(err as Error).message}`);
    }
    bytes = size;
  }

  return headersFirst(sheets(), () => headers, { bytesRead: () => bytes });
}
