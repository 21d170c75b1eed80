import type { Handlers } from '../../shared/contract.ts';
import type { qualityChannels } from '../../shared/channels/quality.ts';
import { issuesForCustomers, issuesOfCustomer, markVerified } from '../quality/index.ts';
import { referenceOfCustomer, referenceSummary, unmarkVerified, verifiedAmong } from '../quality/reference.ts';
import { qualityOverview, qualityTrend } from '../quality/overview.ts';
import { importReferenceFile } from '../quality/reference-file.ts';
import { getQualitySettings, setQualitySettings } from '../quality/settings.ts';
import type { ServiceContext } from './service-context.ts';

/** Handlers for shared/channels/quality.ts: profiling runs as a job; reads go to the quality module. */
export function qualityHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof qualityChannels> {
  return {
    'quality:profile-start': async () => ({ jobId: ctx.startJob('profile', { reason: 'on_demand' }) }),
    'quality:overview': async () => ctx.memo('quality:overview', () => qualityOverview(ctx.project().db, ctx.info()?.customers)),
    'quality:snapshots': async () => qualityTrend(ctx.project().db),
    'quality:issues-of-customer': async ({ id }) => issuesOfCustomer(ctx.project().db, id),
    'quality:issues-for-customers': async ({ ids, filter }) => issuesForCustomers(ctx.project().db, ids, filter),
    'quality:reference-import': async ({ path }) => {
      try {
        ctx.assertCanWrite();
        const imported = await importReferenceFile(ctx.project().db, path);
        ctx.changed();
        return imported;
      } finally {
        ctx.options.uploads?.discard([path]); // read once; the values are in the project now (or the user picks again)
      }
    },
    'quality:reference-summary': async () => referenceSummary(ctx.project().db),
    'quality:reference-of-customer': async ({ id }) => referenceOfCustomer(ctx.project().db, id),
    'quality:verified-among': async ({ ids }) => verifiedAmong(ctx.project().db, ids),
    // Verifying freezes the record's current values as its reference; accuracy compares later values with them.
    // Both are batches of the change history (undo takes them back), so they wait for a job that writes.
    'quality:mark-verified': async ({ ids }) => {
      ctx.assertCanWrite();
      const verified = markVerified(ctx.project().db, ids);
      ctx.changed();
      return { verified };
    },
    'quality:unmark-verified': async ({ ids }) => {
      ctx.assertCanWrite();
      const unverified = unmarkVerified(ctx.project().db, ids);
      ctx.changed();
      return { unverified };
    },
    // An empty patch reads the settings (without writing: a read must not wait for a job's lock); any key given is stored.
    'quality:settings': async (patch) => {
      if (Object.keys(patch).length === 0) return getQualitySettings(ctx.project().db);
      ctx.assertCanWrite();
      const settings = setQualitySettings(ctx.project().db, patch);
      ctx.changed();
      return settings;
    },
  };
}
