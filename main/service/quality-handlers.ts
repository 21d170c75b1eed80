import type { Handlers } from '../../shared/contract.ts';
import type { qualityChannels } from '../../shared/channels/quality.ts';
import { issuesForCustomers, issuesOfCustomer, markVerified } from '../quality/index.ts';
import { referenceOfCustomer, referenceSummary, unmarkVerified, verifiedAmong } from '../quality/reference.ts';
import { qualityOverview, qualityTrend } from '../quality/overview.ts';
import { importReferenceFile } from '../quality/reference-file.ts';
import { setQualitySettings } from '../quality/settings.ts';
import type { ServiceContext } from './service-context.ts';

/** Handlers for shared/channels/quality.ts: profiling runs as a job; reads go to the quality module. */
export function qualityHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof qualityChannels> {
  return {
    'quality:profile-start': async () => ({ jobId: ctx.startJob('profile', { reason: 'on_demand' }) }),
    'quality:overview': async () => qualityOverview(ctx.project().db),
    'quality:snapshots': async () => qualityTrend(ctx.project().db),
    'quality:issues-of-customer': async ({ id }) => issuesOfCustomer(ctx.project().db, id),
    'quality:issues-for-customers': async ({ ids, filter }) => issuesForCustomers(ctx.project().db, ids, filter),
    'quality:reference-import': async ({ path }) => importReferenceFile(ctx.project().db, path),
    'quality:reference-summary': async () => referenceSummary(ctx.project().db),
    'quality:reference-of-customer': async ({ id }) => referenceOfCustomer(ctx.project().db, id),
    'quality:verified-among': async ({ ids }) => verifiedAmong(ctx.project().db, ids),
    // Verifying freezes the record's current values as its reference; accuracy compares later values with them.
    'quality:mark-verified': async ({ ids }) => ({ verified: markVerified(ctx.project().db, ids) }),
    'quality:unmark-verified': async ({ ids }) => ({ unverified: unmarkVerified(ctx.project().db, ids) }),
    // An empty patch reads the settings; any key given is stored.
    'quality:settings': async (patch) => setQualitySettings(ctx.project().db, patch),
  };
}
