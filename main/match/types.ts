/**
 * Public types of the matching engine. Everything here is plain data so a
 * model can be stored as JSON and pairs can cross a worker boundary.
 */
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import type { Cancellation } from '../lib/cancellation.ts';

export type { Cancellation } from '../lib/cancellation.ts';

/** One customer record as the engine sees it: raw, unnormalised values. */
export interface MatchRecord {
  id: number;
  sourceId: number;
  values: Partial<Record<CustomerFieldKey, string | number | null>>;
}

/** `dedupe` compares every pair; `link` only pairs whose records come from different sources. */
export type LinkMode = 'dedupe' | 'link';

/** Estimated parameters of one comparison (one field kind). Level 0 is always "missing". */
export interface ComparisonParams {
  name: string;
  levels: string[];
  /** P(level | match), index by level. */
  m: number[];
  /** P(level | non-match), index by level, from random pairs. */
  u: number[];
  /** Level that gets a term-frequency adjustment (exact agreement), or -1. */
  tfLevel: number;
}

/** The trained model: serialisable with JSON.stringify as is. */
export interface MatchModel {
  version: 1;
  mode: LinkMode;
  /** Prior probability that two random records (of the compared population) are a match. */
  lambda: number;
  comparisons: ComparisonParams[];
  /** Blocking rules the model was trained with (names into the rule library). */
  blockingRules: string[];
  /** Per comparison with a tf level: value → relative frequency among records. */
  tf: Record<string, Record<string, number>>;
  /** Per tf comparison: filled records counted; an unseen value gets frequency 1/tfFilled. */
  tfFilled: Record<string, number>;
  /** Records the model was trained on. */
  trainedOn: number;
  /** Posterior match probability at or above which pairs are linked. */
  threshold: number;
}

/** One bar of the waterfall chart. */
export interface WaterfallStep {
  comparison: string;
  level: string;
  /** log2 Bayes factor this comparison contributed (tf adjustment included). */
  log2BayesFactor: number;
  /** Part of log2BayesFactor due to the term-frequency adjustment. */
  tfAdjustment: number;
}

export interface ScoredPair {
  a: number;
  b: number;
  /** Total match weight in bits: prior + sum of steps. */
  weight: number;
  probability: number;
  /** log2 prior odds, the first bar of the waterfall. */
  prior: number;
  steps: WaterfallStep[];
  /** Name of the first blocking rule that produced the pair. */
  rule: string;
}

export interface BlockingRuleStats {
  rule: string;
  /** New pairs this rule added (pairs an earlier rule found are not counted twice). */
  comparisons: number;
  /** Blocks skipped because they held more records than maxBlockSize. */
  skippedBlocks: number;
}

export interface MatchProgress {
  step: 'prepare' | 'block' | 'train' | 'score' | 'cluster';
  done: number;
  total: number;
}


export interface RunOptions {
  signal?: Cancellation;
  onProgress?: (p: MatchProgress) => void;
}

export interface MatchResult {
  model: MatchModel;
  /** Pairs at or above `reportThreshold` with their waterfalls. */
  pairs: ScoredPair[];
  /** record id → cluster id (the smallest record id in the cluster); singletons map to themselves. */
  clusters: Map<number, number>;
  blockingStats: BlockingRuleStats[];
  /** Candidate pairs scored in total. */
  comparisons: number;
  /** The same reported pairs in compact form, for storing (only with `keepLevels`). */
  levels?: ReportedPairs;
}

/**
 * Reported pairs as columns: record ids, weights, and per pair one level per
 * model comparison (count × comparisons), from which the waterfall is rebuilt.
 */
export interface ReportedPairs {
  count: number;
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
  levels: Uint8Array;
  /** Blocking rule name per pair. */
  rule: string[];
}
