import { z } from 'zod';

/** Withdrawing an imported source (issue 11): what it would hide, the withdrawal itself, and bringing it back. */

const SourceId = z.number({ error: 'A source id is required.' }).int().positive('A source id is a positive whole number.');

export const WithdrawalPreview = z.object({
  sourceId: z.number(),
  fileName: z.string(),
  entity: z.string(),
  /** When it was withdrawn; null while it is in the project. */
  withdrawnAt: z.string().nullable(),
  /** The history batch that withdrew it, when withdrawn. */
  batchId: z.number().nullable(),
  /** Working records hidden by the withdrawal. */
  customers: z.number(),
  /** Customers merged into golden records, and how many golden records lose members. */
  inGoldenRecords: z.number(),
  goldenRecords: z.number(),
  /** Customers with accepted fixes or edits (kept in the history, hidden with the records). */
  changedCustomers: z.number(),
  /** Kept whatever happens. */
  rawRows: z.number(),
  quarantined: z.number(),
});
export type WithdrawalPreview = z.infer<typeof WithdrawalPreview>;

export const sourceChannels = {
  /** What withdrawing the source would hide (or, withdrawn, hides now), before asking the steward. */
  'sources:withdrawal-preview': { input: z.object({ sourceId: SourceId }).strict(), output: WithdrawalPreview },
  /** One 'withdraw' batch of the history: the source's records are hidden everywhere; its raw rows stay. */
  'sources:withdraw': { input: z.object({ sourceId: SourceId }).strict(), output: WithdrawalPreview },
  /** Reverts the batch that withdrew the source (a 'revert' batch): its records are back exactly as they were. */
  'sources:bring-back': { input: z.object({ sourceId: SourceId }).strict(), output: WithdrawalPreview },
} as const;
