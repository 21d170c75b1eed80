import { z } from 'zod';
import { customerFieldKeys } from '../domain/fields.ts';
import { GridQuery } from './grid.ts';
import { CodedMessage } from './quality.ts';

/**
 * Fixing records (issue 9): standardisation suggestions reviewed in a grid,
 * manual edits, the change history with undo, redo and revert, and export.
 */

const Cell = z.union([z.string(), z.number(), z.null()]);
const FieldKey = z.enum(customerFieldKeys as [string, ...string[]]);

export const FixRuleInfo = z.object({
  id: z.string(),
  /** Fields the rule proposes values for. */
  fields: z.array(z.string()),
  /** Safe rules may be applied automatically after each run when the project says so. */
  safe: z.boolean(),
  /** Flags say a value is damaged or ambiguous and propose nothing. */
  flags: z.boolean(),
});
export type FixRuleInfo = z.infer<typeof FixRuleInfo>;

export const FixSettings = z.object({
  /** Safe rule ids applied automatically when a run finishes. */
  autoApply: z.array(z.string()),
});

export const FixStatus = z.enum(['open', 'accepted', 'rejected', 'stale']);

export const SuggestionFilter = z.object({
  rule: z.string().max(60).optional(),
  field: FieldKey.optional(),
  sourceId: z.number().int().optional(),
  status: FixStatus.optional(),
  kind: z.enum(['change', 'flag']).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  maxConfidence: z.number().min(0).max(1).optional(),
  customerId: z.number().int().optional(),
});
export type SuggestionFilter = z.infer<typeof SuggestionFilter>;

export const SuggestionRow = z.object({
  id: z.number(),
  customerId: z.number(),
  source: z.string(),
  sourceId: z.number(),
  sourceRecordId: z.string().nullable(),
  /** The customer's name as shown in the grid, to know whose value it is. */
  label: z.string(),
  field: z.string(),
  kind: z.enum(['change', 'flag']),
  rule: z.string(),
  before: Cell,
  after: Cell,
  confidence: z.number(),
  /** What explains the proposal beyond its rule (the record a value was filled from, why a value is flagged). */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  edited: z.boolean(),
  status: FixStatus,
});
export type SuggestionRow = z.infer<typeof SuggestionRow>;

export const FixSummary = z.object({
  run: z.object({ id: z.number(), finishedAt: z.string(), seconds: z.number(), records: z.number() }).nullable(),
  /** Per rule and field: how many suggestions are in each state. */
  byRule: z.array(z.object({ rule: z.string(), field: z.string(), kind: z.enum(['change', 'flag']), open: z.number(), accepted: z.number(), rejected: z.number(), stale: z.number() })),
  /** Customers changed since the run (their suggestions may be out of date). */
  changedSince: z.number(),
  customers: z.number(),
});
export type FixSummary = z.infer<typeof FixSummary>;

export const DecideResult = z.object({
  /** Set when the selection was large enough to run as a job (its result is a DecideResult without jobId). */
  jobId: z.string().nullable(),
  accepted: z.number(),
  rejected: z.number(),
  reopened: z.number(),
  /** The value had changed since the suggestion was made; nothing was written for these. */
  stale: z.number(),
  batchId: z.number().nullable(),
});
export type DecideResult = z.infer<typeof DecideResult>;

export const BatchKind = z.enum(['fix', 'edit', 'revert', 'undo', 'redo', 'verify', 'merge', 'unmerge', 'withdraw', 'restore', 'import', 'review']);

export const BatchInfo = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  kind: BatchKind,
  description: z.string(),
  params: z.record(z.string(), z.unknown()),
  target: z.number().nullable(),
  changes: z.number(),
  /** Whether its changes are in force: false once undone (and not redone). */
  active: z.boolean(),
});
export type BatchInfo = z.infer<typeof BatchInfo>;

export const ChangeInfo = z.object({
  id: z.number(),
  at: z.string(),
  batchId: z.number(),
  customerId: z.number(),
  label: z.string(),
  source: z.string(),
  field: z.string(),
  before: Cell,
  after: Cell,
  reason: z.string(),
  actor: z.string().nullable(),
  undoes: z.number().nullable(),
});
export type ChangeInfo = z.infer<typeof ChangeInfo>;

export const ConflictMode = z.enum(['check', 'skip', 'overwrite']);

export const ReversalResult = z.object({
  total: z.number(),
  conflicts: z.number(),
  sample: z.array(z.object({
    /** 'customer' for a customer field; a merge kind otherwise (golden, golden_pick, match_label, match_cluster, presence). */
    entity: z.string(),
    customerId: z.number(),
    field: z.string(),
    left: Cell,
    current: Cell,
    laterBatch: z.object({ id: z.number(), kind: z.string(), at: z.string(), description: z.string() }).nullable(),
  })),
  batchId: z.number().nullable(),
  changed: z.number(),
});
export type ReversalResult = z.infer<typeof ReversalResult>;

/** A reversal of a large batch runs as a job: its result (a ReversalResult) arrives with job:done. */
export const ReversalOrJob = ReversalResult.extend({ jobId: z.string().nullable() });
export type ReversalOrJob = z.infer<typeof ReversalOrJob>;

