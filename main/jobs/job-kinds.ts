import { importFiles, type ImportFileRequest } from '../ingest/import-files.ts';
import type { Db } from '../store/open-project.ts';
import { buildSortIndex } from '../store/sort-indexes.ts';
import type { JobContext } from '../lib/jobs.ts';
import { analysisJobs } from './analysis-jobs.ts';
import { backedUpFirst, backupJobs } from './backup-jobs.ts';
import { fixJobs } from './fix-jobs.ts';
import { matchJobs } from './match-jobs.ts';
import { mergeJobs } from './merge-jobs.ts';
import { qualityJobs } from './quality-jobs.ts';
import { segmentJobs } from './segment-jobs.ts';

/**
 * Every kind of long work, by name. A job is a plain domain function of a
 * project connection, its input and a context; the runner decides which
 * thread it runs on.
 */
export const jobKinds = {
  import: (db: Db, input: { files: ImportFileRequest[] }, ctx: JobContext<Record<string, unknown>>) =>
    importFiles(db, input.files, { signal: ctx.signal, onProgress: (p) => ctx.onProgress({ ...p }) }),
  /** The index a sorted grid column asked for, built off the thread that answers the grid. */
  'sort-index': async (db: Db, input: { columns: string[] }) => {
    for (const c of input.columns) buildSortIndex(db, c);
    return { columns: input.columns };
  },
  ...qualityJobs,
  ...matchJobs,
  ...fixJobs,
  // Bulk changes back the project up first when the service asks (backup-service.ts).
  'fix-apply': backedUpFirst(fixJobs['fix-apply']),
  ...backupJobs,
  ...mergeJobs,
  ...segmentJobs,
  ...analysisJobs,
} as const;

export type JobKindName = keyof typeof jobKinds;
