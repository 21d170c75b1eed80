import type { Handlers } from '../../shared/contract.ts';
import { rawRow } from '../ingest/raw-row.ts';
import { previewSources } from '../ingest/preview-file.ts';
import { defaultColumns } from '../../shared/domain/grid-columns.ts';
import { chooseColumns, chosenColumns, filledFields } from '../store/grid-columns.ts';
import { pageQuarantine } from '../store/quarantine-repo.ts';
import { listSources } from '../store/sources-repo.ts';
import { gridRestriction } from './grid-restriction.ts';
import type { ServiceContext } from './service-context.ts';

export function dataHandlers(ctx: ServiceContext): Pick<Handlers, 'import:preview' | 'import:start' | 'import:discard' | 'job:get' | 'job:cancel' | 'sources:list' | 'customers:page' | 'customers:get' | 'customers:columns' | 'quarantine:page'> {
  return {
    'import:preview': async ({ path, encoding, delimiter }) => previewSources(ctx.project().db, path, { encoding, delimiter }),
    'import:start': async ({ files }) => {
      const jobId = ctx.startJob('import', { files });
      // Imported or not, the rows are in the project or the user starts over: the uploaded copies have served.
      ctx.afterJob(jobId, () => ctx.options.uploads?.discard(files.map((f) => f.path)));
      return { jobId };
    },
    'import:discard': async ({ paths }) => ({ discarded: ctx.options.uploads?.discard(paths) ?? 0 }),
    'job:get': async ({ jobId }) => {
      const job = ctx.jobs.get(jobId);
      return { jobId, kind: job.kind, status: job.done?.status ?? 'running', progress: job.progress, done: job.done };
    },
    'job:cancel': async ({ jobId }) => {
      ctx.jobs.cancel(jobId);
      return null;
    },
    'sources:list': async () => listSources(ctx.project().db),
    // A drill-down lists exactly the customers the quality metrics, the segmentation or the RFM segment counted: the same subquery.
    'customers:page': async ({ issue, segment, rfmSegment, rfmCell, rfmMonth, ...q }) => ctx.project().customers.page({ ...q, restrictTo: gridRestriction(ctx.project().db, { issue, segment, rfmSegment, rfmCell, rfmMonth }) }),
    'customers:get': async ({ id }) => {
      const { db, customers } = ctx.project();
      const { rawRowId, ...detail } = customers.detail(id);
      return { ...detail, raw: rawRow(db, rawRowId) };
    },
    'customers:columns': async ({ visible }) => {
      const { db } = ctx.project();
      if (visible) chooseColumns(db, visible);
      const chosen = visible ?? chosenColumns(db);
      return chosen ? { visible: chosen, chosen: true } : { visible: defaultColumns(filledFields(db)), chosen: false };
    },
    'quarantine:page': async ({ sourceId, offset, limit }) => pageQuarantine(ctx.project().db, { sourceId, offset, limit }),
  };
}