export const HistoryState = z.object({
  rows: z.array(BatchInfo),
  total: z.number(),
  /** The batch Undo would reverse, and the undo Redo would reverse. */
  undo: BatchInfo.nullable(),
  redo: BatchInfo.nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

/** What a cell edit returns: the record as stored now, and what validity says of the new value. */
export const EditResult = z.object({
  batchId: z.number().nullable(),
  customer: z.record(z.string(), Cell),
  stale: z.boolean(),
});

export const ValueCheck = z.object({
  valid: z.boolean(),
  /** The finding (rule, message code and parameters: worded in the UI language), when not valid or worth a warning. */
  problem: z.object({ rule: z.string(), message: CodedMessage }).nullable(),
  /** The canonical form, when a standardiser has one. */
  suggestion: Cell,
});
export type ValueCheck = z.infer<typeof ValueCheck>;

const ScoresAt = z.object({ takenAt: z.string(), records: z.number(), overall: z.record(z.string(), z.number().nullable()) });

/** Quality before the first change to the records and now (main/quality/before-after.ts). */
export const BeforeAfter = z.object({
  firstChangeAt: z.string().nullable(),
  before: ScoresAt.nullable(),
  after: ScoresAt.nullable(),
  changedSinceProfile: z.number(),
});
export type BeforeAfter = z.infer<typeof BeforeAfter>;

const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const ExportFormat = z.enum(['csv', 'xlsx']);

/** What a save dialog offers to write: an export, the change log, a report. */
export const SaveFormat = z.enum(['csv', 'xlsx', 'html']);
export type SaveFormat = z.infer<typeof SaveFormat>;

export const fixChannels = {
  'quality:before-after': { input: z.object({}).strict().default({}), output: BeforeAfter },
  'fix:rules': { input: z.object({}).strict().default({}), output: z.object({ rules: z.array(FixRuleInfo), settings: FixSettings }) },
  'fix:settings': { input: FixSettings, output: FixSettings },
  'fix:run': { input: z.object({}).strict().default({}), output: z.object({ jobId: z.string() }) },
  'fix:summary': { input: z.object({}).strict().default({}), output: FixSummary },
  'fix:page': {
    input: z.object({
      startRow: z.number().int().min(0),
      endRow: z.number().int().min(0),
      filter: SuggestionFilter.default({}),
      sort: z.enum(['record', 'confidence_asc', 'confidence_desc', 'field', 'rule']).default('record'),
    }),
    output: z.object({ rows: z.array(SuggestionRow), lastRow: z.number() }),
  },
  'fix:decide': {
    input: z.object({
      action: z.enum(['accept', 'reject', 'reopen']),
      /** Either these suggestions, or every suggestion the filter matches. */
      ids: z.array(z.number().int()).max(10_000).optional(),
      filter: SuggestionFilter.optional(),
    }).refine((v) => (v.ids === undefined) !== (v.filter === undefined), 'Give either ids or a filter.'),
    output: DecideResult,
  },
  'fix:edit': { input: z.object({ id: z.number().int(), after: Cell }), output: SuggestionRow },
  'customers:update': {
    input: z.object({ id: z.number().int(), field: FieldKey, value: Cell, expectBefore: Cell.optional() }),
    output: EditResult,
  },
  'customers:check-value': { input: z.object({ id: z.number().int(), field: FieldKey, value: z.string().max(2000) }), output: ValueCheck },
  'history:page': { input: z.object(page), output: HistoryState },
  'history:changes': { input: z.object({ batchId: z.number().int(), ...page }), output: z.object({ rows: z.array(ChangeInfo), total: z.number() }) },
  'history:undo': { input: z.object({ mode: ConflictMode.default('check') }), output: ReversalOrJob },
  'history:redo': { input: z.object({ mode: ConflictMode.default('check') }), output: ReversalOrJob },
  'history:revert': {
    input: z.object({ batchId: z.number().int().optional(), changeId: z.number().int().optional(), mode: ConflictMode.default('check') })
      .refine((v) => (v.batchId === undefined) !== (v.changeId === undefined), 'Give either a batch or a change.'),
    output: ReversalOrJob,
  },
  'history:export': { input: z.object({ path: z.string().min(1) }), output: z.object({ path: z.string(), rows: z.number() }) },
  'export:start': {
    input: z.object({
      path: z.string().min(1, 'Choose where to save the file.'),
      format: ExportFormat,
      /** A byte-order mark so Excel reads UTF-8 (CSV only). */
      bom: z.boolean().default(false),
      /** For sharing: email, phone, mobile, birth date and street masked, unmapped columns left out. */
      mask: z.boolean().default(false),
      /** The customers grid's current filter; all working records when absent. */
      query: GridQuery.omit({ sortModel: true }).optional(),
    }),
    output: z.object({ jobId: z.string() }),
  },
  'dialog:save-file': {
    input: z.object({ defaultName: z.string().max(200), format: SaveFormat }),
    /** null in browser mode (no native dialog) or when the user cancels. */
    output: z.object({ path: z.string().nullable(), defaultPath: z.string() }),
  },
} as const;
