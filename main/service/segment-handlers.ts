/** Handlers for shared/channels/segment.ts: runs and elbows are jobs; naming a segment is a quick write. */
import type { Handlers } from '../../shared/contract.ts';
import type { segmentChannels } from '../../shared/channels/segment.ts';
import { AppError } from '../../shared/errors.ts';
import { availableFeatures, resolveFeatures, rfmFeaturesUnavailable } from '../segment/features.ts';
import { currentView } from '../segment/segmentation-view.ts';
import { renameSegment } from '../store/segments-repo.ts';
import type { ServiceContext } from './service-context.ts';

export function segmentHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof segmentChannels> {
  return {
    'segment:features': async () => {
      const { db } = ctx.project();
      return { features: availableFeatures(db).map(({ name, kind }) => ({ name, kind })), rfmUnavailable: rfmFeaturesUnavailable(db) };
    },
    'segment:current': async () => currentView(ctx.project().db),
    // Feature names are checked here, so a typo is answered at once rather than by a failed job.
    'segment:run': async (req) => {
      ctx.assertCanWrite();
      resolveFeatures(ctx.project().db, req.features);
      return { jobId: ctx.startJob('segment', req) };
    },
    'segment:elbow': async (req) => {
      resolveFeatures(ctx.project().db, req.features);
      return { jobId: ctx.startJob('segment-elbow', req) };
    },
    'segment:rename': async ({ segmentationId, segment, name }) => {
      ctx.assertCanWrite();
      const { db } = ctx.project();
      if (renameSegment(db, segmentationId, segment, name || null) === 0) {
        throw new AppError('invalid_input', `Segment ${segment} is not in the current segmentation; run it again or reload.`);
      }
      return currentView(db)!;
    },
  };
}
