/**
 * Handlers for shared/channels/merge.ts. The service composes the engines:
 * the review queue, decisions and label metrics are matching's
 * (main/match/review), golden records, survivorship and unmerge are
 * merging's (main/merge), and survivorship reads values with what fixing
 * knows of each source. Large work (bulk accept, unmerge of many, exports)
 * runs as jobs.
 */
import { isAbsolute } from 'node:path';
import type { Handlers } from '../../shared/contract.ts';
import type { ClusterView, mergeChannels } from '../../shared/channels/merge.ts';
import { AppError } from '../../shared/errors.ts';
import { bulkPreview } from '../match/review/bulk-accept.ts';
import { readCluster } from '../match/review/cluster-read.ts';
import { accept, notSame, reject, split } from '../match/review/decisions.ts';
import { labelMetrics } from '../match/review/label-metrics.ts';
import { mergeSummary, queuePage, queuePosition } from '../match/review/queue-queries.ts';
import { clusterFields, goldenRecord, type GoldenContext } from '../merge/golden-view.ts';
import { pickValue, picksOf } from '../merge/picks.ts';
import { saveSurvivorship, survivorshipSettings } from '../merge/survivorship-settings.ts';
import { unmergeAll, unmergeGolden } from '../merge/unmerge.ts';
import type { Db } from '../store/open-project.ts';
import type { ServiceContext } from './service-context.ts';

const ACTOR = 'steward';
/** Above this many members an unmerge-all runs as a job with progress and cancel. */
const INLINE_RECORDS = 5000;

function clusterView(db: Db, id: number, rejectedBatch: number | undefined, golden: GoldenContext): ClusterView {
  const read = readCluster(db, id, rejectedBatch);
  const ids = read.members.map((m) => m.id);
  const { survivors, fields } = clusterFields(read.members, picksOf(db, ids), golden);
  return {
    id: read.id, status: read.status, goldenId: read.goldenId, rejectedBatch: read.rejectedBatch,
    members: read.members.map(({ values: _values, ...m }) => ({ ...m, master: m.id === survivors.master.id })),
    fields, master: survivors.master, weakest: read.weakest, pairs: read.pairs,
  };
}

export function mergeHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof mergeChannels> {
  const golden = (): GoldenContext => ({ settings: survivorshipSettings(ctx.project().db), hints: ctx.sourceContexts(), now: new Date() });
  /** A decision writes: refused while a job writes; afterwards cached pages are out of date. */
  const decide = <T>(run: (db: Db) => T): T => {
    ctx.assertCanWrite();
    const result = run(ctx.project().db);
    ctx.changed();
    return result;
  };
  return {
    'merge:summary': async () => mergeSummary(ctx.project().db),
    'merge:queue-page': async (q) => queuePage(ctx.project().db, q),
    'merge:queue-position': async (q) => queuePosition(ctx.project().db, q),
    'merge:cluster': async ({ id, rejectedBatch }) => clusterView(ctx.project().db, id, rejectedBatch, golden()),
    'merge:golden': async ({ id }) => goldenRecord(ctx.project().db, id, golden()),
    'merge:accept': async ({ clusterId }) => decide((db) => accept(db, clusterId, ACTOR)),
    'merge:reject': async ({ clusterId }) => decide((db) => reject(db, clusterId, ACTOR)),
    'merge:split': async ({ clusterId, customerId }) => decide((db) => split(db, clusterId, customerId, ACTOR)),
    'merge:not-same': async ({ a, b }) => decide((db) => notSame(db, a, b, ACTOR)),
    'merge:pick': async ({ clusterId, field, customerId }) => decide((db) => pickValue(db, clusterId, field, customerId, ACTOR)),
    'merge:unmerge': async ({ goldenId, customerId }) => decide((db) => unmergeGolden(db, goldenId, ACTOR, customerId)),
    'merge:unmerge-all': async () => {
      ctx.assertCanWrite();
      const { db, path } = ctx.project();
      const records = db.prepare('SELECT count(*) FROM golden_members').pluck().get() as number;
      if (records > INLINE_RECORDS) {
        const goldenRecords = db.prepare('SELECT count(DISTINCT golden_id) FROM golden_members').pluck().get() as number;
        return { jobId: ctx.startJob('merge', { op: 'unmerge-all', actor: ACTOR }), goldenRecords, records, batchId: null };
      }
      return { jobId: null, ...decide((d) => unmergeAll(d, ACTOR)) };
    },
    'merge:bulk-preview': async ({ threshold, filter }) => bulkPreview(ctx.project().db, threshold, filter),
    'merge:bulk-accept': async ({ threshold, filter, expectClusters }) => {
      ctx.assertCanWrite();
      return { jobId: ctx.startJob('merge', { op: 'bulk-accept', threshold, filter, expectClusters, actor: ACTOR }) };
    },
    'merge:settings': async ({ reset, ...patch }) => {
      if (reset || Object.keys(patch).length > 0) ctx.assertCanWrite();
      return saveSurvivorship(ctx.project().db, { ...patch, reset });
    },
    'merge:metrics': async () => labelMetrics(ctx.project().db),
    'merge:export-start': async ({ path, format, layout, bom }) => {
      if (!isAbsolute(path)) throw new AppError('invalid_input', 'Give the full path of the file to write.');
      if (!path.toLowerCase().endsWith(`.${format}`)) throw new AppError('invalid_input', `The file name must end in .${format}.`);
      return { jobId: ctx.startJob('export', { path, format, bom, layout }) };
    },
  };
}
