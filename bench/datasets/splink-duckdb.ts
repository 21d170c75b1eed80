/**
 * Runs an exported Splink model (model.json + prepared.csv) in DuckDB the
 * way Splink's DuckDB backend predicts, without Python: term-frequency
 * tables from the data, candidate pairs from each blocking rule minus the
 * pairs an earlier rule found (l.unique_id < r.unique_id), per comparison
 * the first level whose sql_condition holds (null level -1, then n-2 … 0),
 * Bayes factors m/u times Splink's tf adjustment
 * (u_exact / greatest(tf_l, tf_r)) ^ weight, the prior from
 * probability_two_random_records_match, and connected components of the
 * pairs at or above a probability (cluster_pairwise_predictions_at_threshold).
 * Dev tooling for the test and bench:splink (@duckdb/node-api is a devDependency).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { PREPARED_COLUMNS } from '../../main/match/splink-export/prepared-rows.ts';
import type { SplinkComparison, SplinkSettings } from '../../main/match/splink-export/splink-settings.ts';

export interface SplinkPair {
  idL: number;
  idR: number;
  /** Per comparison: Splink's comparison vector value (-1 null level, then n-2 … 0 in level order). */
  gammas: number[];
  matchWeight: number;
  probability: number;
}

/** Splink's comparison vector value of each level, in level order. */
export function vectorValues(c: SplinkComparison): number[] {
  let next = c.comparison_levels.filter((x) => !x.is_null_level).length - 1;
  return c.comparison_levels.map((x) => (x.is_null_level ? -1 : next--));
}

/** The level index (in comparison_levels) of a comparison vector value. */
export function levelIndex(c: SplinkComparison, gamma: number): number {
  return vectorValues(c).indexOf(gamma);
}

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

function gammaSql(c: SplinkComparison, k: number): string {
  const values = vectorValues(c);
  const whens = c.comparison_levels.map((x, i) => (x.sql_condition === 'ELSE' ? `ELSE ${values[i]}` : `WHEN ${x.sql_condition} THEN ${values[i]}`));
  if (!whens[whens.length - 1].startsWith('ELSE')) whens.push('ELSE 0');
  return `CASE ${whens.join(' ')} END AS gamma_${k}`;
}

function bfSql(c: SplinkComparison, k: number): string {
  const values = vectorValues(c);
  const whens = c.comparison_levels.map((x, i) => {
    const bf = x.is_null_level ? 1 : x.m_probability! / x.u_probability!;
    return `WHEN gamma_${k} = ${values[i]} THEN CAST(${bf} AS DOUBLE)`;
  });
  return `CASE ${whens.join(' ')} END`;
}

function tfSql(c: SplinkComparison, k: number): string {
  const values = vectorValues(c);
  const whens = c.comparison_levels.flatMap((x, i) => {
    const col = x.tf_adjustment_column;
    if (!col || x.is_null_level || x.sql_condition === 'ELSE') return [];
    const exact = c.comparison_levels.find((y) => y.sql_condition === `${col}_l = ${col}_r`);
    if (!exact) throw new Error(`No exact match level for the tf column ${col}`);
    const lr = `coalesce(tf_${col}_l, tf_${col}_r)`;
    const rl = `coalesce(tf_${col}_r, tf_${col}_l)`;
    return [`WHEN gamma_${k} = ${values[i]} THEN (CASE WHEN ${lr} IS NOT NULL THEN pow(CAST(${exact.u_probability} AS DOUBLE) / (CASE WHEN ${lr} >= ${rl} THEN ${lr} ELSE ${rl} END), ${x.tf_adjustment_weight ?? 1}) ELSE 1 END)`];
  });
  return whens.length ? `CASE ${whens.join(' ')} ELSE 1 END` : '1';
}

export async function predictWithDuckDb(csvPath: string, settings: SplinkSettings): Promise<SplinkPair[]> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    await con.run(`CREATE TABLE df AS SELECT * REPLACE (CAST(unique_id AS BIGINT) AS unique_id) FROM read_csv(${sqlString(csvPath)}, header = true, all_varchar = true)`);
    const tfColumns = [...new Set(settings.comparisons.flatMap((c) => c.comparison_levels.flatMap((x) => (x.tf_adjustment_column ? [x.tf_adjustment_column] : []))))];
    for (const col of tfColumns) {
      await con.run(`CREATE TABLE tf_${col} AS SELECT ${col}, CAST(count(*) AS DOUBLE) / (SELECT count(${col}) FROM df) AS tf_${col} FROM df WHERE ${col} IS NOT NULL GROUP BY ${col}`);
    }
    const joins = tfColumns.map((col) => `LEFT JOIN tf_${col} ON df.${col} = tf_${col}.${col}`).join(' ');
    await con.run(`CREATE TABLE dft AS SELECT df.*${tfColumns.map((c) => `, tf_${c}.tf_${c}`).join('')} FROM df ${joins}`);
    const rules = settings.blocking_rules_to_generate_predictions;
    const blocked = rules.map((rule, k) => {
      const earlier = rules.slice(0, k).map((e) => ` AND NOT coalesce((${e}), false)`).join('');
      return `SELECT l.unique_id AS uid_l, r.unique_id AS uid_r FROM dft AS l INNER JOIN dft AS r ON (${rule}) AND l.unique_id < r.unique_id WHERE true${earlier}`;
    });
    await con.run(`CREATE TABLE blocked AS ${blocked.join(' UNION ALL ')}`);
    const columns = [...PREPARED_COLUMNS.filter((c) => c !== 'unique_id'), ...tfColumns.map((c) => `tf_${c}`)];
    const sides = columns.map((c) => `l.${c} AS ${c}_l, r.${c} AS ${c}_r`).join(', ');
    await con.run(`CREATE TABLE cmp AS SELECT b.uid_l, b.uid_r, ${sides} FROM blocked b JOIN dft l ON l.unique_id = b.uid_l JOIN dft r ON r.unique_id = b.uid_r`);
    const k = settings.comparisons.length;
    await con.run(`CREATE TABLE gam AS SELECT *, ${settings.comparisons.map(gammaSql).join(', ')} FROM cmp`);
    const prior = Math.log2(settings.probability_two_random_records_match / (1 - settings.probability_two_random_records_match));
    const terms = settings.comparisons.map((c, i) => `log2(${bfSql(c, i)}) + log2(${tfSql(c, i)})`).join(' + ');
    const reader = await con.runAndReadAll(
      `SELECT uid_l, uid_r, ${Array.from({ length: k }, (_, i) => `gamma_${i}`).join(', ')}, ${prior} + ${terms} AS match_weight FROM gam`);
    return reader.getRows().map((row) => {
      const w = Number(row[k + 2]);
      return { idL: Number(row[0]), idR: Number(row[1]), gammas: row.slice(2, k + 2).map(Number), matchWeight: w, probability: 1 / (1 + 2 ** -w) };
    });
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

/** Connected components of the pairs at or above `threshold` (a probability): record id → smallest id in its cluster. */
export function clustersAtThreshold(ids: readonly number[], pairs: readonly SplinkPair[], threshold: number): Map<number, number> {
  const parent = new Map<number, number>(ids.map((id) => [id, id]));
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    while (parent.get(x)! !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  for (const p of pairs) {
    if (p.probability < threshold) continue;
    const a = find(p.idL);
    const b = find(p.idR);
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  return new Map(ids.map((id) => [id, find(id)]));
}
