/** RFM as a job (issue 12), merged into job-kinds.ts: a million customers take seconds, and the service answers meanwhile. */
import type { RfmRunRequest } from '../../shared/channels/analysis.ts';
import { runRfm } from '../analysis/rfm-segments.ts';
import { todayIso } from '../analysis/rfm-scores.ts';
import { readActivityOnce } from '../ingest/read-activity-once.ts';
import type { JobContext } from '../lib/jobs.ts';
import type { Db } from '../store/open-project.ts';

export const analysisJobs = {
  // Only the overview crosses back (the scores are in the project); the rows count is the customers walked so far.
  rfm: async (db: Db, { asOf, ...opts }: RfmRunRequest, ctx: JobContext<Record<string, unknown>>) => {
    readActivityOnce(db);
    return runRfm(db, { asOf: asOf ?? todayIso(), ...opts }, new Date(), {
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress({ ...p, rows: p.step === 'read' ? p.done : 0 }),
    });
  },
};
