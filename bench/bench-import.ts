/**
 * npm run bench:import [-- --rows 1000000 --keep]
 *
 * Generates a messy customer CSV (Salesforce layout, quoted newlines, broken
 * rows, many locales) unless one of that size is cached in bench/.data, then
 * imports it into a fresh project exactly as the app does (import job logic,
 * reader thread), and prints rows per second and peak memory. The reference
 * point: the sqlite3 shell's `.import` of raw cells (no parsing or mapping).
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFiles } from '../main/ingest/import-files.ts';
import { openProject } from '../main/store/open-project.ts';
import { writeCsvExport } from '../resources/generator/write-export.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const dataDir = join(import.meta.dirname, '.data');
mkdirSync(dataDir, { recursive: true });
const csv = join(dataDir, `customers-${rows}.csv`);

if (!existsSync(csv)) {
  const t = performance.now();
  const summary = await writeCsvExport({
    out: csv, rows, seed: 7, preset: 'salesforce', encoding: 'utf8', delimiter: ',', lineEnding: '\r\n',
    quotedNewlineRate: 0.002, brokenRowRate: 0.0005, quoteAll: false, unterminatedQuote: 'last', generate: {},
  } as Parameters<typeof writeCsvExport>[0]);
  console.log(`generated ${summary.rows.toLocaleString()} rows (${summary.brokenRows} broken) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const bytes = statSync(csv).size;

const project = join(dataDir, 'bench-import.crmsteward');
for (const suffix of ['', '-wal', '-shm']) rmSync(project + suffix, { force: true });
const db = openProject(project, { create: true });
db.pragma('wal_autocheckpoint = 0'); // as the job worker does: checkpoint after, not during

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const [file] = await importFiles(db, [{ path: csv }]);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
db.close();

console.log(`file:          ${csv} (${(bytes / 1e6).toFixed(0)} MB)`);
console.log(`records:       ${file.rows.toLocaleString()} = ${file.imported.toLocaleString()} imported + ${file.quarantined.toLocaleString()} quarantined`);
console.log(`import time:   ${seconds.toFixed(2)} s`);
console.log(`rows/second:   ${Math.round(file.rows / seconds).toLocaleString()}`);
console.log(`MB/second:     ${(bytes / 1e6 / seconds).toFixed(0)}`);
console.log(`CPU time:      ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s over both threads (${(cpu.user / 1e6).toFixed(1)} user, ${(cpu.system / 1e6).toFixed(1)} system): on a busy machine this says more than the wall time`);
console.log(`load average:  ${(await import('node:os')).loadavg()[0].toFixed(2)} (other work on this machine slows the wall time)`);
console.log(`peak RSS:      ${(peakRss / 1e6).toFixed(0)} MB (main thread + reader thread, one process)`);
if (!values.keep) for (const suffix of ['', '-wal', '-shm']) rmSync(project + suffix, { force: true });
