import { z } from 'zod';
import { customerFieldKeys } from '../domain/fields.ts';
import { PairExplanation } from './match.ts';

/**
 * Merging duplicates into golden records (issue 10): the review queue (one
 * suggested cluster at a time or as a list), decisions (accept, reject,
 * split one record out, not the same customer, pick a value by hand),
 * bulk-accept above a threshold, unmerge, survivorship settings, the
 * precision and recall estimated from the decisions, and exports.
 *
 * Every decision is one batch of the change history (kind 'merge' when it
 * changes golden records, 'review' when it only records labels and reshapes
 * suggestions, 'unmerge'), so History's undo, redo and revert apply to it.
 * Ids: a cluster's and a golden record's id is its smallest member's
 * customer id; a customer in no golden record is its own (id = its id).
 */

const Cell = z.union([z.string(), z.number(), z.null()]);
const Probability = z.number().min(0).max(1);
const Id = z.number().int();

/** Fields a golden record has: every customer field except the record id in its source. */
export const goldenFieldKeys = customerFieldKeys.filter((f) => f !== 'source_record_id');
export const GoldenField = z.enum(goldenFieldKeys as [string, ...string[]]);

/* ------------------------------------------------------------ queue -- */

/** review: waiting for a decision; merged: exactly one golden record; rejected: "not duplicates" (until undone). */
export const ClusterStatus = z.enum(['review', 'merged', 'rejected']);
export type ClusterStatus = z.infer<typeof ClusterStatus>;

/**
 * uncertainty: the weakest link's probability closest to a coin toss first
 * (hard cases first); size: biggest first; probability: strongest link
 * first; id: oldest record first.
 */
export const QueueSort = z.enum(['uncertainty', 'size', 'probability', 'id']);

