import { z } from 'zod';
import { backupChannels } from './channels/backup.ts';
import { matchChannels } from './channels/match.ts';
import { qualityChannels } from './channels/quality.ts';
import { fixChannels } from './channels/fix.ts';
import { mergeChannels } from './channels/merge.ts';
import { sourceChannels } from './channels/sources.ts';
import { segmentChannels } from './channels/segment.ts';
import { analysisChannels } from './channels/analysis.ts';
import { reportChannels } from './channels/report.ts';
import { GridColumn, PageRequest } from './channels/grid.ts';
import { targetFieldKeys } from './domain/fields.ts';

/**
 * The one contract between the renderer and the main process. Every
 * transport (Electron IPC, browser mode over HTTP, the CLI, tests) parses the
 * input with the channel's schema before the handler runs.
 */

const Entity = z.enum(['customer', 'transaction', 'need']);
const Encoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'gb18030', 'big5', 'shift_jis', 'euc-kr']);
const Delimiter = z.enum([',', ';', '\t', '|']);
const TargetField = z.enum(targetFieldKeys);
const Mapping = z.record(z.string(), TargetField.nullable());
const FilePath = z.string().min(1, 'A file path is required.');

export const ProjectInfo = z.object({
  path: z.string(),
  name: z.string(),
  /** Protected by a passphrase: the file is encrypted at rest. */
  encrypted: z.boolean(),
  customers: z.number(),
  sources: z.number(),
  quarantined: z.number(),
  transactions: z.number(),
  needs: z.number(),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

export const RecentProject = z.object({ path: z.string(), name: z.string(), openedAt: z.string(), exists: z.boolean(), encrypted: z.boolean() });

/** A passphrase being chosen (creating, protecting, changing); unlocking accepts whatever was chosen. */
const NewPassphrase = z.string().min(8, 'Choose a passphrase of at least 8 characters.').max(1024);
const Passphrase = z.string().min(1, 'Enter the passphrase.').max(1024);

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser', 'cli']),
  defaultProjectDir: z.string(),
  demoAvailable: z.boolean(),
  /** The desktop app can remember a project's key in the OS keychain; browser mode and the CLI cannot. */
  canRememberPassphrase: z.boolean(),
  project: ProjectInfo.nullable(),
});

export const SourceSummary = z.object({
  id: z.number(),
  fileName: z.string(),
  filePath: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  entity: z.string(),
  preset: z.string().nullable(),
  idColumn: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()),
  rows: z.number(),
  imported: z.number(),
  quarantined: z.number(),
  importedAt: z.string(),
  /** When the source was withdrawn (its records hidden everywhere, its raw rows kept); null while it is in the project. */
  withdrawnAt: z.string().nullable(),
  /** For a transactions or needs file: the customers source its ids belong to, when the steward picked one. */
  linkSourceId: z.number().nullable(),
});

