/**
 * npm run bench:segment [-- --scale N] (default 1,000,000)
 *
 * k-means segmentation (issue 12) at scale: a generated export of N
 * customers with a birth date and an income (three age/income groups; one
 * in fifty lacks one or the other), cached in bench/.data and imported
 * (neither timed), then:
 *   - segment k = 3 on age and income as the app runs it: read and parse
 *     every customer's features, standardise, 4 seeded starts of k-means,
 *     silhouette on a sample, save every member (target under 10 s);
 *   - the clustering alone (the 4 starts on the standardised points);
 *   - the elbow, k = 2 … 10 with 2 starts each and a sampled silhouette
 *     (target under 60 s).
 * RFM has its own benchmark (bench:rfm); bench:analysis runs both.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../main/ingest/import-files.ts';
import { rng } from '../main/lib/seeded-random.ts';
import { elbow } from '../main/segment/elbow.ts';
import { bestOfStarts } from '../main/segment/kmeans-starts.ts';
import { segmentCustomers, standardisedFeatures } from '../main/segment/segment-customers.ts';
import { openProject } from '../main/store/open-project.ts';

const dataDir = join(import.meta.dirname, '.data');
const scaleArg = process.argv.indexOf('--scale');
const n = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1_000_000;
const AS_OF = '2026-01-01';
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function exportOf(rows: number): string {
  const csv = join(dataDir, `segment-${rows}.csv`);
  if (existsSync(csv)) return csv;
  mkdirSync(dataDir, { recursive: true });
  const next = rng(12);
  const gauss = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  const groups = [[27, 32000, 7000], [45, 91000, 15000], [63, 54000, 9000]];
  const lines = ['customer_id,full_name,birth_date,income'];
  for (let i = 0; i < rows; i++) {
    const [age, income, sd] = groups[i % 3];
    const year = 2025 - Math.max(18, Math.round(age + 5 * gauss()));
    const birth = i % 97 === 0 ? '' : `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const money = i % 89 === 0 ? '' : String(Math.max(5000, Math.round(income + sd * gauss())));
    lines.push(`C${i},Person ${i},${birth},${money}`);
  }
  writeFileSync(csv, lines.join('\n') + '\n');
  return csv;
}

async function main(): Promise<void> {
  const csv = exportOf(n);
  const path = join(dataDir, `bench-segment-${n}.crmsteward`);
  rmSync(path, { force: true });
  const db = openProject(path, { create: true });
  let t = performance.now();
  await importFiles(db, [{ path: csv }]);
  console.log(`import of ${n.toLocaleString('en-US')} customers (setup, not a target): ${seconds(performance.now() - t)}`);

  t = performance.now();
  const run = segmentCustomers(db, { features: ['age', 'income'], k: 3, asOf: AS_OF });
  const segmentMs = performance.now() - t;
  const v = run.view;
  console.log(`segment k = 3 on age, income, 4 starts (read, standardise, cluster, silhouette, save): ${seconds(segmentMs)} (target < 10 s)`);
  console.log(`  ${v.records.toLocaleString('en-US')} customers, ${v.missing.toLocaleString('en-US')} lacking a feature; inertia ${v.inertia.toFixed(1)}, silhouette ${v.silhouette?.toFixed(3)} on ${v.silhouetteSample}; sizes ${v.segments.map((s) => s.size).join(', ')}`);

  const { points } = standardisedFeatures(db, ['age', 'income'], new Date(`${AS_OF}T00:00:00Z`));
  t = performance.now();
  bestOfStarts(points, { k: 3, starts: 4, seed: 42 });
  console.log(`  of which k-means alone (4 starts on ${points.length.toLocaleString('en-US')} standardised points): ${seconds(performance.now() - t)}`);

  t = performance.now();
  const e = elbow(db, { features: ['age', 'income'], asOf: AS_OF });
  console.log(`elbow k = 2 … 10, 2 starts each, silhouette on ${e.silhouetteSample}: ${seconds(performance.now() - t)} (target < 60 s)`);
  for (const p of e.points) console.log(`  k = ${p.k}: inertia ${p.inertia.toFixed(1)}, silhouette ${p.silhouette?.toFixed(3)}`);
  db.close();
  rmSync(path, { force: true });
}

await main();
