import { availableParallelism } from 'node:os';
import { dedupeProject, type DedupeRequest } from '../match/project/dedupe-project.ts';
import type { Db } from '../store/open-project.ts';
import type { JobContext } from '../lib/jobs.ts';

/** Long-running duplicate matching (issue 4), merged into job-kinds.ts. */
export const matchJobs = {
  match: (db: Db, input: DedupeRequest, ctx: JobContext<Record<string, unknown>>) =>
    dedupeProject(db, { workers: availableParallelism(), ...input }, { signal: ctx.signal, onProgress: (p) => ctx.onProgress({ ...p, rows: p.step === 'prepare' ? p.total : 0 }) }),
};
