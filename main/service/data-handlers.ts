import type { Handlers } from '../../shared/contract.ts';
import { previewFile } from '../ingest/preview-file.ts';
import { matchingCustomersSql } from '../quality/issue-filter-sql.ts';
import { pageQuarantine } from '../store/quarantine-repo.ts';
import { listSources } from '../store/sources-repo.ts';
import type { ServiceContext } from './service-context.ts';

export function dataHandlers(ctx: ServiceContext): Pick<Handlers, 'import:preview' | 'import:start' | 'job:get' | 'job:cancel' | 'sources:list' | 'customers:page' | 'customers:get' | 'quarantine:page'> {
  return {
    'import:preview': async ({ path, encoding, delimiter }) => previewFile(ctx.project().db, path, { encoding, delimiter }),
    'import:start': async ({ files }) => ({ jobId: ctx.startJob('import', { files }) }),
    'job:get': async ({ jobId }) => {
      const job = ctx.jobs.get(jobId);
      return { jobId, kind: job.kind, status: job.done?.status ?? 'running', progress: job.progress, done: job.done };
    },
    'job:cancel': async ({ jobId }) => {
      ctx.jobs.cancel(jobId);
      return null;
    },
    'sources:list': async () => listSources(ctx.project().db),
    // A drill-down lists exactly the customers the quality metrics counted: the same subquery.
    'customers:page': async ({ issue, ...q }) => ctx.project().customers.page({ ...q, restrictTo: issue ? matchingCustomersSql(issue) : undefined }),
    'customers:get': async ({ id }) => ctx.project().customers.detail(id),
    'quarantine:page': async ({ sourceId, offset, limit }) => pageQuarantine(ctx.project().db, { sourceId, offset, limit }),
  };
}
