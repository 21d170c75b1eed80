/**
 * npm run bench:responsive [-- --rows 1000000 --base 0]
 *
 * Is the service still answering while a job writes? Starts browser mode
 * in-process with a fresh project (after importing and profiling --base
 * rows first, so the reads have something to read), starts a --rows import
 * job through the service, and from another thread asks every 100 ms what
 * the dashboard and the grid ask (app:info, customers:page unsorted and
 * sorted, quality:overview) over HTTP until the import and the jobs its end
 * starts (the sort indexes asked for during it, the profile) have finished. Halfway through the import it asks for a write
 * (a quality setting), which must be answered "busy" at once. Prints each
 * read's distribution per phase (the target is every read under 200 ms) and
 * the longest the service's own thread was blocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { startBrowserServer } from '../main/server/http-server.ts';
import { spawnWorker } from '../main/lib/spawn-worker.ts';
import { importBenchCsv } from './datasets/import-csv.ts';
import type { ClientData, Sample } from './responsive-client.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, base: { type: 'string', default: '0' } } });
const rows = Number(values.rows);
const baseRows = Number(values.base);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const csv = await importBenchCsv(rows);
const baseCsv = baseRows > 0 ? await importBenchCsv(baseRows) : null;

const home = mkdtempSync(join(tmpdir(), 'bench-responsive-'));
const server = await startBrowserServer({ dataDir: home, projectsDir: join(home, 'projects'), demoDir: join(home, 'no-demo'), rendererDir: join(home, 'no-renderer'), version: 'bench', allowedDirs: [join(import.meta.dirname, '.data')] });
const base = `http://127.0.0.1:${server.port}`;

async function invoke<T>(channel: string, body: unknown): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }> {
  const res = await fetch(`${base}/api/invoke/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-steward-token': server.token }, body: JSON.stringify(body) });
  return (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } };
}
async function must<T>(channel: string, body: unknown): Promise<T> {
  const r = await invoke<T>(channel, body);
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.data as T;
}
type JobState = { status: string; progress: { rows: number } | null };
/** Until the service has no job running or waiting (the jobs an import's end starts: sort indexes, the profile). */
async function idle(): Promise<void> {
  while (server.service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 100));
}

await must('project:create', { path: join(home, 'projects', 'Responsive') });
if (baseCsv) {
  const t = performance.now();
  await must<{ jobId: string }>('import:start', { files: [{ path: baseCsv, onDuplicate: 'import' }] });
  await idle();
  console.log(`base: ${baseRows.toLocaleString()} rows imported and profiled in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);
}
await idle(); // the timed import starts from a quiet service

const client = spawnWorker(new URL('./responsive-client.ts', import.meta.url), {
  workerData: { base, token: server.token, sortColumns: ['family_name', 'email', 'city', 'birth_date', 'company', 'phone'] } satisfies ClientData,
}) as Worker;
const samples = new Promise<Sample[]>((resolve) => client.once('message', resolve));
await new Promise((r) => setTimeout(r, 1000)); // a second of the quiet service first, for comparison
// How long the service's own thread was ever blocked (the reads above include waiting on other threads' work too).
const blocked = monitorEventLoopDelay({ resolution: 10 });
blocked.enable();
client.postMessage({ phase: 'import' });
console.log(`import of ${rows.toLocaleString()} rows from ${csv}, load ${load()}`);
const started = performance.now();
const { jobId } = await must<{ jobId: string }>('import:start', { files: [{ path: csv, onDuplicate: 'import' }] });

// Halfway (by rows read), one write: it must be refused at once, not wait for the lock.
let write: { ms: number; code: string | undefined; message: string | undefined } | null = null;
for (;;) {
  const job = await must<JobState>('job:get', { jobId });
  if (job.status !== 'running') break;
  if (!write && (job.progress?.rows ?? 0) > rows / 2) {
    const t = performance.now();
    const r = await invoke('quality:settings', { timelinessDays: 400 });
    write = { ms: performance.now() - t, code: r.ok ? 'accepted' : r.error?.code, message: r.error?.message };
  }
  await new Promise((r) => setTimeout(r, 200));
}
const importSeconds = (performance.now() - started) / 1000;
client.postMessage({ phase: 'after the import' });
const after = performance.now();
await idle();
const afterSeconds = (performance.now() - after) / 1000;
blocked.disable();
client.postMessage({ stop: true });
const all = await samples;
await client.terminate();
const info = await must<{ project: { customers: number } }>('app:info', {});
await server.close();
rmSync(home, { recursive: true, force: true });

console.log(`import: ${importSeconds.toFixed(1)} s, then ${afterSeconds.toFixed(1)} s of the jobs its end starts (sort indexes asked for meanwhile, the profile); the project holds ${info.project.customers.toLocaleString()} customers, load ${load()}`);
console.log(write ? `write during the import: answered in ${write.ms.toFixed(0)} ms with "${write.code}"${write.message ? ` (${write.message})` : ''}` : 'write during the import: the import finished before half its rows were read');
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
for (const phase of ['idle', 'import', 'after the import']) {
  const inPhase = all.filter((s) => s.phase === phase);
  if (inPhase.length === 0) continue;
  console.log(`\n${phase}:`);
  console.log(`  ${'read'.padEnd(22)} ${'n'.padStart(5)} ${'p50'.padStart(9)} ${'p90'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}  over 200 ms  failed`);
  for (const read of ['app:info', 'customers:page', 'customers:page sorted', 'quality:overview']) {
    const of = inPhase.filter((s) => s.read === read);
    const ms = of.map((s) => s.ms).sort((a, b) => a - b);
    if (ms.length === 0) continue;
    const failed = of.filter((s) => s.error);
    console.log(`  ${read.padEnd(22)} ${String(ms.length).padStart(5)} ${fmt(pct(ms, 0.5))} ${fmt(pct(ms, 0.9))} ${fmt(pct(ms, 0.99))} ${fmt(ms[ms.length - 1])}  ${String(ms.filter((m) => m > 200).length).padStart(11)}  ${failed.length}${failed.length ? ` (${[...new Set(failed.map((f) => f.error))].slice(0, 2).join('; ')})` : ''}`);
  }
}
console.log(`\nthe service's thread, import and after: blocked at most ${(blocked.max / 1e6).toFixed(0)} ms at a time (p99 ${(blocked.percentile(99) / 1e6).toFixed(0)} ms, p50 ${(blocked.percentile(50) / 1e6).toFixed(0)} ms)`);
console.log(`\nload average (1, 5, 15 min) at the end: ${load()}; 2 cores shared with other work make every figure slower.`);
