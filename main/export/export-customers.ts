/**
 * The working records handed back as a file: CSV (UTF-8, optional BOM for
 * Excel) or XLSX. Header: source, source_record_id, then every customer field
 * in shared/domain/fields.ts order, then the sources' unmapped columns (their
 * extra fields) in the order the files had them. Written to a temporary file
 * and renamed at the end, so a cancelled or failed export never leaves half a
 * file where the user expects a whole one.
 */
import { renameSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import { privateWriteStream } from '../lib/private-files.ts';
import { isMaskedField, maskValue } from '../standardize/mask-personal.ts';
import { CsvFileWriter, type CsvValue } from '../lib/csv.ts';
import type { WhereClause } from '../store/grid-query.ts';
import type { Db } from '../store/open-project.ts';

export interface ExportRequest {
  path: string;
  format: 'csv' | 'xlsx';
  bom?: boolean;
  /** Which customers (the grid's filter); all when absent. */
  where?: WhereClause;
  /** Whether the WHERE refers to the sources table (s.). */
  joinSources?: boolean;
  /**
   * For sharing: personal fields masked (standardize/mask-personal.ts), and
   * the sources' unmapped columns left out, since nothing says what they hold.
   */
  mask?: boolean;
}

export interface ExportResult {
  path: string;
  rows: number;
  columns: string[];
}

export interface ExportOptions {
  signal?: Cancellation;
  onProgress?: (p: { step: 'export'; done: number; total: number }) => void;
}

const fields = customerFieldKeys.filter((f) => f !== 'source_record_id');
/** Excel's sheet holds 1,048,576 rows; the header takes one. */
const SHEET_ROWS = 1_048_575;
const cancelled = 'Export cancelled; no file was written.';

/** Unmapped columns of the customer sources, in file order, each name once. */
export function extraColumns(db: Db): string[] {
  const sources = db.prepare("SELECT headers_json, mapping_json FROM sources WHERE entity = 'customer' ORDER BY id").all() as { headers_json: string; mapping_json: string }[];
  const names = new Set<string>();
  for (const s of sources) {
    const mapping = JSON.parse(s.mapping_json) as Record<string, string | null>;
    for (const h of JSON.parse(s.headers_json) as string[]) if (!mapping[h]) names.add(h);
  }
  return [...names];
}

export async function exportCustomers(db: Db, req: ExportRequest, opts: ExportOptions = {}): Promise<ExportResult> {
  const extras = req.mask ? [] : extraColumns(db);
  const columns = ['source', 'source_record_id', ...fields, ...extras];
  const maskAt = req.mask ? columns.flatMap((c, i) => (isMaskedField(c) ? [i] : [])) : [];
  const where = req.where ?? { sql: '', params: [] };
  const total = db.prepare(`SELECT count(*) FROM customers c JOIN sources s ON s.id = c.source_id ${where.sql}`).pluck().get(...where.params) as number;
  const rows = db.prepare(
    `SELECT s.file_name, c.source_record_id, ${fields.map((f) => `c.${f}`).join(', ')}, c.extra_json
     FROM customers c JOIN sources s ON s.id = c.source_id ${where.sql} ORDER BY c.id`,
  ).raw();
  const partial = `${req.path}.partial-${process.pid}`;
  const writer = req.format === 'csv' ? csvSink(partial, req.bom ?? false) : xlsxSink(partial);
  let done = 0;
  try {
    writer.row(columns);
    for (const row of rows.iterate(...where.params) as Iterable<CsvValue[]>) {
      const extraJson = row.pop() as string | null;
      const extra = extraJson ? (JSON.parse(extraJson) as Record<string, string>) : null;
      for (const name of extras) row.push(extra && Object.hasOwn(extra, name) ? extra[name] : null);
      for (const i of maskAt) row[i] = maskValue(columns[i], row[i]);
      writer.row(row);
      if (++done % 10_000 === 0) {
        throwIfCancelled(opts.signal, cancelled);
        opts.onProgress?.({ step: 'export', done, total });
      }
    }
    await writer.close();
    renameSync(partial, req.path);
  } catch (err) {
    writer.abandon();
    rmSync(partial, { force: true });
    throw err;
  }
  return { path: req.path, rows: done, columns };
}

interface Sink {
  row(values: CsvValue[]): void;
  close(): Promise<void>;
  abandon(): void;
}

function csvSink(path: string, bom: boolean): Sink {
  const out = new CsvFileWriter(path, { bom });
  return { row: (v) => out.row(v), close: async () => out.close(), abandon: () => out.abandon() };
}

/**
 * Streamed XLSX: numbers stay numbers, everything else is a text cell (a
 * value such as "=HYPERLINK(…)" is stored as text, never as a formula), and
 * more rows than a sheet holds continue on the next sheet.
 */
function xlsxSink(path: string): Sink {
  // Our own stream rather than ExcelJS's `filename`, so the file is created readable by the owner only.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: privateWriteStream(path), useStyles: false, useSharedStrings: false });
  let header: CsvValue[] = [];
  let sheet: ExcelJS.Worksheet | null = null;
  let rowsInSheet = 0;
  let sheets = 0;
  const newSheet = (): void => {
    sheet?.commit();
    sheets++;
    sheet = book.addWorksheet(sheets === 1 ? 'Customers' : `Customers (${sheets})`);
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
