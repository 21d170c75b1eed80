import { importFiles, type ImportFileRequest } from '../ingest/import-files.ts';
import type { Db } from '../store/open-project.ts';
import type { JobContext } from '../lib/jobs.ts';
import { fixJobs } from './fix-jobs.ts';
import { matchJobs } from './match-jobs.ts';
import { mergeJobs } from './merge-jobs.ts';
import { qualityJobs } from './quality-jobs.ts';

/**
 * Every kind of long work, by name. A job is a plain domain function of a
 * project connection, its input and a context; the runner decides which
 * thread it runs on.
 */
export const jobKinds = {
  import: (db: Db, input: { files: ImportFileRequest[] }, ctx: JobContext<Record<string, unknown>>) =>
    importFiles(db, input.files, { signal: ctx.signal, onProgress: (p) => ctx.onProgress({ ...p }) }),
  ...qualityJobs,
  ...matchJobs,
  ...fixJobs,
  ...mergeJobs,
} as const;

export type JobKindName = keyof typeof jobKinds;
