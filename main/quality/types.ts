/**
 * The vocabulary of the quality module: dimensions as the source documents
 * define them, record-level issues, and the metrics computed from them.
 * These types cross to the renderer through the contract, so they stay plain
 * data (no Dates, no Maps).
 */

export type Dimension = 'completeness' | 'validity' | 'accuracy' | 'consistency' | 'timeliness' | 'uniqueness';
export const dimensions: readonly Dimension[] = ['completeness', 'validity', 'accuracy', 'consistency', 'timeliness', 'uniqueness'];

export type Severity = 'error' | 'warning' | 'info';


/**
 * One measured number. `value` is null when the dimension cannot be measured
 * honestly (accuracy without a reference); `reason` then says why.
 * `bad` is the count the drill-down returns for the same scope.
 */
export interface Metric {
  value: number | null;
  numerator: number;
  denominator: number;
  bad: number;
  formula: string;
  reason?: string;
  /** Only for accuracy: the confusion counts behind the ratio. */
  confusion?: { tp: number; tn: number; fp: number; fn: number };
}

export type DimensionMetrics = Record<Dimension, Metric>;

export interface AgeBucket {
  label: string;
  /** Bounds in whole days, inclusive; null for the open end, both null for "no date". */
  minDays: number | null;
  maxDays: number | null;
  count: number;
}

export interface SourceInfo {
  id: number;
  fileName: string;
  records: number;
}

export interface QualityMetrics {
  overall: DimensionMetrics;
  byField: Record<string, DimensionMetrics>;
  bySource: Record<string, DimensionMetrics>;
  /** Issues per rule over the whole project, for the report and the dashboard legend. */
  byRule: { rule: string; dimension: Dimension; field: string; severity: Severity; count: number }[];
  ageHistogram: AgeBucket[];
  timelinessDays: number;
  records: number;
}

export interface ProfileResult {
  runId: number;
  takenAt: string;
  sources: SourceInfo[];
  metrics: QualityMetrics;
  issueCount: number;
  durationMs: number;
}

export interface ProfileOptions {
  /** ISO alpha-2 used for phones and postcodes when a record's country is blank or unrecognised. */
  defaultCountry?: string;
  /** Records updated within this many days count as timely (default 365). */
  timelinessDays?: number;
  /** The clock, injectable so tests are stable. */
  now?: Date;
  /** An AbortSignal, or the job runner's flag: anything with throwIfAborted(). */
  signal?: { throwIfAborted(): void };
  /** Threads for checking (default: up to 2; small projects use one). */
  threads?: number;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Why this run happened, stored with its snapshot (import, on_demand, ...). */
  reason?: string;
  /** Called as each phase ends, with milliseconds since the start (the benchmark prints them). */
  onPhase?: (phase: string, ms: number) => void;
  /** Rows read per keyset page. */
  batchSize?: number;
}

/**
 * A drill-down filter, and one thing wrong with one field of one customer (its
 * message a code and parameters): the contract's own types
 * (shared/channels/quality.ts), so the two cannot drift apart.
 */
export type { IssueFilter, RecordIssue } from '../../shared/channels/quality.ts';
