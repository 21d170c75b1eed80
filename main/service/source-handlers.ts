import type { Handlers } from '../../shared/contract.ts';
import { bringBackSource } from '../history/bring-back-source.ts';
import { withdrawalPreview, withdrawSource } from '../ingest/withdraw-source.ts';
import type { ServiceContext } from './service-context.ts';

/** Withdrawing an imported source and bringing it back (issue 11). One change each: written inline. */
export function sourceHandlers(ctx: ServiceContext): Pick<Handlers, 'sources:withdrawal-preview' | 'sources:withdraw' | 'sources:bring-back'> {
  return {
    'sources:withdrawal-preview': async ({ sourceId }) => withdrawalPreview(ctx.project().db, sourceId),
    'sources:withdraw': async ({ sourceId }) => {
      ctx.assertCanWrite();
      const result = withdrawSource(ctx.project().db, sourceId, 'steward');
      if (result.batchId !== null) ctx.sourcesChanged();
      return result;
    },
    'sources:bring-back': async ({ sourceId }) => {
      ctx.assertCanWrite();
      const { revertBatchId, ...result } = bringBackSource(ctx.project().db, sourceId, 'steward');
      if (revertBatchId !== null) ctx.sourcesChanged();
      return result;
    },
  };
}
