/**
 * A table written to a file as CSV (main/lib/csv.ts: formula cells
 * neutralised) or XLSX, to a temporary file renamed at the end, so a
 * cancelled or failed export never leaves half a file where the user
 * expects a whole one.
 */
import { renameSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { CsvFileWriter, type CsvValue } from './csv.ts';
import { privateWriteStream } from './private-files.ts';

export interface Sink {
  row(values: CsvValue[]): void;
  close(): Promise<void>;
  abandon(): void;
}

/** Excel's sheet holds 1,048,576 rows; the header takes one. */
const SHEET_ROWS = 1_048_575;

/**
 * Runs `fill` on a sink writing `path` (a temporary file until it returns),
 * then renames the file into place; on any failure the partial file goes.
 */
export async function writeTableFile<T>(path: string, format: 'csv' | 'xlsx', opts: { bom?: boolean; sheet?: string }, fill: (sink: Sink) => T | Promise<T>): Promise<T> {
  const partial = `${path}.partial-${process.pid}`;
  const writer = format === 'csv' ? csvSink(partial, opts.bom ?? false) : xlsxSink(partial, opts.sheet ?? 'Sheet');
  try {
    const result = await fill(writer);
    await writer.close();
    renameSync(partial, path);
    return result;
  } catch (err) {
    writer.abandon();
    rmSync(partial, { force: true });
    throw err;
  }
}

export function csvSink(path: string, bom: boolean): Sink {
  const out = new CsvFileWriter(path, { bom });
  return { row: (v) => out.row(v), close: async () => out.close(), abandon: () => out.abandon() };
}

/**
 * Streamed XLSX: numbers stay numbers, everything else is a text cell (a
 * value such as "=HYPERLINK(…)" is stored as text, never as a formula), and
 * more rows than a sheet holds continue on the next sheet.
 */
export function xlsxSink(path: string, name: string): Sink {
  // Our own stream rather than ExcelJS's `filename`, so the file is created readable by the owner only.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: privateWriteStream(path), useStyles: false, useSharedStrings: false });
  let header: CsvValue[] = [];
  let sheet: ExcelJS.Worksheet | null = null;
  let rowsInSheet = 0;
  let sheets = 0;
  const newSheet = (): void => {
    sheet?.commit();
    sheets++;
    sheet = book.addWorksheet(sheets === 1 ? name : `${name} (${sheets})`);
    sheet.addRow(header.map(cellOf)).commit();
    rowsInSheet = 0;
  };
  return {
    row(values) {
      if (!sheet) {
        header = values;
        newSheet();
        return;
      }
      if (rowsInSheet === SHEET_ROWS) newSheet();
      sheet!.addRow(values.map(cellOf)).commit();
      rowsInSheet++;
    },
    async close() {
      sheet?.commit();
      await book.commit();
    },
    abandon() {
      // The stream is left unfinished; the partial file is removed by the caller.
    },
  };
}

function cellOf(v: CsvValue): string | number | null {
  if (v === null || v === undefined) return null;
  return v;
}
