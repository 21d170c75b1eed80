/**
 * model.json against Splink 4's settings schema: the key names, types and
 * enums in test/fixtures/splink/settings-schema-fragment.json are copied
 * from moj-analytical-services/splink, splink/internals/files/settings_jsonschema.json
 * (see its $comment). Plus what Splink checks when it loads a model: a
 * term-frequency level needs an exact-match level on its column in the same
 * comparison, and conditions are written in the chosen dialect.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchRecords } from '../../../main/match/index.ts';
import { splinkExport } from '../../../main/match/splink-export/splink-settings.ts';
import { makeFixture } from './fixture.ts';

interface Schema {
  type?: string;
  enum?: unknown[];
  required?: string[];
  additionalProperties?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  minimum?: number;
  maximum?: number;
}

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/splink/settings-schema-fragment.json'), 'utf8')) as Schema;

/** The draft-07 keywords the fragment uses; returns "path: problem" lines. */
function validate(value: unknown, s: Schema, path = '$'): string[] {
  const errors: string[] = [];
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (s.type && s.type !== type) return [`${path}: ${type}, expected ${s.type}`];
  if (s.enum && !s.enum.includes(value)) errors.push(`${path}: ${String(value)} not in ${s.enum.join(', ')}`);
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
  }
  if (type === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of s.required ?? []) if (!(k in o)) errors.push(`${path}: ${k} missing`);
    for (const [k, v] of Object.entries(o)) {
      const sub = s.properties?.[k];
      if (sub) errors.push(...validate(v, sub, `${path}.${k}`));
      else if (s.additionalProperties === false) errors.push(`${path}: unknown key ${k}`);
    }
  }
  if (type === 'array' && s.items) (value as unknown[]).forEach((v, i) => errors.push(...validate(v, s.items!, `${path}[${i}]`)));
  return errors;
}

describe('model.json for Splink', async () => {
  const { records } = makeFixture(300);
  const { model } = await matchRecords(records, { explain: false, workers: 1 });

  for (const dialect of ['duckdb', 'spark'] as const) {
    it(`validates against Splink 4's settings schema (${dialect})`, () => {
      const { settings } = splinkExport(model, dialect);
      const json = JSON.parse(JSON.stringify(settings)) as unknown;
      expect(validate(json, schema)).toEqual([]);
      expect(settings).toMatchObject({ link_type: 'dedupe_only', unique_id_column_name: 'unique_id', sql_dialect: dialect, probability_two_random_records_match: model.lambda });
      expect(settings.blocking_rules_to_generate_predictions.length).toBeGreaterThanOrEqual(model.blockingRules.length);
      // Equi-joins only: an OR in a blocking rule makes Spark compare every pair of records.
      for (const rule of settings.blocking_rules_to_generate_predictions) {
        expect(rule).toMatch(/\bl\.\w+ = r\.\w+/);
        expect(rule).not.toMatch(/\bOR\b/i);
      }
    });

    it(`gives every comparison Splink's level structure with the model's m and u (${dialect})`, () => {
      const { settings } = splinkExport(model, dialect);
      for (const c of settings.comparisons) {
        const levels = c.comparison_levels;
        expect(levels[levels.length - 1].sql_condition).toBe('ELSE');
        expect(levels.filter((l) => l.sql_condition === 'ELSE')).toHaveLength(1);
        for (const l of levels) {
          if (l.is_null_level) continue;
          expect(l.m_probability! > 0 && l.m_probability! <= 1 && l.u_probability! > 0 && l.u_probability! <= 1).toBe(true);
          // Splink takes the tf adjustment's u from an exact-match level on the same column of the same comparison.
          if (l.tf_adjustment_column) expect(levels.some((x) => x.sql_condition === `${l.tf_adjustment_column}_l = ${l.tf_adjustment_column}_r`)).toBe(true);
        }
      }
      const given = settings.comparisons.find((c) => c.output_column_name === 'given_name')!;
      const exact = given.comparison_levels.find((l) => l.label_for_charts === 'exact')!;
      const params = model.comparisons.find((c) => c.name === 'given_name')!;
      expect(exact).toMatchObject({ sql_condition: 'given_name_l = given_name_r', m_probability: params.m[1], u_probability: params.u[1], tf_adjustment_column: 'given_name' });
    });
  }

  it('writes each dialect\'s own string functions', () => {
    const duck = JSON.stringify(splinkExport(model, 'duckdb').settings);
    const spark = JSON.stringify(splinkExport(model, 'spark').settings);
    expect(duck).toContain('jaro_winkler_similarity(');
    expect(spark).toContain('jaro_winkler(');
    expect(spark).not.toContain('jaro_winkler_similarity');
    expect(spark).not.toMatch(/list_filter|damerau_levenshtein|str_split|hamming/);
    expect(duck).not.toMatch(/arrays_overlap|array_intersect|\bsplit\(/);
    // Splink finds a condition's input columns in its SQL and would take a lambda's variable for one.
    expect(duck + spark).not.toMatch(/\blambda\b|->/);
  });
});
