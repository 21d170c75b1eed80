import { profileProject } from '../quality/profile.ts';
import { getQualitySettings } from '../quality/settings.ts';
import type { Db } from '../store/open-project.ts';
import type { JobContext } from '../lib/jobs.ts';

/** Long-running data-quality work (issue 3), merged into job-kinds.ts. */
export const qualityJobs = {
  /** Profiles the whole project with its stored settings; `reason` is kept with the snapshot (import, match, on_demand). */
  profile: async (db: Db, input: { reason?: string }, ctx: JobContext<Record<string, unknown>>) => {
    const settings = getQualitySettings(db);
    const result = await profileProject(db, {
      defaultCountry: settings.defaultCountry ?? undefined,
      timelinessDays: settings.timelinessDays,
      reason: input.reason ?? 'on_demand',
      signal: ctx.signal,
      onProgress: (p) => ctx.onProgress({ step: 'profile', done: p.done, total: p.total, rows: p.done }),
    });
    // The job's result crosses to the renderer; the metrics are read from the store when needed.
    return { runId: result.runId, records: result.metrics.records, issues: result.issueCount, durationMs: result.durationMs };
  },
};
