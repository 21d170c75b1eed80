import { presetColumns } from '../export-formats.ts';
import { deriveSeed, Rng } from '../prng.ts';
import type { ExportSummary } from './csv-writer.ts';
import { ChunkedFile } from './chunked-file.ts';
import { exportRows, type ExportSource } from './rows.ts';
import { TruthFile } from './truth-file.ts';

export interface JsonExportOptions extends ExportSource {
  out: string;
  truthPath?: string;
  /** Share of array elements that are not objects (a row dumped as a bare array), which an importer must quarantine. */
  brokenRowRate?: number;
}

/**
 * Streams a JSON array of objects keyed by header, one element per line so
 * line_number in the truth points at it. Blank cells are null, as API dumps
 * write them.
 */
export async function writeJsonExport(opts: JsonExportOptions): Promise<ExportSummary> {
  const headers = presetColumns[opts.preset ?? 'generic'].map((c) => c.header);
  const rng = new Rng(deriveSeed(opts.seed, 'json-broken'));
  const file = new ChunkedFile(opts.out, (t) => Buffer.from(t, 'utf8'));
  const truthPath = opts.truthPath ?? `${opts.out}.truth.csv`;
  const truth = new TruthFile(truthPath);
  await file.write('[');
  let rows = 0;
  let brokenRows = 0;
  for (const row of exportRows(opts)) {
    const broken = (opts.brokenRowRate ?? 0) > 0 && rng.chance(opts.brokenRowRate ?? 0);
    const element = broken ? JSON.stringify(row.cells) : objectJson(headers, row.cells);
    const waitFile = file.write((rows === 0 ? '\n' : ',\n') + element);
    const waitTruth = truth.add(row, row.index + 2, broken ? 'not_an_object' : null);
    if (waitFile || waitTruth) await Promise.all([waitFile, waitTruth]);
    if (broken) brokenRows++;
    rows++;
  }
  await file.write('\n]\n');
  const bytes = await file.close();
  await truth.close();
  return { rows, brokenRows, path: opts.out, truthPath, bytes };
}

function objectJson(headers: readonly string[], cells: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < headers.length; i++) out += `${i ? ',' : ''}${JSON.stringify(headers[i])}:${cells[i] === '' ? 'null' : JSON.stringify(cells[i])}`;
  return out + '}';
}
