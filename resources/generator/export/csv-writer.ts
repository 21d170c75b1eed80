import { presetColumns, type PresetName } from '../export-formats.ts';
import { deriveSeed, Rng, weighted } from '../prng.ts';
import { breakRow, unterminatedRow, type BrokenKind } from './broken-rows.ts';
import { ChunkedFile } from './chunked-file.ts';
import { joinRow, plainCell, type CsvStyle } from './csv-cells.ts';
import { bomFor, encodeText, type CsvEncoding } from './encodings.ts';
import type { ExportRow } from './rows.ts';
import { TruthFile } from './truth-file.ts';
import { TRUTH_FIELDS, type CellTruth, type TruthField } from '../types.ts';

/** The writer's settings, with every default already applied. */
export interface CsvWriterOptions {
  out: string;
  truthPath: string;
  preset: PresetName;
  seed: number;
  encoding: CsvEncoding;
  delimiter: string;
  lineEnding: '\n' | '\r\n';
  quoteAll: boolean;
  brokenRowRate: number;
  unterminatedQuote: 'none' | 'last' | 'anywhere';
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

/**
 * Writes records as CSV and the truth beside them, breaking some on purpose.
 * Holds one record back, so the last one is known when the input ends and
 * can be the truncated one.
 */
export class CsvWriter {
  private readonly style: CsvStyle;
  private readonly eol: string;
  private readonly brokenRate: number;
  private readonly unterminated: 'none' | 'last' | 'anywhere';
  private readonly pickBroken: (rng: Rng) => BrokenKind;
  private readonly rng: Rng;
  private readonly file: ChunkedFile;
  private readonly truth: TruthFile;
  private held: ExportRow | null = null;
  private line = 2;
  private rows = 0;
  private brokenRows = 0;
  private quiet = 0;
  private readonly truthColumns: { i: number; field: TruthField }[];

  constructor(private readonly opts: CsvWriterOptions) {
    this.style = { delimiter: opts.delimiter, quoteAll: opts.quoteAll };
    this.eol = opts.lineEnding;
    this.brokenRate = opts.brokenRowRate;
    this.unterminated = opts.brokenRowRate > 0 ? opts.unterminatedQuote : 'none';
    const midFile = this.unterminated === 'anywhere' && !opts.quoteAll;
    this.pickBroken = weighted<BrokenKind>([['too_many_fields', 4], ['too_few_fields', 4], ['text_after_quote', 2], ['unterminated_quote', midFile ? 1.5 : 0]]);
    this.rng = new Rng(deriveSeed(opts.seed, 'broken-rows'));
    this.file = new ChunkedFile(opts.out, (t) => encodeText(t, opts.encoding), bomFor(opts.encoding));
    this.truth = new TruthFile(opts.truthPath);
    this.truthColumns = presetColumns[opts.preset].flatMap((c, i) => (c.field && (TRUTH_FIELDS as readonly string[]).includes(c.field) ? [{ i, field: c.field as TruthField }] : []));
    this.file.write(joinRow(presetColumns[opts.preset].map((c) => c.header), this.style) + this.eol);
  }

  /** Adds a record; a returned promise means the disk is behind and the caller should wait for it. */
  push(row: ExportRow): Promise<unknown> | undefined {
    const previous = this.held;
    this.held = row;
    return previous ? this.emit(previous, false) : undefined;
  }

  async finish(): Promise<ExportSummary> {
    if (this.held) await this.emit(this.held, true);
    this.held = null;
    const bytes = await this.file.close();
    await this.truth.close();
    return { rows: this.rows, brokenRows: this.brokenRows, path: this.opts.out, truthPath: this.opts.truthPath, bytes };
  }

  /** Removes both partial files. */
  async abort(): Promise<void> {
    await Promise.all([this.file.abort(), this.truth.abort()]);
  }

  private emit(row: ExportRow, isLast: boolean): Promise<unknown> | undefined {
    const { text, broken } = this.spell(row, isLast);
    if (broken) this.brokenRows++;
    const waitTruth = this.truth.add(row, this.line, broken);
    // A truncated last record has no line ending: the file simply stops.
    const waitFile = this.file.write(isLast && broken === 'unterminated_quote' ? text : text + this.eol);
    // Only rows with a multi-line value can span lines (quiet rows are flattened to one).
    this.line += row.multiline ? 1 + countNewlines(text) : 1;
    this.rows++;
    return waitTruth || waitFile ? Promise.all([waitTruth, waitFile]) : undefined;
  }

  /** A value flattened for a quiet row ("52,000.00" → "52 000.00") is no longer the cell the truth judged: it counts as unrecoverable. */
  private forgetFlattened(row: ExportRow, cells: readonly string[]): void {
    for (const { i, field } of this.truthColumns) {
      if (cells[i] !== row.cells[i] && row.truth[field].recoverable) (row.truth as Record<TruthField, CellTruth>)[field] = { ...row.truth[field], recoverable: false };
    }
  }

  private spell(row: ExportRow, isLast: boolean): { text: string; broken: BrokenKind | null } {
    const { rng, style } = this;
    // Inside a quiet window the last row stays plain: its quote would close the earlier open one.
    if (isLast && this.unterminated !== 'none' && this.quiet === 0) return { text: unterminatedRow(rng, row.cells, style), broken: 'unterminated_quote' };
    if (this.quiet > 0) {
      this.quiet--;
      const cells = row.cells.map((c) => plainCell(c, style.delimiter));
      this.forgetFlattened(row, cells);
      return { text: cells.join(style.delimiter), broken: null };
    }
    if (this.brokenRate > 0 && rng.chance(this.brokenRate)) {
      const kind = this.pickBroken(rng);
      if (kind !== 'unterminated_quote') {
        const { text, kind: actual } = breakRow(rng, row.cells, style, kind);
        return { text, broken: actual };
      }
      this.quiet = QUIET_ROWS;
      return { text: unterminatedRow(rng, row.cells, style), broken: kind };
    }
    return { text: joinRow(row.cells, style), broken: null };
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
