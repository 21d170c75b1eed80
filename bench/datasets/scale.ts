/**
 * The --scale N run: N generated messy records matched with the default
 * configuration; prints seconds, peak RSS and (since the generator knows the
 * truth) pairwise quality. Uses resources/generator's generateCustomers when
 * it exists, otherwise the small synthetic source in this folder.
 */
import { matchRecords } from '../../main/match/index.ts';
import { pairwiseScore } from './pairwise-score.ts';
import { syntheticCustomers } from './synthetic.ts';

export async function runScale(n: number): Promise<void> {
  const t0 = performance.now();
  const { records, truth } = syntheticCustomers(n);
  const genSeconds = (performance.now() - t0) / 1000;
  console.log(`generated ${records.length} records in ${genSeconds.toFixed(1)} s (not counted)`);
  const started = performance.now();
  let last = '';
  const result = await matchRecords(records, {
    explain: false, workers: 2,
    onProgress: (p) => {
      if (p.step !== last) {
        console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s: ${p.step}`);
        last = p.step;
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const s = pairwiseScore(records.map((r) => result.clusters.get(r.id) ?? r.id), truth);
  for (const b of result.blockingStats) console.log(`    ${b.rule}: ${b.comparisons} (skipped blocks ${b.skippedBlocks})`);
  console.log(`scale ${n}: ${seconds.toFixed(1)} s matching, peak RSS ${rssMb.toFixed(0)} MB, candidate pairs ${result.comparisons}`);
  console.log(`  precision ${s.precision.toFixed(4)} recall ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)}`);
}
