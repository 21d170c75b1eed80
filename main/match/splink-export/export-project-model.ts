/**
 * `export-model` for a project: the model of its current match run, and its
 * customers prepared by the engine's own preparing code, written for Splink.
 */
import { AppError } from '../../../shared/errors.ts';
import type { Db } from '../../store/open-project.ts';
import { currentMatchRun } from '../match-repo.ts';
import { maxCustomerId } from '../project/load-records.ts';
import { prepareProject } from '../project/prepare-project.ts';
import type { SplinkDialect } from './dialect.ts';
import { writeSplinkExport, type WrittenExport } from './write-splink-export.ts';

export async function exportProjectModel(db: Db, out: string, dialect: SplinkDialect, opts: { workers?: number } = {}): Promise<WrittenExport> {
  const run = currentMatchRun(db);
  if (!run) throw new AppError('invalid_input', 'This project has no trained model yet: run `crm-steward dedupe` (or find duplicates in the app) first.');
  const p = await prepareProject(db, maxCustomerId(db), { workers: opts.workers });
  const origin = new Map<number, { source: string; sourceRecordId: string }>();
  const rows = db.prepare('SELECT c.id, s.file_name, c.source_record_id FROM customers c JOIN sources s ON s.id = c.source_id').raw(true).iterate() as Iterable<[number, string, string | null]>;
  for (const [id, source, rid] of rows) origin.set(id, { source, sourceRecordId: rid ?? '' });
  return writeSplinkExport(out, run.model, p, dialect, (i) => origin.get(p.ids[i]) ?? { source: '', sourceRecordId: '' });
}
