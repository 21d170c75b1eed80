import type { Handlers } from '../../shared/contract.ts';
import { rfmCharts } from '../analysis/rfm-charts.ts';
import { rfmOverview, saveRfmRules } from '../analysis/rfm-segments.ts';
import { setLinkSource } from '../ingest/link-references.ts';
import { activityMembers, activityTotals, linkCounts, needsPage, transactionsPage } from '../store/activity-repo.ts';
import type { ServiceContext } from './service-context.ts';

/** A page of one customer's activity is short; a golden record of many members is still shown whole up to this. */
const DETAIL_ROWS = 1000;

/** Transactions, needs and RFM (issue 12). */
export function analysisHandlers(ctx: ServiceContext): Pick<Handlers, 'activity:transactions-page' | 'activity:needs-page' | 'activity:customer' | 'activity:link-counts' | 'activity:link-source' | 'rfm:overview' | 'rfm:charts' | 'rfm:run' | 'rfm:save-rules'> {
  const page = { startRow: 0, endRow: DETAIL_ROWS, filterModel: {}, quickFilter: '' };
  return {
    'activity:transactions-page': async (q) => transactionsPage(ctx.project().db, q),
    'activity:needs-page': async (q) => needsPage(ctx.project().db, q),
    'activity:customer': async ({ customerId, golden }) => {
      const { db } = ctx.project();
      const members = activityMembers(db, customerId, golden);
      return {
        members,
        transactions: transactionsPage(db, { ...page, customerIds: members, sortModel: [{ colId: 'txn_day', sort: 'desc' }] }).rows,
        needs: needsPage(db, { ...page, customerIds: members, sortModel: [{ colId: 'need_day', sort: 'desc' }] }).rows,
        totals: activityTotals(db, members),
      };
    },
    'activity:link-counts': async () => linkCounts(ctx.project().db),
    'activity:link-source': async ({ sourceId, customerSourceId }) => {
      ctx.assertCanWrite();
      const { db } = ctx.project();
      db.transaction(() => setLinkSource(db, sourceId, customerSourceId))();
      return linkCounts(db);
    },
    'rfm:overview': async () => rfmOverview(ctx.project().db),
    'rfm:charts': async () => rfmCharts(ctx.project().db),
    'rfm:run': async (req) => {
      ctx.assertCanWrite();
      ctx.project();
      return { jobId: ctx.startJob('rfm', req) };
    },
    'rfm:save-rules': async ({ rules }) => {
      ctx.assertCanWrite();
      const { db } = ctx.project();
      saveRfmRules(db, rules);
      ctx.changed();
      return rfmOverview(db);
    },
  };
}