export const QueueFilter = z.object({
  status: z.enum(['review', 'merged', 'rejected', 'all']).default('review'),
  /** Clusters with at least one member from one of these sources (sources:list ids). */
  sourceIds: z.array(Id).max(100).optional(),
  /** Bounds on the weakest link's probability (the cluster's score). */
  minProbability: Probability.optional(),
  maxProbability: Probability.optional(),
  minSize: z.number().int().min(2).optional(),
  maxSize: z.number().int().min(2).optional(),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

/** Which list the reviewer walks: the queue's order and filter. */
export const QueueView = z.object({ sort: QueueSort.default('uncertainty'), filter: QueueFilter.default({ status: 'review' }) });
export type QueueView = z.infer<typeof QueueView>;

export const QueueRow = z.object({
  /** Cluster id (smallest member id). Rejected clusters keep the id they had when rejected. */
  id: z.number(),
  status: ClusterStatus,
  size: z.number(),
  sourceIds: z.array(z.number()),
  /** Source file names, in sourceIds order. */
  sources: z.array(z.string()),
  /** Probability of the weakest link: the pair that joined the last two groups (null when the members are joined only by decisions). */
  weakest: z.number().nullable(),
  maxProbability: z.number(),
  /** 1 − |2p − 1| of the weakest link: 1 is a coin toss, 0 certain. */
  uncertainty: z.number(),
  /** The smallest member's name, to recognise the cluster. */
  label: z.string(),
  /** The golden record the members belong to (merged clusters). */
  goldenId: z.number().nullable(),
  /** The batch that rejected it (rejected clusters: reverting it in History reopens the cluster). */
  rejectedBatch: z.number().nullable(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePosition = z.object({
  /** 0-based place of the cluster in the list; null when it is not (or no longer) in it. */
  index: z.number().nullable(),
  total: z.number(),
  previous: z.number().nullable(),
  /**
   * The clusters before and after this one. When it is not in the list (just
   * decided, or left out by a new filter), those around where it would sort:
   * `next` is the one now at its place. Both null for a cluster known nowhere.
   */
  next: z.number().nullable(),
});
export type QueuePosition = z.infer<typeof QueuePosition>;

export const MergeSummary = z.object({
  /** null until the project has been matched. */
  threshold: z.number().nullable(),
  review: z.number(),
  merged: z.number(),
  rejected: z.number(),
  /** Golden records, counting every customer in none as its own. */
  goldenRecords: z.number(),
  /** Customers in golden records of two or more. */
  mergedCustomers: z.number(),
  customers: z.number(),
  /** Customers a later export no longer holds (kept, marked gone from their source). */
  goneFromSource: z.number(),
  labels: z.object({ same: z.number(), different: z.number() }),
});
export type MergeSummary = z.infer<typeof MergeSummary>;

/* ---------------------------------------------------- survivorship -- */

/** How the master record of a golden record is chosen; the first rule that finds one record decides, else the smallest id. */
export const MasterRule = z.enum(['most_recent', 'most_complete', 'source_priority']);
export type MasterRule = z.infer<typeof MasterRule>;

/**
 * A field's rule. valid_first: values the standardisers call valid, canonical
 * ones before those that need standardising; most_frequent: compared in
 * their canonical form ('+4930123456' and '030 123456' are one number);
 * most_recent / most_complete / source_priority: of the record holding it;
 * longest: the longest value. Rules apply in order, each breaking the
 * previous one's ties; the master record breaks what is left.
 */
export const FieldRule = z.enum(['valid_first', 'most_frequent', 'most_recent', 'most_complete', 'source_priority', 'longest']);
export type FieldRule = z.infer<typeof FieldRule>;

export const SurvivorshipSettings = z.object({
  master: z.array(MasterRule).max(3),
  /** Source ids, highest priority first (unlisted sources come after, oldest first). */
  sourcePriority: z.array(Id).max(1000),
  fields: z.record(GoldenField, z.array(FieldRule).min(1).max(6)),
});
export type SurvivorshipSettings = z.infer<typeof SurvivorshipSettings>;

/** What decided a field's surviving value. */
export const SurvivorReason = z.enum([
  'picked', // a steward picked it by hand
  'only_value', // one member holds a value
  'all_agree', // every member holding one holds the same (in canonical form)
  'valid_first', 'most_frequent', 'most_recent', 'most_complete', 'source_priority', 'longest',
  'master', // the rules left a tie: the master record's value
  'none', // no member holds a value
]);
export type SurvivorReason = z.infer<typeof SurvivorReason>;

export const SurvivingValue = z.object({
  value: Cell,
  /** The member the value comes from (null when none holds one). */
  from: z.number().nullable(),
  reason: SurvivorReason,
});
export type SurvivingValue = z.infer<typeof SurvivingValue>;

/* --------------------------------------------------- one cluster -- */

export const ClusterMemberView = z.object({
  id: z.number(),
  source: z.string(),
  sourceId: z.number(),
  sourceRecordId: z.string().nullable(),
  rowNumber: z.number(),
  updatedAt: z.string().nullable(),
  /** Set when a later export of its source no longer held it. */
  goneSince: z.string().nullable(),
  goldenId: z.number().nullable(),
  /** Strongest stored link to another member (null when none is stored). */
  probability: z.number().nullable(),
  master: z.boolean(),
});
export type ClusterMemberView = z.infer<typeof ClusterMemberView>;

export const FieldGroup = z.enum(['differing', 'equal', 'empty']);

export const ClusterField = z.object({
  field: z.string(),
  /** differing: members hold different values; equal: every member holding one holds the same; empty: none holds one. */
  group: FieldGroup,
  /** Per member, in `members` order, as stored. */
  values: z.array(Cell),
  /** Differing as written, the same once standardised ('030 123456' and '+4930123456'). */
  sameWhenStandardised: z.boolean(),
  /** The member whose value a steward picked for this field, if any. */
  pickedFrom: z.number().nullable(),
  surviving: SurvivingValue,
});
export type ClusterField = z.infer<typeof ClusterField>;

export const PairLink = z.object({
  a: z.number(),
  b: z.number(),
  probability: z.number(),
  /** At or above the run's threshold. */
  linked: z.boolean(),
  label: z.enum(['same', 'different']).nullable(),
});

export const ClusterView = z.object({
  id: z.number(),
  status: ClusterStatus,
  goldenId: z.number().nullable(),
  rejectedBatch: z.number().nullable(),
  members: z.array(ClusterMemberView),
  /** Differing fields first, then equal, then empty; each in fields.ts order. */
  fields: z.array(ClusterField),
  master: z.object({ id: z.number(), reason: z.union([MasterRule, z.literal('smallest_id')]) }),
  /** The weakest link (the pair that joined the last two groups) with its waterfall: the explanation opens here. */
  weakest: PairExplanation.nullable(),
  /** Stored pairs among the members, strongest first, with any decision on them. */
  pairs: z.array(PairLink),
});
export type ClusterView = z.infer<typeof ClusterView>;

/** A golden record as exported: its members and each field's surviving value. */
export const GoldenRecord = z.object({
  id: z.number(),
  members: z.array(z.object({ id: z.number(), source: z.string(), sourceRecordId: z.string().nullable() })),
  values: z.record(z.string(), SurvivingValue),
  master: z.number(),
});
export type GoldenRecord = z.infer<typeof GoldenRecord>;

/* ------------------------------------------------------ decisions -- */

export const DecisionResult = z.object({
  /** null when the decision changed nothing (already so). */
  batchId: z.number().nullable(),
  changes: z.number(),
  /** The golden record the decision made or changed. */
  goldenId: z.number().nullable(),
  /** Clusters the decision left where the decided one was (a split leaves up to two; a reject none). */
  clusters: z.array(z.number()),
});
export type DecisionResult = z.infer<typeof DecisionResult>;

export const BulkPreview = z.object({
  threshold: z.number(),
  /** Clusters to review whose weakest link is at or above the threshold (and that pass the filter). */
  clusters: z.number(),
  /** Customers in them. */
  records: z.number(),
  /** Golden records the project would have afterwards. */
  goldenRecordsAfter: z.number(),
});
export type BulkPreview = z.infer<typeof BulkPreview>;

/** A bulk accept's job result (job:done). */
export const BulkResult = z.object({ clusters: z.number(), records: z.number(), batchId: z.number().nullable(), seconds: z.number() });
export type BulkResult = z.infer<typeof BulkResult>;

export const UnmergeAllResult = z.object({ jobId: z.string().nullable(), goldenRecords: z.number(), records: z.number(), batchId: z.number().nullable() });

/* -------------------------------------------------------- metrics -- */

const Rates = z.object({
  threshold: z.number(),
  /** null when no labelled pair is linked (or none is labelled 'same'). */
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  truePositives: z.number(),
  falsePositives: z.number(),
  falseNegatives: z.number(),
});

export const LabelMetrics = z.object({
  /** Pairs decided by a steward (bulk accepts are the model's own guesses and are not counted). */
  labels: z.object({ same: z.number(), different: z.number() }),
  /** At the current run's threshold: a labelled pair counts as linked when its stored probability reaches it. */
  current: Rates.nullable(),
  /** The same at other thresholds, for choosing a bulk-accept threshold. */
  curve: z.array(Rates),
});
export type LabelMetrics = z.infer<typeof LabelMetrics>;

/* -------------------------------------------------------- channels -- */

const page = { startRow: z.number().int().min(0), endRow: z.number().int().min(0) };

export const mergeChannels = {
  'merge:summary': { input: z.object({}).strict().default({}), output: MergeSummary },
  'merge:queue-page': { input: QueueView.extend(page), output: z.object({ rows: z.array(QueueRow), lastRow: z.number() }) },
  /** Where a cluster stands in a list, and its neighbours: next and previous. */
  'merge:queue-position': { input: QueueView.extend({ id: Id }), output: QueuePosition },
  /** One cluster side by side; `rejected` reads a rejected cluster (its batch id) rather than a current one. */
  'merge:cluster': { input: z.object({ id: Id, rejectedBatch: Id.optional() }), output: ClusterView },
  'merge:golden': { input: z.object({ id: Id }), output: GoldenRecord },
  'merge:accept': { input: z.object({ clusterId: Id }), output: DecisionResult },
  'merge:reject': { input: z.object({ clusterId: Id }), output: DecisionResult },
  /** One record out of a cluster (out of its golden record too, when merged), labelled not the same as the others. */
  'merge:split': { input: z.object({ clusterId: Id, customerId: Id }), output: DecisionResult },
  'merge:not-same': {
    input: z.object({ a: Id, b: Id }).refine((v) => v.a !== v.b, 'Choose two different records.'),
    output: DecisionResult,
  },
  /** The value of `field` comes from `customerId` (a member); null takes a pick back. */
  'merge:pick': { input: z.object({ clusterId: Id, field: GoldenField, customerId: Id.nullable() }), output: DecisionResult },
  /** Dissolves a golden record, or takes one record out of it (`customerId`). */
  'merge:unmerge': { input: z.object({ goldenId: Id, customerId: Id.optional() }), output: DecisionResult },
  'merge:unmerge-all': { input: z.object({}).strict().default({}), output: UnmergeAllResult },
  'merge:bulk-preview': { input: z.object({ threshold: Probability, filter: QueueFilter.omit({ status: true }).default({}) }), output: BulkPreview },
  /** Runs as a job (kind 'merge'; result BulkResult). `expectClusters`: refuse when the preview's count no longer holds. */
  'merge:bulk-accept': {
    input: z.object({ threshold: Probability, filter: QueueFilter.omit({ status: true }).default({}), expectClusters: z.number().int().min(0).optional() }),
    output: z.object({ jobId: z.string() }),
  },
  /** An empty patch reads the settings; `reset` goes back to the defaults. */
  'merge:settings': { input: SurvivorshipSettings.partial().extend({ reset: z.boolean().optional() }).default({}), output: SurvivorshipSettings },
  'merge:metrics': { input: z.object({}).strict().default({}), output: LabelMetrics },
  /**
   * golden: one row per golden record (golden_id,member_count,members, then every customer field);
   * records: every customer with its golden_id; decisions: the labels and who made them. A job (kind 'export').
   */
  'merge:export-start': {
    input: z.object({
      path: z.string().min(1, 'Choose where to save the file.'),
      format: z.enum(['csv', 'xlsx']),
      layout: z.enum(['golden', 'records', 'decisions']),
      bom: z.boolean().default(false),
    }),
    output: z.object({ jobId: z.string() }),
  },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