/** One source-to-be of a file: a text file gives one, a workbook one per worksheet with data. */
export const FilePreview = z.object({
  path: z.string(),
  fileName: z.string(),
  /** The file's name, or "book.xlsx › Orders" when a workbook gives several sources. */
  sourceName: z.string(),
  sheet: z.string().nullable(),
  /** All worksheets of a workbook: which have a header and rows under it. */
  sheets: z.array(z.object({ name: z.string(), header: z.boolean(), dataRows: z.boolean() })).nullable(),
  format: z.enum(['csv', 'xlsx', 'json']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  size: z.number(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  sampleProblems: z.array(z.object({ rowNumber: z.number(), lineNumber: z.number(), reason: z.string(), detail: z.string() })),
  mapping: Mapping,
  idColumn: z.string().nullable(),
  preset: z.string().nullable(),
  entity: Entity,
  alreadyImported: SourceSummary.nullable(),
  /** Columns that look like the expected fields (record id, name, email, phone, last update), for the unmapped-field warning. */
  likely: z.array(z.object({ field: z.enum(['source_record_id', 'full_name', 'email', 'phone', 'updated_at']), headers: z.array(z.string()) })),
  /** For JSON: the key of the array the records come from (null for a top-level array) and the file's other arrays. */
  json: z.object({ recordsKey: z.string().nullable(), otherArrays: z.array(z.object({ key: z.string(), elements: z.number() })) }).nullable(),
});
export type FilePreview = z.infer<typeof FilePreview>;

export const ImportFileRequest = z.object({
  path: FilePath,
  mapping: Mapping.optional(),
  idColumn: z.string().nullable().optional(),
  entity: Entity.optional(),
  encoding: Encoding.optional(),
  delimiter: Delimiter.optional(),
  /** A workbook's sheet; omitted: every sheet with data, each as its own source. */
  sheet: z.string().optional(),
  onDuplicate: z.enum(['refuse', 'import', 'skip']).optional(),
  /** auto (default): a later export of a system already imported (same layout and id column, known record ids) updates its records; never: new records. */
  update: z.enum(['auto', 'never']).optional(),
});
export type ImportFileRequest = z.infer<typeof ImportFileRequest>;

export const ImportedFile = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  path: z.string(),
  sourceId: z.number().nullable(),
  skipped: z.boolean(),
  format: z.string(),
  rows: z.number(),
  imported: z.number(),
  quarantined: z.number(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  idColumn: z.string().nullable(),
  entity: Entity,
  preset: z.string().nullable(),
  mapping: Mapping,
  recordsKey: z.string().nullable(),
  /** A later export of a system already imported: how many of its records were new, changed, unchanged, gone from the source (and back in it). */
  update: z.object({
    system: z.number(), new: z.number(), changed: z.number(), unchanged: z.number(), gone: z.number(), back: z.number(), batchId: z.number().nullable(),
  }).nullable(),
});

export { ColumnFilter, GridColumn, GridQuery, PageRequest } from './channels/grid.ts';

export const CustomerRow = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type CustomerRow = z.infer<typeof CustomerRow>;

export const CustomerDetail = z.object({
  customer: CustomerRow,
  extra: z.record(z.string(), z.string()),
  source: SourceSummary,
  raw: z.object({ rowNumber: z.number(), lineNumber: z.number(), cells: z.array(z.string()) }),
  transactions: z.array(CustomerRow),
  needs: z.array(CustomerRow),
});

export const QuarantinedRow = z.object({
  id: z.number(),
  sourceId: z.number(),
  fileName: z.string(),
  rowNumber: z.number(),
  lineNumber: z.number(),
  rawText: z.string(),
  reason: z.string(),
  detail: z.string(),
});

/** Every kind of long work; an area adds its kinds here. */
export const JobKind = z.enum(['import', 'profile', 'match', 'fix', 'fix-apply', 'export', 'history', 'sort-index', 'backup', 'restore', 'merge', 'segment', 'segment-elbow', 'rfm']);
export const JobStatus = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export const JobProgress = z.object({
  jobId: z.string(),
  kind: JobKind,
  step: z.string(),
  done: z.number(),
  total: z.number(),
  rows: z.number(),
  file: z.string().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;
export const JobDone = z.object({
  jobId: z.string(),
  kind: JobKind,
  status: JobStatus,
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobDone = z.infer<typeof JobDone>;
export const JobState = z.object({ jobId: z.string(), kind: JobKind, status: JobStatus, progress: JobProgress.nullable(), done: JobDone.nullable() });

const none = z.object({}).strict().default({});

const coreChannels = {
  'app:info': { input: none, output: AppInfo },
  'project:recent': { input: none, output: z.array(RecentProject) },
  'project:create': { input: z.object({ path: FilePath, passphrase: NewPassphrase.optional(), remember: z.boolean().optional() }), output: ProjectInfo },
  'project:open': { input: z.object({ path: FilePath, passphrase: Passphrase.optional(), remember: z.boolean().optional() }), output: ProjectInfo },
  /** Protects the open project with a passphrase, or changes it (`current` required when it has one). */
  'project:set-passphrase': { input: z.object({ current: Passphrase.optional(), next: NewPassphrase, remember: z.boolean().optional() }), output: ProjectInfo },
  'project:remove-passphrase': { input: z.object({ current: Passphrase }), output: ProjectInfo },
  'project:open-demo': { input: none, output: z.object({ project: ProjectInfo, jobId: z.string().nullable() }) },
  'project:close': { input: none, output: z.null() },
  'project:info': { input: none, output: ProjectInfo.nullable() },
  'dialog:pick-files': { input: none, output: z.array(z.string()) },
  'import:preview': { input: z.object({ path: FilePath, encoding: Encoding.optional(), delimiter: Delimiter.optional() }), output: z.array(FilePreview) },
  'import:start': { input: z.object({ files: z.array(ImportFileRequest).min(1, 'Choose at least one file.') }), output: z.object({ jobId: z.string() }) },
  /** The review of these files was closed without importing them: browser mode deletes its uploaded copies (other paths are left alone). */
  'import:discard': { input: z.object({ paths: z.array(z.string()).max(1000) }), output: z.object({ discarded: z.number() }) },
  'job:get': { input: z.object({ jobId: z.string() }), output: JobState },
  'job:cancel': { input: z.object({ jobId: z.string() }), output: z.null() },
  'sources:list': { input: none, output: z.array(SourceSummary) },
  'customers:page': { input: PageRequest, output: z.object({ rows: z.array(CustomerRow), lastRow: z.number() }) },
  'customers:get': { input: z.object({ id: z.number().int() }), output: CustomerDetail },
  /** The grid's visible columns for this project: given, they are stored; either way the choice (or the default from the fields its records fill) comes back. */
  'customers:columns': { input: z.object({ visible: z.array(GridColumn).max(40).optional() }).default({}), output: z.object({ visible: z.array(z.string()), chosen: z.boolean() }) },
  'quarantine:page': {
    input: z.object({ sourceId: z.number().int().optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.object({ rows: z.array(QuarantinedRow), total: z.number() }),
  },
} as const;

/**
 * Each area declares its channels in shared/channels/<area>.ts with the same
 * shape; they are merged here so every transport and the service see one map.
 */
export const channels = { ...coreChannels, ...qualityChannels, ...matchChannels, ...fixChannels, ...backupChannels, ...mergeChannels, ...sourceChannels, ...segmentChannels, ...analysisChannels, ...reportChannels } as const;

export const events = {
  'job:progress': JobProgress,
  'job:done': JobDone,
  'project:changed': ProjectInfo.nullable(),
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type In<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ParsedIn<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type Out<C extends Channel> = z.output<(typeof channels)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type Handlers = { [C in Channel]: (input: ParsedIn<C>) => Promise<Out<C>> };

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}
