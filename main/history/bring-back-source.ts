/**
 * Bringing a withdrawn source back is reverting the batch that withdrew it
 * (withdraw-source.ts): a 'revert' batch of the history, like any other, so
 * it can itself be undone. Nothing else touches withdrawn_sources.
 */
import { AppError } from '../../shared/errors.ts';
import { withdrawalPreview, type WithdrawalPreview } from '../ingest/withdraw-source.ts';
import type { Db } from '../store/open-project.ts';
import { reverseBatch } from './reverse-batch.ts';

export function bringBackSource(db: Db, sourceId: number, actor: string): WithdrawalPreview & { revertBatchId: number | null } {
  const before = withdrawalPreview(db, sourceId);
  if (before.withdrawnAt === null) return { ...before, revertBatchId: null };
  if (before.batchId === null) throw new AppError('invalid_input', `Source #${sourceId} is withdrawn but the history holds no batch that withdrew it.`);
  // The withdrawal's one change is the source's flag; 'overwrite' since a later change to it can only be another withdrawal of the same source.
  const result = reverseBatch(db, before.batchId, 'revert', actor, 'overwrite');
  return { ...withdrawalPreview(db, sourceId), revertBatchId: result.batchId };
}
