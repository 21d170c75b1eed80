/**
 * npm run bench:splink [-- --only <name>]
 * The Splink export against the engine on the labelled sets in
 * ../shared/datasets: the engine matches a set (truth hidden), its model is
 * exported for Splink (DuckDB dialect), and the export is run in DuckDB the
 * way Splink's DuckDB backend predicts and clusters
 * (datasets/splink-duckdb.ts). Prints both pairwise F1s, the Splink run's
 * candidate pairs, and the links (pairs at or above the threshold) found by
 * only one side: equal links with unequal F1 come from clustering (the
 * engine's density rule against Splink's connected components).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchRecords } from '../main/match/index.ts';
import { prepareRecords } from '../main/match/prepare.ts';
import { writeSplinkExport } from '../main/match/splink-export/write-splink-export.ts';
import { clustersAtThreshold, predictWithDuckDb } from './datasets/splink-duckdb.ts';
import { chicago, fake1000, febrl, febrl4, type LabelledSet } from './datasets/labelled.ts';
import { pairwiseScore } from './datasets/pairwise-score.ts';

const SETS: readonly (() => LabelledSet)[] = [() => febrl(1), () => febrl(2), () => febrl(3), () => febrl4('link'), () => febrl4('dedupe'), fake1000, chicago];

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const f = (x: number): string => x.toFixed(4);

console.log('| set                 | rows  | engine F1 | Splink (DuckDB) F1 | difference | Splink pairs | engine links | only engine / Splink |');
console.log('|---------------------|-------|-----------|--------------------|------------|--------------|--------------|---------------------|');
for (const load of SETS) {
  const set = load();
  if (only && !set.name.startsWith(only)) continue;
  const engine = await matchRecords(set.records, { mode: set.mode, explain: true, workers: 2 });
  const engineF1 = pairwiseScore(set.records.map((r) => engine.clusters.get(r.id) ?? r.id), set.truth).f1;
  const dir = mkdtempSync(join(tmpdir(), 'bench-splink-'));
  try {
    const p = prepareRecords(set.records);
    const made = writeSplinkExport(dir, engine.model, p, 'duckdb', (i) => ({ source: String(p.sources[i]), sourceRecordId: String(p.ids[i]) }));
    const pairs = await predictWithDuckDb(made.files[1], made.settings);
    const clusters = clustersAtThreshold(p.ids, pairs, made.threshold);
    const key = (a: number, b: number): string => `${Math.min(a, b)}-${Math.max(a, b)}`;
    const engineLinks = new Set(engine.pairs.filter((x) => x.probability >= made.threshold).map((x) => key(x.a, x.b)));
    const splinkLinks = new Set(pairs.filter((x) => x.probability >= made.threshold).map((x) => key(x.idL, x.idR)));
    const onlyEngine = [...engineLinks].filter((k) => !splinkLinks.has(k)).length;
    const onlySplink = [...splinkLinks].filter((k) => !engineLinks.has(k)).length;
    const splinkF1 = pairwiseScore(set.records.map((r) => clusters.get(r.id) ?? r.id), set.truth).f1;
    console.log(`| ${set.name.padEnd(19)} | ${String(set.records.length).padStart(5)} | ${f(engineF1)}    | ${f(splinkF1)}             | ${(splinkF1 - engineF1 >= 0 ? '+' : '') + f(splinkF1 - engineF1)}    | ${String(pairs.length).padStart(12)} | ${String(engineLinks.size).padStart(12)} | ${`${onlyEngine} / ${onlySplink}`.padStart(19)} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
