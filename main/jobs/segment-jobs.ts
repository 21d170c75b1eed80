/** k-means segmentation (issue 12), merged into job-kinds.ts: a run (saved, becomes current) and the elbow figures (nothing saved). */
import type { ElbowRequest, SegmentRequest } from '../../shared/channels/segment.ts';
import type { JobContext } from '../lib/jobs.ts';
import { elbow } from '../segment/elbow.ts';
import { segmentCustomers } from '../segment/segment-customers.ts';
import type { Db } from '../store/open-project.ts';

type Ctx = JobContext<Record<string, unknown>>;

export const segmentJobs = {
  // Only the view crosses back: the per-customer arrays stay in the worker.
  segment: async (db: Db, input: SegmentRequest, ctx: Ctx) =>
    segmentCustomers(db, input, { signal: ctx.signal, onProgress: (p) => ctx.onProgress({ ...p, rows: p.step === 'read' ? p.done : 0 }) }).view,
  'segment-elbow': async (db: Db, input: ElbowRequest, ctx: Ctx) =>
    elbow(db, input, { signal: ctx.signal, onProgress: (p) => ctx.onProgress({ ...p, rows: 0 }) }),
};
