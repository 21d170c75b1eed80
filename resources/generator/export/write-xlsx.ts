import ExcelJS from 'exceljs';
import { DEFAULT_REFERENCE_DATE } from '../generate-people.ts';
import { presetColumns } from '../export-formats.ts';
import type { ExportSummary } from './csv-writer.ts';
import { exportRows, type ExportSource } from './rows.ts';
import { TruthFile } from './truth-file.ts';
import type { CellTruth } from '../types.ts';
import { statSync } from 'node:fs';

export interface XlsxExportOptions extends ExportSource {
  out: string;
  truthPath?: string;
  sheetName?: string;
  /**
   * Write plain-number incomes as numbers and ISO timestamps as dates, as CRMs
   * do in XLSX exports (default true). Birth dates stay text: Excel cannot hold
   * dates before 1900, and the impossible ones are the point. Phones Excel took
   * for numbers (`spreadsheetRate`) are number cells either way.
   */
  typedCells?: boolean;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z?$/;

/** Streams an .xlsx export (exceljs WorkbookWriter: rows are committed and released as they go). */
export async function writeXlsxExport(opts: XlsxExportOptions): Promise<ExportSummary> {
  const columns = presetColumns[opts.preset ?? 'generic'];
  const typed = opts.typedCells ?? true;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: opts.out, useSharedStrings: false, useStyles: false });
  // Fixed document dates keep the workbook's content identical for a seed.
  workbook.created = workbook.modified = DEFAULT_REFERENCE_DATE;
  workbook.creator = 'CRM Steward generator';
  const sheet = workbook.addWorksheet(opts.sheetName ?? 'Contacts');
  sheet.addRow(columns.map((c) => c.header)).commit();
  const truthPath = opts.truthPath ?? `${opts.out}.truth.csv`;
  const truth = new TruthFile(truthPath);
  let rows = 0;
  for (const row of exportRows({ ...opts, spreadsheetCells: 'number' })) {
    const values: (string | number | Date | null)[] = row.cells.map((cell, i) => (typed ? typedValue(cell, columns[i].field, row.truth.income) : cell));
    for (const i of row.numberCells ?? []) values[i] = Number(row.cells[i]);
    sheet.addRow(values).commit();
    const wait = truth.add(row, row.index + 2, null);
    if (wait) await wait;
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  await truth.close();
  return { rows, brokenRows: 0, path: opts.out, truthPath, bytes: statSync(opts.out).size };
}

function typedValue(cell: string, field: string | undefined, income: CellTruth): string | number | Date | null {
  if (cell === '') return null;
  // "29.000" is 29,000 written the Italian way, not 29: only a cell that reads as its true income becomes that number.
  if (field === 'income' && PLAIN_NUMBER.test(cell) && (!income.recoverable || Number(cell) === Number(income.value))) return Number(cell);
  if ((field === 'created_at' || field === 'updated_at') && ISO_TIMESTAMP.test(cell)) return new Date(cell.replace(' ', 'T').replace(/Z?$/, 'Z'));
  return cell;
}
