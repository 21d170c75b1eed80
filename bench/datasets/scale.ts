/**
 * The --scale N run, end to end as the app does it: a generated messy export
 * of N records (resources/generator, cached in bench/.data; generation not
 * timed), imported into a fresh project with the import code the job runs,
 * then deduplicated with dedupeProject (the job's and the CLI's code path).
 * Prints import, dedupe and total seconds, CPU seconds (all threads), peak
 * RSS and pairwise precision/recall/F1 against the generator's entity ids.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../main/ingest/import-files.ts';
import { dedupeProject } from '../../main/match/project/dedupe-project.ts';
import { openProject, type Db } from '../../main/store/open-project.ts';
import { currentMatchRun } from '../../main/match/match-repo.ts';
import { writeCsvExport } from '../../resources/generator/write-export.ts';
import { pairwiseScore } from './pairwise-score.ts';

const dataDir = join(import.meta.dirname, '..', '.data');

export async function exportOf(n: number): Promise<string> {
  const csv = join(dataDir, `match-${n}.csv`);
  if (existsSync(csv) && existsSync(`${csv}.truth.csv`)) return csv;
  mkdirSync(dataDir, { recursive: true });
  const t = performance.now();
  await writeCsvExport({ out: csv, rows: n, seed: 4, preset: 'salesforce', quotedNewlineRate: 0.002, brokenRowRate: 0.0005 });
  console.log(`generated ${n.toLocaleString()} rows in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`);
  return csv;
}

/** record id → entity id from the generator's truth file (broken rows never became customers). */
export function truthOf(csv: string): Map<string, string> {
  const lines = readFileSync(`${csv}.truth.csv`, 'utf8').split('\n');
  const head = lines[0].split(',');
  const rid = head.indexOf('record_id');
  const eid = head.indexOf('entity_id');
  const out = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const cells = lines[i].split(',');
    out.set(cells[rid], cells[eid]);
  }
  return out;
}

function score(db: Db, truth: Map<string, string>) {
  const rows = db.prepare('SELECT c.source_record_id, coalesce(m.cluster_id, c.id) FROM customers c LEFT JOIN match_members m ON m.customer_id = c.id').raw(true).all() as [string, number][];
  const known = rows.filter((r) => truth.has(r[0]));
  return pairwiseScore(known.map((r) => r[1]), known.map((r) => truth.get(r[0])!));
}

const secs = (ms: number): string => (ms / 1000).toFixed(1);
const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export async function runScale(n: number): Promise<void> {
  const csv = await exportOf(n);
  const project = join(dataDir, `bench-match-${n}.crmsteward`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(project + suffix, { force: true });
  const db = openProject(project, { create: true });
  db.pragma('wal_autocheckpoint = 0'); // as the job worker does
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  const [file] = await importFiles(db, [{ path: csv }]);
  const t1 = performance.now();
  const cpu1 = cpuSeconds();
  let last = '';
  const summary = await dedupeProject(db, { workers: availableParallelism() }, {
    onProgress: (p) => {
      if (p.step === last) return;
      last = p.step;
      console.log(`  ${secs(performance.now() - t1)} s: ${p.step} (RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, peak so far ${(peak / 1e6).toFixed(0)} MB)`);
    },
  });
  const t2 = performance.now();
  const cpu2 = cpuSeconds();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const s = score(db, truthOf(csv));
  if (process.argv.includes('--verbose')) printModel(db);
  db.close();
  console.log(`records:     ${file.imported.toLocaleString()} imported, ${file.quarantined} quarantined`);
  console.log(`import:      ${secs(t1 - t0)} s wall, ${(cpu1 - cpu0).toFixed(1)} s CPU`);
  console.log(`dedupe:      ${secs(t2 - t1)} s wall, ${(cpu2 - cpu1).toFixed(1)} s CPU (${summary.comparisons.toLocaleString()} comparisons, ${summary.pairs.toLocaleString()} pairs stored, ${summary.clusters.toLocaleString()} groups)`);
  console.log(`total:       ${secs(t2 - t0)} s wall, ${(cpu2 - cpu0).toFixed(1)} s CPU on ${availableParallelism()} cores`);
  console.log(`peak RSS:    ${(peak / 1e6).toFixed(0)} MB`);
  console.log(`pairwise:    precision ${s.precision.toFixed(4)} recall ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)} (${s.truePairs.toLocaleString()} true pairs)`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(project + suffix, { force: true });
}

/** --verbose: the trained model's prior and per-level weights (bits), to see what EM learnt. */
function printModel(db: Db): void {
  const model = currentMatchRun(db)?.model;
  if (!model) return;
  console.log(`  λ=${model.lambda.toExponential(2)} prior=${Math.log2(model.lambda / (1 - model.lambda)).toFixed(1)} bits`);
  for (const c of model.comparisons) {
    const w = c.m.map((m, l) => (l ? Math.log2(m / c.u[l]).toFixed(1) : '-'));
    console.log(`    ${c.name}: ${c.levels.map((l, i) => `${l}=${w[i]}`).join(', ')}`);
  }
}
