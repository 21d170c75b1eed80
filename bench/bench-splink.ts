/**
 * npm run bench:splink [-- --only <name>] [-- --scale N]
 * The Splink export against the engine on the labelled sets in
 * ../shared/datasets: the engine matches a set (truth hidden), its model is
 * exported for Splink (DuckDB dialect), and the export is run in DuckDB the
 * way Splink's DuckDB backend predicts and clusters
 * (datasets/splink-duckdb.ts). Prints both pairwise F1s, the Splink run's
 * candidate pairs, and the links (pairs at or above the threshold) found by
 * only one side: equal links with unequal F1 come from clustering (the
 * engine's density rule against Splink's connected components).
 * --scale N: a generated export of N records instead (as bench:match --scale),
 * imported and deduplicated as the app does, exported with exportProjectModel
 * (the CLI's code), scored against the generator's truth.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchRecords } from '../main/match/index.ts';
import { prepareRecords } from '../main/match/prepare.ts';
import { writeSplinkExport } from '../main/match/splink-export/write-splink-export.ts';
import { clustersAtThreshold, predictWithDuckDb } from './datasets/splink-duckdb.ts';
import { chicago, fake1000, febrl, febrl4, type LabelledSet } from './datasets/labelled.ts';
import { pairwiseScore } from './datasets/pairwise-score.ts';
import { exportOf, truthOf } from './datasets/scale.ts';
import { importFiles } from '../main/ingest/import-files.ts';
import { dedupeProject } from '../main/match/project/dedupe-project.ts';
import { exportProjectModel } from '../main/match/splink-export/export-project-model.ts';
import { openProject } from '../main/store/open-project.ts';

const SETS: readonly (() => LabelledSet)[] = [() => febrl(1), () => febrl(2), () => febrl(3), () => febrl4('link'), () => febrl4('dedupe'), fake1000, chicago];

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const f = (x: number): string => x.toFixed(4);

async function labelledSets(): Promise<void> {
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
}

/** Precision, recall and F1 of engine and Splink on a generated export of n records. */
async function generated(n: number): Promise<void> {
  const csv = await exportOf(n);
  const dir = mkdtempSync(join(tmpdir(), 'bench-splink-'));
  try {
    const db = openProject(join(dir, 'p.crmsteward'), { create: true });
    await importFiles(db, [{ path: csv }]);
    await dedupeProject(db, { workers: availableParallelism() });
    const t0 = performance.now();
    const made = await exportProjectModel(db, join(dir, 'splink'), 'duckdb', { workers: availableParallelism() });
    const exportSeconds = (performance.now() - t0) / 1000;
    const rows = db.prepare('SELECT c.id, c.source_record_id, coalesce(m.cluster_id, c.id) FROM customers c LEFT JOIN match_members m ON m.customer_id = c.id').raw(true).all() as [number, string, number][];
    db.close();
    const t1 = performance.now();
    const pairs = await predictWithDuckDb(made.files[1], made.settings);
    const predictSeconds = (performance.now() - t1) / 1000;
    const splink = clustersAtThreshold(rows.map((r) => r[0]), pairs, made.threshold);
    const truth = truthOf(csv);
    const known = rows.filter((r) => truth.has(r[1]));
    const labels = known.map((r) => truth.get(r[1])!);
    const e = pairwiseScore(known.map((r) => r[2]), labels);
    const s = pairwiseScore(known.map((r) => splink.get(r[0])!), labels);
    console.log(`${rows.length.toLocaleString()} records (of ${n.toLocaleString()} generated rows): export-model ${exportSeconds.toFixed(1)} s, DuckDB predict ${predictSeconds.toFixed(1)} s (${pairs.length.toLocaleString()} pairs)`);
    console.log(`engine  precision ${f(e.precision)} recall ${f(e.recall)} F1 ${f(e.f1)}`);
    console.log(`Splink  precision ${f(s.precision)} recall ${f(s.recall)} F1 ${f(s.f1)} (difference ${(s.f1 - e.f1 >= 0 ? '+' : '') + f(s.f1 - e.f1)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const scale = process.argv.includes('--scale') ? Number(process.argv[process.argv.indexOf('--scale') + 1]) : 0;
if (scale > 0) await generated(scale);
else await labelledSets();
