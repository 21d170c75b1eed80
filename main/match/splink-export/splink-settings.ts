/**
 * A trained engine model as a Splink 4 settings dictionary: the comparisons'
 * levels in SQL (comparison-sql.ts) with the model's m and u, its term
 * frequency adjustments, its prior (lambda) and its blocking rules, plus the
 * corrections for the engine's non-additive rules (dependence-sql.ts).
 * Keys are those of Splink's settings schema
 * (splink/internals/files/settings_jsonschema.json).
 */
import type { MatchModel } from '../types.ts';
import { makeScorer } from '../score.ts';
import { dialectSql, type SplinkDialect } from './dialect.ts';
import { comparisonSql, type ComparisonSql, type LevelSql } from './comparison-sql.ts';
import { conflictSql, householdLevels, swappedNamesCorrection } from './dependence-sql.ts';
import { blockingSql } from './blocking-sql.ts';

export interface SplinkLevel {
  sql_condition: string;
  label_for_charts: string;
  m_probability?: number;
  u_probability?: number;
  is_null_level?: boolean;
  tf_adjustment_column?: string;
  tf_adjustment_weight?: number;
}

export interface SplinkComparison {
  output_column_name: string;
  comparison_description: string;
  comparison_levels: SplinkLevel[];
}

export interface SplinkSettings {
  link_type: 'dedupe_only';
  unique_id_column_name: string;
  probability_two_random_records_match: number;
  blocking_rules_to_generate_predictions: string[];
  comparisons: SplinkComparison[];
  sql_dialect: SplinkDialect;
  retain_matching_columns: boolean;
  retain_intermediate_calculation_columns: boolean;
  additional_columns_to_retain: string[];
  em_convergence: number;
  max_iterations: number;
}

export interface SplinkExport {
  settings: SplinkSettings;
  /** The comparisons as built, level by level (settings.comparisons in the same order), for tests and explanations. */
  comparisons: ComparisonSql[];
  /** The engine's link threshold (a probability), for clustering. */
  threshold: number;
}

const HOUSEHOLD_NOTE = 'A household field: when the person fields conflict, only the household field that says most counts (the engine\'s household rule); the "not counted" levels say so. Still differs: the engine ranks the fields after the term-frequency adjustment, this model before it.';

/** m and u whose ratio is 2^bits, both probabilities (≤ 1): Splink reads only their ratio when predicting. */
function fromBits(bits: number): { m: number; u: number } {
  return bits <= 0 ? { m: 2 ** bits, u: 1 } : { m: 1, u: 2 ** -bits };
}

function level(model: MatchModel, c: number, x: LevelSql): SplinkLevel {
  const out: SplinkLevel = { sql_condition: x.sql, label_for_charts: x.label };
  if (x.bits !== undefined) {
    const { m, u } = fromBits(x.bits);
    return { ...out, m_probability: m, u_probability: u };
  }
  if (x.engineLevel === 0) return { ...out, is_null_level: true };
  const p = model.comparisons[c];
  const m = p.m[x.engineLevel];
  const u = p.u[x.engineLevel];
  // The engine drops only agreements that would add evidence (implied-agreements.ts: positive bits).
  if (x.noEvidence === 'always' || (x.noEvidence === 'agreement' && m > u)) return { ...out, m_probability: u, u_probability: u };
  return { ...out, m_probability: m, u_probability: u, ...(x.tfColumn ? { tf_adjustment_column: x.tfColumn, tf_adjustment_weight: 1 } : {}) };
}

function asSplink(c: ComparisonSql, levels: SplinkLevel[]): SplinkComparison {
  return { output_column_name: c.name, comparison_description: c.description, comparison_levels: levels };
}

export function splinkExport(model: MatchModel, dialect: SplinkDialect): SplinkExport {
  const d = dialectSql(dialect);
  const names = model.comparisons.map((c) => c.name);
  const plain = names.map((n) => comparisonSql(n, d, names));
  const conflict = conflictSql(model, plain);
  const scorer = makeScorer(model);
  const guarded = conflict ? householdLevels(model, scorer, plain, conflict) : new Map<number, LevelSql[]>();
  // Household levels go after the null and implied levels, before the comparison's ordinary ones.
  const sqls = plain.map((s, c) => {
    const extra = guarded.get(c);
    if (!extra?.length) return s;
    const at = s.levels.findIndex((x) => x.engineLevel !== 0 && !x.noEvidence);
    return { ...s, description: `${s.description} ${HOUSEHOLD_NOTE}`, levels: [...s.levels.slice(0, at), ...extra, ...s.levels.slice(at)] };
  });
  const extra = conflict ? [swappedNamesCorrection(model, scorer, plain, conflict)].filter((x): x is ComparisonSql => x !== null) : [];
  const comparisons = [...sqls.map((s, c) => asSplink(s, s.levels.map((x) => level(model, c, x)))),
    ...extra.map((e) => asSplink(e, e.levels.map((x) => level(model, -1, x))))];
  return {
    settings: {
      link_type: 'dedupe_only',
      unique_id_column_name: 'unique_id',
      probability_two_random_records_match: model.lambda,
      blocking_rules_to_generate_predictions: blockingSql(model.blockingRules, model.mode === 'link'),
      comparisons,
      sql_dialect: dialect,
      retain_matching_columns: true,
      retain_intermediate_calculation_columns: true,
      additional_columns_to_retain: ['source', 'source_record_id'],
      // Trained already: Splink's EM would re-estimate m and u (and cannot for the correction levels).
      em_convergence: 0.0001,
      max_iterations: 25,
    },
    comparisons: [...sqls, ...extra],
    threshold: model.threshold,
  };
}
