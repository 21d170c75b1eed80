/**
 * npm run bench:fix [-- --rows 1000000 --keep]
 *
 * Fixing at scale, on a messy three-source export made by the project's
 * generator (Salesforce CSV in UTF-8, HubSpot CSV in Windows-1252 with ';'
 * and European dates, a Chinese ERP CSV in GB18030), cached in bench/.data
 * (generation and import are not timed). Times, with the code the app's jobs
 * and the CLI run:
 *   suggestions (target < 30 s) — a standardisation run over every customer;
 *   apply safe  (target < 60 s) — accepting every suggestion of the safe rules;
 *   undo --all  (target < 60 s) — back to the imported values;
 * and prints peak memory (target < 1.5 GB), the canonical shares before and
 * after (issue 9's "done when": ≥ 99% of valid phones E.164, countries ISO,
 * unambiguous birth dates ISO, after applying everything), and whether the
 * export after undo --all is byte-identical to the one before fixing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decide } from '../main/fix/decide.ts';
import { fixRules } from '../main/fix/fix-rules.ts';
import { suggestFixes } from '../main/fix/suggest-fixes.ts';
import { exportCustomers } from '../main/export/export-customers.ts';
import { redo, stacks, undoAll } from '../main/history/history.ts';
import { importFiles } from '../main/ingest/import-files.ts';
import { openProject, type Db } from '../main/store/open-project.ts';
import { WESTERN_LOCALES } from '../resources/generator/types.ts';
import { writeCsvExport } from '../resources/generator/write-export.ts';
import { canonicalShares, ratio } from './datasets/canonical-share.ts';
import { truthAccuracy } from './datasets/truth-accuracy.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const dataDir = join(import.meta.dirname, '.data');
mkdirSync(dataDir, { recursive: true });

/** The three sources' shares of the rows and how each is written. */
const sources = [
  { name: 'salesforce', share: 0.4, preset: 'salesforce' as const, seed: 41, encoding: 'utf8' as const, delimiter: ',' as const, locales: undefined },
  { name: 'hubspot', share: 0.35, preset: 'hubspot' as const, seed: 42, encoding: 'windows-1252' as const, delimiter: ';' as const, locales: [...WESTERN_LOCALES] },
  { name: 'erp', share: 0.25, preset: 'chinese_erp' as const, seed: 43, encoding: 'gb18030' as const, delimiter: ',' as const, locales: undefined },
];

async function files(): Promise<string[]> {
  const paths: string[] = [];
  for (const s of sources) {
    const out = join(dataDir, `fix-${rows}-${s.name}.csv`);
    if (!existsSync(out)) {
      const t = performance.now();
      await writeCsvExport({ out, rows: Math.round(rows * s.share), seed: s.seed, preset: s.preset, encoding: s.encoding, delimiter: s.delimiter, quotedNewlineRate: 0.002, brokenRowRate: 0.0005, generate: { locales: s.locales } });
      console.log(`generated ${out} in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`);
    }
    paths.push(out);
  }
  return paths;
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
sampler.unref();

async function timed<T>(label: string, target: number | null, run: () => Promise<T> | T): Promise<T> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const s = (performance.now() - t) / 1000;
  const c = process.cpuUsage(cpu);
  console.log(`${label.padEnd(14)} ${s.toFixed(1).padStart(6)} s wall, ${((c.user + c.system) / 1e6).toFixed(1).padStart(6)} s CPU${target ? `   (target < ${target} s: ${s < target ? 'met' : 'NOT met'})` : ''}   load ${loadavg()[0].toFixed(1)}`);
  return result;
}

async function exportHash(db: Db, name: string): Promise<string> {
  const path = join(dataDir, `bench-fix-${name}.csv`);
  await exportCustomers(db, { path, format: 'csv' });
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
  rmSync(path);
  return hash;
}

const paths = await files();
const project = join(dataDir, `bench-fix-${rows}.crmsteward`);
for (const suffix of ['', '-wal', '-shm']) rmSync(project + suffix, { force: true });
const db = openProject(project, { create: true });
const imported = await timed('import', null, () => importFiles(db, paths.map((path) => ({ path }))));
console.log(`customers      ${imported.reduce((s, f) => s + f.imported, 0).toLocaleString('en-US')} (${imported.map((f) => `${f.file.split('/').pop()} ${f.imported.toLocaleString('en-US')}`).join(', ')})`);
const before = canonicalShares(db);
const hashBefore = await timed('export', null, () => exportHash(db, 'before'));

const run = await timed('suggestions', 30, () => suggestFixes(db));
console.log(`               ${run.suggestions.toLocaleString('en-US')} suggestions, ${run.flags.toLocaleString('en-US')} flags`);
const safe = fixRules.filter((r) => r.safe).map((r) => r.id);
const applied = await timed('apply safe', 60, () => safe.reduce((n, rule) => n + decide(db, 'accept', { filter: { rule, kind: 'change' } }, { actor: 'bench' }).accepted, 0));
console.log(`               ${applied.toLocaleString('en-US')} values changed by ${safe.join(', ')}`);
const afterSafe = canonicalShares(db);
const all = await timed('apply rest', null, () => decide(db, 'accept', { filter: { kind: 'change' } }, { actor: 'bench' }).accepted);
console.log(`               ${all.toLocaleString('en-US')} more values changed by the other rules`);
const afterAll = canonicalShares(db);
const undone = await timed('undo --all', 60, () => undoAll(db, 'bench'));
console.log(`               ${undone.changed.toLocaleString('en-US')} values restored in ${undone.batches} batches`);
const hashAfter = await timed('export', null, () => exportHash(db, 'after'));
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

console.log('');
console.log('canonical share     before fixes           after safe rules       after all rules');
for (const k of ['phones', 'countries', 'birthDates'] as const) console.log(`${k.padEnd(14)} ${ratio(before[k]).padEnd(28)} ${ratio(afterSafe[k]).padEnd(28)} ${ratio(afterAll[k])}`);
console.log('');
console.log(`export after undo --all identical to before: ${hashAfter === hashBefore ? 'yes' : 'NO'}`);
console.log(`peak RSS: ${(peakRss / 1e6).toFixed(0)} MB (target < 1500 MB: ${peakRss < 1.5e9 ? 'met' : 'NOT met'})`);

// Truth, after the timed part (reading a million truth lines would count in the peak): redo everything, then
// compare every cell the generator calls recoverable with its true canonical value.
while (stacks(db).redo.length) redo(db, 'bench', 'skip');
const truth = await truthAccuracy(db, paths);
console.log('');
console.log('true value held (of the cells the truth file calls recoverable), after all rules:');
for (const [field, share] of Object.entries(truth)) console.log(`${field.padEnd(14)} ${ratio(share)}`);
db.close();
if (!values.keep) for (const suffix of ['', '-wal', '-shm']) rmSync(project + suffix, { force: true });
