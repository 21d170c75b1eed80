import { z } from 'zod';
import { issueCodes } from '../domain/issue-message.ts';

/** Data-quality channels (issue 3): profile as a job, metrics, trend, drill-down, reference values, settings. */

export const Dimension = z.enum(['completeness', 'validity', 'accuracy', 'consistency', 'timeliness', 'uniqueness']);
export const Severity = z.enum(['error', 'warning', 'info']);

export const Metric = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  bad: z.number(),
  formula: z.string(),
  reason: z.string().optional(),
  confusion: z.object({ tp: z.number(), tn: z.number(), fp: z.number(), fn: z.number() }).optional(),
});
const DimensionMetrics = z.record(Dimension, Metric);

export const QualityMetrics = z.object({
  overall: DimensionMetrics,
  byField: z.record(z.string(), DimensionMetrics),
  bySource: z.record(z.string(), DimensionMetrics),
  byRule: z.array(z.object({ rule: z.string(), dimension: Dimension, field: z.string(), severity: Severity, count: z.number() })),
  ageHistogram: z.array(z.object({ label: z.string(), minDays: z.number().nullable(), maxDays: z.number().nullable(), count: z.number() })),
  timelinessDays: z.number(),
  records: z.number(),
});
export type QualityMetrics = z.infer<typeof QualityMetrics>;

export const QualitySettings = z.object({
  defaultCountry: z.string().nullable(),
  timelinessDays: z.number().int().min(1).max(36_500),
});
export type QualitySettings = z.infer<typeof QualitySettings>;

export const QualityOverview = z.object({
  runId: z.number(),
  takenAt: z.string(),
  sources: z.array(z.object({ id: z.number(), fileName: z.string(), records: z.number() })),
  metrics: QualityMetrics,
  settings: QualitySettings,
  newCustomers: z.number(),
});
export type QualityOverview = z.infer<typeof QualityOverview>;

export const TrendPoint = z.object({ id: z.number(), takenAt: z.string(), reason: z.string(), records: z.number(), values: z.record(z.string(), z.number().nullable()) });
export type TrendPoint = z.infer<typeof TrendPoint>;

/**
 * What a finding says: a message code and its parameters
 * (shared/domain/issue-message.ts), put into words in the reader's language by
 * shared/i18n/issue-text.ts. Every channel that shows a finding carries this.
 */
export const CodedMessage = z.object({
  code: z.enum(issueCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type CodedMessage = z.infer<typeof CodedMessage>;

/** One thing wrong with one field of one customer. */
export const RecordIssue = z.object({
  customerId: z.number(),
  sourceId: z.number(),
  field: z.string(),
  dimension: Dimension,
  rule: z.string(),
  severity: Severity,
  message: CodedMessage,
  suggestion: z.string().optional(),
});
export type RecordIssue = z.infer<typeof RecordIssue>;

/**
 * The grid's drill-down: customers with at least one current issue matching
 * every given key (or, with ageBucket, whose last update falls in that
 * timeliness bucket; with verified, that have verified values). Carried inside customers:page requests.
 */
export const IssueFilter = z.object({
  field: z.string().max(64).optional(),
  rule: z.string().max(64).optional(),
  dimension: Dimension.optional(),
  sourceId: z.number().int().optional(),
  severity: Severity.optional(),
  ageBucket: z.number().int().min(0).max(20).optional(),
  /** Customers whose accuracy is measured: with verified values (a steward's verification or a reference file). */
  verified: z.literal(true).optional(),
});
export type IssueFilter = z.infer<typeof IssueFilter>;

/** What a verified reference file added: how its rows matched the project's customers by record id. */
export const ReferenceImport = z.object({
  fileName: z.string(),
  idColumn: z.string(),
  fields: z.array(z.string()),
  rows: z.number(),
  matchedRows: z.number(),
  customers: z.number(),
  values: z.number(),
});
export type ReferenceImport = z.infer<typeof ReferenceImport>;

/** What one customer's accuracy is measured against: a steward's verification and every reference value with its origin. */
export const CustomerReference = z.object({
  verified: z.object({ at: z.string(), by: z.string().nullable() }).nullable(),
  values: z.array(z.object({ field: z.string(), value: z.string().nullable(), origin: z.enum(['reference_file', 'steward']), originDetail: z.string().nullable(), at: z.string() })),
});
export type CustomerReference = z.infer<typeof CustomerReference>;

/** The project's reference for accuracy; changedAt tells whether the last profile saw it. */
export const ReferenceSummary = z.object({
  verifiedCustomers: z.number(),
  customers: z.number(),
  values: z.number(),
  files: z.array(z.object({ fileName: z.string(), customers: z.number(), values: z.number(), at: z.string() })),
  changedAt: z.string().nullable(),
});
export type ReferenceSummary = z.infer<typeof ReferenceSummary>;

const none = z.object({}).strict().default({});
const CustomerIds = z.array(z.number().int()).min(1).max(10_000);

export const qualityChannels = {
  'quality:profile-start': { input: none, output: z.object({ jobId: z.string() }) },
  'quality:overview': { input: none, output: QualityOverview.nullable() },
  'quality:snapshots': { input: none, output: z.array(TrendPoint) },
  'quality:issues-of-customer': { input: z.object({ id: z.number().int() }), output: z.array(RecordIssue) },
  'quality:issues-for-customers': { input: z.object({ ids: z.array(z.number().int()).max(1000), filter: IssueFilter.default({}) }), output: z.array(RecordIssue) },
  'quality:reference-import': { input: z.object({ path: z.string().min(1, 'Choose a reference file.') }), output: ReferenceImport },
  'quality:reference-summary': { input: none, output: ReferenceSummary },
  'quality:reference-of-customer': { input: z.object({ id: z.number().int() }), output: CustomerReference },
  'quality:verified-among': { input: z.object({ ids: z.array(z.number().int()).max(1000) }), output: z.array(z.number()) },
  'quality:mark-verified': { input: z.object({ ids: CustomerIds }), output: z.object({ verified: z.number() }) },
  'quality:unmark-verified': { input: z.object({ ids: CustomerIds }), output: z.object({ unverified: z.number() }) },
  'quality:settings': { input: QualitySettings.partial(), output: QualitySettings },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
