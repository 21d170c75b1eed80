/**
 * npm run bench:match [-- --only <name>] [-- --scale N]
 * Runs the matching engine on every labelled set in ../shared/datasets with
 * the one default configuration (truth hidden from the engine) and prints
 * pairwise precision, recall, F1 and seconds. --scale N matches N generated
 * messy records instead and prints seconds and peak RSS.
 */
import { matchRecords } from '../main/match/index.ts';
import { allSets, type LabelledSet } from './datasets/labelled.ts';
import { pairwiseScore } from './datasets/pairwise-score.ts';
import { runScale } from './datasets/scale.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pct = (x: number): string => x.toFixed(4);

async function runSet(set: LabelledSet): Promise<string> {
  const started = performance.now();
  const result = await matchRecords(set.records, { mode: set.mode, explain: false, workers: 2 });
  const seconds = (performance.now() - started) / 1000;
  const predicted = set.records.map((r) => result.clusters.get(r.id) ?? r.id);
  const s = pairwiseScore(predicted, set.truth);
  const verbose = process.argv.includes('--verbose');
  if (verbose) {
    console.log(`  λ=${result.model.lambda.toExponential(2)} candidates=${result.comparisons}`);
    for (const b of result.blockingStats) console.log(`    ${b.rule}: ${b.comparisons} (skipped blocks ${b.skippedBlocks})`);
    for (const c of result.model.comparisons) {
      const w = c.m.map((m, l) => (l ? Math.log2(m / c.u[l]).toFixed(1) : '-'));
      console.log(`    ${c.name}: ${c.levels.map((l, i) => `${l}=${w[i]}`).join(', ')}`);
    }
  }
  return `| ${set.name.padEnd(22)} | ${String(set.records.length).padStart(6)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${seconds.toFixed(2).padStart(6)} |`;
}

async function main(): Promise<void> {
  const scale = arg('--scale');
  if (scale) {
    await runScale(Number(scale));
    return;
  }
  const only = arg('--only');
  console.log('| set                    |   rows | precision | recall | F1     | seconds |');
  console.log('|------------------------|--------|-----------|--------|--------|---------|');
  for (const load of allSets) {
    const set = load();
    if (only && !set.name.startsWith(only)) continue;
    console.log(await runSet(set));
  }
}

await main();
