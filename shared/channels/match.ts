import { z } from 'zod';

/** Duplicate-matching channels (issue 4): run, summary, clusters, pair explanations. */

export const BlockingRuleSummary = z.object({ rule: z.string(), comparisons: z.number(), skippedBlocks: z.number() });

export const MatchSummary = z.object({
  /** null until the project has been matched once. */
  run: z.object({
    id: z.number(),
    kind: z.enum(['full', 'incremental']),
    finishedAt: z.string(),
    seconds: z.number(),
    records: z.number(),
    comparisons: z.number(),
    threshold: z.number(),
    reportThreshold: z.number(),
    prior: z.number(),
    comparisonNames: z.array(z.string()),
  }).nullable(),
  blocking: z.array(BlockingRuleSummary),
  clusters: z.number(),
  clusteredRecords: z.number(),
  pairs: z.number(),
  /** Customers imported after the last run: matched by "match new records". */
  newRecords: z.number(),
  customers: z.number(),
});
export type MatchSummary = z.infer<typeof MatchSummary>;

export const ClusterRow = z.object({
  id: z.number(),
  size: z.number(),
  sources: z.number(),
  minProbability: z.number(),
  maxProbability: z.number(),
  /** A readable label: the first member's name. */
  label: z.string(),
});
export type ClusterRow = z.infer<typeof ClusterRow>;

export const WaterfallStep = z.object({ comparison: z.string(), level: z.string(), log2BayesFactor: z.number(), tfAdjustment: z.number() });
export const PairExplanation = z.object({
  a: z.number(),
  b: z.number(),
  weight: z.number(),
  probability: z.number(),
  prior: z.number(),
  rule: z.string(),
  linked: z.boolean(),
  steps: z.array(WaterfallStep),
});
export type PairExplanation = z.infer<typeof PairExplanation>;

export const ClusterMember = z.object({
  id: z.number(),
  source: z.string(),
  sourceRecordId: z.string().nullable(),
  rowNumber: z.number(),
  probability: z.number(),
  values: z.record(z.string(), z.string().nullable()),
});
export type ClusterMember = z.infer<typeof ClusterMember>;

export const ClusterDetail = z.object({
  id: z.number(),
  members: z.array(ClusterMember),
  /** The fields shown side by side, in display order. */
  fields: z.array(z.string()),
  /** Stored pairs among the members, strongest first. */
  pairs: z.array(PairExplanation),
});
export type ClusterDetail = z.infer<typeof ClusterDetail>;

const none = z.object({}).strict().default({});
const Probability = z.number().gt(0).lt(1);

export const matchChannels = {
  'match:start': {
    input: z.object({ scope: z.enum(['all', 'new']).default('all'), threshold: Probability.optional() }),
    output: z.object({ jobId: z.string() }),
  },
  'match:summary': { input: none, output: MatchSummary },
  'match:clusters-page': {
    input: z.object({
      startRow: z.number().int().min(0),
      endRow: z.number().int().min(0),
      sort: z.enum(['size', 'probability', 'weakest']).default('size'),
      minSize: z.number().int().min(2).default(2),
    }),
    output: z.object({ rows: z.array(ClusterRow), lastRow: z.number() }),
  },
  'match:cluster': { input: z.object({ id: z.number().int() }), output: ClusterDetail },
  'match:pair-explain': { input: z.object({ a: z.number().int(), b: z.number().int() }), output: PairExplanation },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
