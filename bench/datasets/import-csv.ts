/**
 * The messy customer CSV the import benches read (Salesforce layout, quoted
 * newlines, broken rows, many locales), generated once per size into
 * bench/.data and reused: generation is never part of a timing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeCsvExport } from '../../resources/generator/write-export.ts';

export const benchDataDir = join(import.meta.dirname, '..', '.data');

export async function importBenchCsv(rows: number): Promise<string> {
  mkdirSync(benchDataDir, { recursive: true });
  const csv = join(benchDataDir, `customers-${rows}.csv`);
  if (existsSync(csv)) return csv;
  const t = performance.now();
  const summary = await writeCsvExport({
    out: csv, rows, seed: 7, preset: 'salesforce', encoding: 'utf8', delimiter: ',', lineEnding: '\r\n',
    quotedNewlineRate: 0.002, brokenRowRate: 0.0005, quoteAll: false, unterminatedQuote: 'last', generate: {},
  } as Parameters<typeof writeCsvExport>[0]);
  console.log(`generated ${summary.rows.toLocaleString()} rows (${summary.brokenRows} broken) in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`);
  return csv;
}
