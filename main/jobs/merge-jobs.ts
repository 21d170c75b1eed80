/**
 * Long work of merging (issue 10), merged into job-kinds.ts: bulk-accept
 * above a threshold and unmerge-all as job kind 'merge'; the golden-record
 * and decisions exports through job kind 'export'. Here the engines are
 * composed: survivorship (merge) reads values through the standardisers
 * with what fix knows of each source (its country and date orders).
 */
import type { QueueFilter } from '../../shared/channels/merge.ts';
import { exportCustomers, type ExportRequest } from '../export/export-customers.ts';
import { readSourceContexts } from '../fix/source-context.ts';
import type { JobContext } from '../lib/jobs.ts';
import { bulkAccept } from '../match/review/bulk-accept.ts';
import { exportDecisions, exportGolden } from '../merge/export-golden.ts';
import type { GoldenContext } from '../merge/golden-view.ts';
import { survivorshipSettings } from '../merge/survivorship-settings.ts';
import { unmergeAll } from '../merge/unmerge.ts';
import type { Db } from '../store/open-project.ts';

export type MergeJobInput =
  | { op: 'bulk-accept'; threshold: number; filter: Omit<QueueFilter, 'status'>; expectClusters?: number; actor: string }
  | { op: 'unmerge-all'; actor: string };

/** What survivorship needs besides the members: the project's settings and each source's reading conventions. */
export function goldenContext(db: Db): GoldenContext {
  return { settings: survivorshipSettings(db), hints: readSourceContexts(db), now: new Date() };
}

export type ExportLayout = 'customers' | 'golden' | 'records' | 'decisions';

/** Every export the product writes, by layout (the customer export's own code for customers and records). */
export function exportByLayout(db: Db, req: ExportRequest & { layout?: ExportLayout }, opts: { signal?: JobContext<unknown>['signal']; onProgress?: (p: { step: 'export'; done: number; total: number }) => void }) {
  switch (req.layout ?? 'customers') {
    case 'golden':
      return exportGolden(db, req, goldenContext(db), opts);
    case 'decisions':
      return exportDecisions(db, req);
    case 'records':
      return exportCustomers(db, { ...req, goldenColumn: true }, opts);
    default:
      return exportCustomers(db, req, opts);
  }
}

type Ctx = JobContext<Record<string, unknown>>;

export const mergeJobs = {
  merge: async (db: Db, input: MergeJobInput, ctx: Ctx) => {
    const onProgress = (p: { step: string; done: number; total: number }) => ctx.onProgress({ ...p, rows: p.done });
    if (input.op === 'unmerge-all') return unmergeAll(db, input.actor, { signal: ctx.signal, onProgress });
    return bulkAccept(db, input.threshold, input.filter, { actor: input.actor, expectClusters: input.expectClusters, signal: ctx.signal, onProgress });
  },
};
