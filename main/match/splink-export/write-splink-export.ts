/**
 * Writes an export for Splink into a folder: model.json (the settings),
 * prepared.csv (one row per prepared record) and run_splink.py.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvFileWriter } from '../../lib/csv.ts';
import type { Prepared } from '../prepare.ts';
import type { MatchModel } from '../types.ts';
import type { SplinkDialect } from './dialect.ts';
import { PREPARED_COLUMNS, preparedRow, type RecordOrigin } from './prepared-rows.ts';
import { runSplinkScript } from './run-splink-script.ts';
import { splinkExport, type SplinkExport } from './splink-settings.ts';

export const EXPORT_FILES = { model: 'model.json', prepared: 'prepared.csv', script: 'run_splink.py' } as const;

export interface WrittenExport extends SplinkExport {
  files: string[];
  records: number;
}

export function writeSplinkExport(
  out: string, model: MatchModel, p: Prepared, dialect: SplinkDialect, originOf: (i: number) => RecordOrigin,
): WrittenExport {
  const made = splinkExport(model, dialect);
  mkdirSync(out, { recursive: true });
  const files = [join(out, EXPORT_FILES.model), join(out, EXPORT_FILES.prepared), join(out, EXPORT_FILES.script)];
  writeFileSync(files[0], `${JSON.stringify(made.settings, null, 2)}\n`);
  const csv = new CsvFileWriter(files[1]);
  try {
    csv.row(PREPARED_COLUMNS);
    for (let i = 0; i < p.n; i++) {
      const row = preparedRow(p, i, originOf(i));
      csv.row(PREPARED_COLUMNS.map((c) => row[c]));
    }
    csv.close();
  } catch (err) {
    csv.abandon();
    throw err;
  }
  writeFileSync(files[2], runSplinkScript(model.threshold));
  return { ...made, files, records: p.n };
}
