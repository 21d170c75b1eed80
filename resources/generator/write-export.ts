import { CsvWriter, type CsvWriterOptions, type ExportSummary } from './export/csv-writer.ts';
import type { CsvEncoding } from './export/encodings.ts';
import { exportRows, type ExportSource } from './export/rows.ts';

export { writeJsonExport } from './export/write-json.ts';
export { writeXlsxExport } from './export/write-xlsx.ts';
export { QUIET_ROWS, type ExportSummary } from './export/csv-writer.ts';
export type { ExportSource } from './export/rows.ts';
export type { CsvEncoding } from './export/encodings.ts';
export type { BrokenKind } from './export/broken-rows.ts';

export interface CsvExportOptions extends ExportSource {
  /** The file to write; the truth goes to `<out>.truth.csv` unless `truthPath` says otherwise. */
  out: string;
  truthPath?: string;
  encoding?: CsvEncoding;
  delimiter?: ',' | ';' | '\t' | '|';
  lineEnding?: '\n' | '\r\n';
  quoteAll?: boolean;
  /** Share of records written broken (wrong field count, or a quote in the wrong place). */
  brokenRowRate?: number;
  /**
   * Where an unterminated quote may appear when rows are broken: 'last' cuts the final record off inside a
   * quoted field (a truncated export, readable by every parser); 'anywhere' also puts them mid-file and keeps
   * the next QUIET_ROWS rows free of quotes so a line-based reader can resync; 'none' never.
   */
  unterminatedQuote?: 'none' | 'last' | 'anywhere';
}

/** Writes a delimited export and its truth file, streaming. */
export async function writeCsvExport(opts: CsvExportOptions): Promise<ExportSummary> {
  const writerOptions: CsvWriterOptions = {
    out: opts.out,
    truthPath: opts.truthPath ?? `${opts.out}.truth.csv`,
    preset: opts.preset ?? 'generic',
    seed: opts.seed,
    encoding: opts.encoding ?? 'utf8',
    delimiter: opts.delimiter ?? ',',
    lineEnding: opts.lineEnding ?? '\n',
    quoteAll: opts.quoteAll ?? false,
    brokenRowRate: opts.brokenRowRate ?? 0,
    unterminatedQuote: opts.unterminatedQuote ?? 'last',
  };
  // Single-threaded on purpose: a writer thread measured slower on a busy two-core machine, and the
  // bottleneck is generating people, which has to stay sequential (repeats refer to earlier people).
  const writer = new CsvWriter(writerOptions);
  try {
    for (const row of exportRows({ ...opts, lineEnding: writerOptions.lineEnding })) {
      const wait = writer.push(row);
      if (wait) await wait;
    }
    return await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
