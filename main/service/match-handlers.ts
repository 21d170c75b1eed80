import type { Handlers } from '../../shared/contract.ts';
import type { matchChannels } from '../../shared/channels/match.ts';
import { clusterDetail, clustersPage, explainPairOf, matchSummary } from '../match/review-queries.ts';
import type { ServiceContext } from './service-context.ts';

/** Handlers for shared/channels/match.ts: matching runs as a job; reads go to the store. */
export function matchHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof matchChannels> {
  return {
    'match:start': async ({ scope, threshold }) => ({ jobId: ctx.startJob('match', { scope, threshold }) }),
    'match:summary': async () => matchSummary(ctx.project().db),
    'match:clusters-page': async (q) => clustersPage(ctx.project().db, q),
    'match:cluster': async ({ id }) => clusterDetail(ctx.project().db, id),
    'match:pair-explain': async ({ a, b }) => explainPairOf(ctx.project().db, a, b),
  };
}
