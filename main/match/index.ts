/**
 * The matching engine's public surface: see match-records.ts for the run
 * entry points and types.ts for the data shapes.
 */
export type {
  MatchRecord, MatchModel, MatchResult, ScoredPair, WaterfallStep, BlockingRuleStats, MatchProgress, RunOptions, LinkMode, ReportedPairs, Cancellation,
} from './types.ts';
export {
  matchRecords, trainModel, findCandidatePairs, scorePairs, DEFAULT_THRESHOLD, type MatchOptions,
} from './match-records.ts';
export { clusterPairs } from './cluster.ts';
export { matchIncremental, type ExistingEntities } from './incremental.ts';
export { probabilityFromWeight, weightFromProbability, makeScorer, explainLevels } from './score.ts';
export { comparisonsOf } from './match-records.ts';
