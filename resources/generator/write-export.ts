import { presetColumns } from './export-formats.ts';
import { breakRow, unterminatedRow, type BrokenKind } from './export/broken-rows.ts';
import { ChunkedFile } from './export/chunked-file.ts';
import { joinRow, plainCell, type CsvStyle } from './export/csv-cells.ts';
import { bomFor, encodeText, type CsvEncoding } from './export/encodings.ts';
import { exportRows, type ExportRow, type ExportSource } from './export/rows.ts';
import { TruthFile } from './export/truth-file.ts';
import { deriveSeed, Rng, weighted } from './prng.ts';

export { writeJsonExport } from './export/write-json.ts';
export { writeXlsxExport } from './export/write-xlsx.ts';
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

export interface ExportSummary {
  rows: number;
  brokenRows: number;
  path: string;
  truthPath: string;
  bytes: number;
}

/** Rows after a mid-file unterminated quote that carry no quote character at all. */
export const QUIET_ROWS = 200;

/** Writes a delimited export and its truth file, streaming. */
export async function writeCsvExport(opts: CsvExportOptions): Promise<ExportSummary> {
  const encoding = opts.encoding ?? 'utf8';
  const eol = opts.lineEnding ?? '\n';
  const style: CsvStyle = { delimiter: opts.delimiter ?? ',', quoteAll: opts.quoteAll ?? false };
  const brokenRate = opts.brokenRowRate ?? 0;
  const unterminated = brokenRate > 0 ? (opts.unterminatedQuote ?? 'last') : 'none';
  const midFileUnterminated = unterminated === 'anywhere' && !style.quoteAll;
  const pickBroken = weighted<BrokenKind>([['too_many_fields', 4], ['too_few_fields', 4], ['text_after_quote', 2], ['unterminated_quote', midFileUnterminated ? 1.5 : 0]]);
  const rng = new Rng(deriveSeed(opts.seed, 'broken-rows'));
  const file = new ChunkedFile(opts.out, (t) => encodeText(t, encoding), bomFor(encoding));
  const truthPath = opts.truthPath ?? `${opts.out}.truth.csv`;
  const truth = new TruthFile(truthPath);

  file.write(joinRow(presetColumns[opts.preset ?? 'generic'].map((c) => c.header), style) + eol);
  let line = 2;
  let rows = 0;
  let brokenRows = 0;
  let quiet = 0;

  // Synchronous per row; the returned promise (rare) is the disk asking us to wait.
  const emit = (row: ExportRow, isLast: boolean): Promise<unknown> | undefined => {
    let text: string;
    let broken: BrokenKind | null = null;
    // Inside a quiet window the last row stays plain: its quote would close the earlier open one.
    if (isLast && unterminated !== 'none' && quiet === 0) {
      broken = 'unterminated_quote';
      text = unterminatedRow(rng, row.cells, style);
    } else if (quiet > 0) {
      quiet--;
      text = row.cells.map((c) => plainCell(c, style.delimiter)).join(style.delimiter);
    } else if (brokenRate > 0 && rng.chance(brokenRate)) {
      broken = pickBroken(rng);
      if (broken === 'unterminated_quote') {
        text = unterminatedRow(rng, row.cells, style);
        quiet = QUIET_ROWS;
      } else ({ text, kind: broken } = breakRow(rng, row.cells, style, broken));
    } else text = joinRow(row.cells, style);
    if (broken) brokenRows++;
    const waitTruth = truth.add(row, line, broken);
    // A truncated last record has no line ending: the file simply stops.
    const waitFile = file.write(isLast && broken === 'unterminated_quote' ? text : text + eol);
    line += 1 + countNewlines(text);
    rows++;
    return waitTruth || waitFile ? Promise.all([waitTruth, waitFile]) : undefined;
  };

  try {
    // One row of look-ahead tells which record is the last, without knowing the count in advance.
    let held: ExportRow | null = null;
    for (const row of exportRows({ ...opts, lineEnding: eol })) {
      if (held) {
        const wait = emit(held, false);
        if (wait) await wait;
      }
      held = row;
    }
    if (held) await emit(held, true);
    const bytes = await file.close();
    await truth.close();
    return { rows, brokenRows, path: opts.out, truthPath, bytes };
  } catch (error) {
    await Promise.all([file.abort(), truth.abort()]);
    throw error;
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
