/**
 * npm run bench:import [-- --rows 1000000 --runs 1 --keep --encrypted]
 *
 * Generates a messy customer CSV (Salesforce layout, quoted newlines, broken
 * rows, many locales) unless one of that size is cached in bench/.data, then
 * measures, end to end as a user runs them:
 *
 * - `crm-steward --help` (the compiled command, started as a process);
 * - the sqlite3 shell's raw `.import` of the same file (cells into one table,
 *   no parsing rules, mapping or quarantine): the reference point;
 * - `crm-steward import` of the file into a fresh project (the compiled
 *   command: start-up, parsing on a reader thread, writing, commit, close),
 *
 * and prints the import's ratio to the sqlite3 shell. With --encrypted, each
 * run also imports the file into a new encrypted project (`--encrypt`, the
 * passphrase from CRM_STEWARD_PASSPHRASE) and prints that import's ratio to
 * the unencrypted one. With --runs N the imports alternate N times, so all
 * see the same load on a shared machine.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCsv, bin, bundlePath, compiledCommandEnv, dataDir, load, seconds, timed as timedWith } from './command-timing.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false }, encrypted: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const csv = await benchCsv(rows);
const bytes = statSync(csv).size;

// What a user runs is the compiled command; measure that, built from these sources.
const userEnv = compiledCommandEnv();
console.log(`file:          ${csv} (${(bytes / 1e6).toFixed(0)} MB, ${rows.toLocaleString()} records)`);
console.log(`command:       ${bundlePath}`);

const timed = (cmd: string, args: string[], env: NodeJS.ProcessEnv = userEnv) => timedWith(cmd, args, env);

// --help: the start-up every command pays.
const helps = Array.from({ length: 10 }, () => timed(process.execPath, [bin, '--help']).ms).sort((a, b) => a - b);
console.log(`--help:        ${seconds(helps[5])} median of 10 (fastest ${seconds(helps[0])}; node -e 0 takes ${seconds(timed(process.execPath, ['-e', '0']).ms)}), load ${load()}`);

const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0;
if (!hasSqlite) console.log('sqlite3:       the sqlite3 shell is not installed (Debian: apt-get install sqlite3), so there is no reference point');

const remove = (path: string) => ['', '-wal', '-shm', '-journal', '-lock'].forEach((s) => rmSync(path + s, { force: true }));
const project = join(dataDir, 'bench-import.crmsteward');
const encryptedProject = join(dataDir, 'bench-import-encrypted.crmsteward');
const shellDb = join(dataDir, 'bench-import-sqlite3.db');
const best = { ours: Infinity, shell: Infinity, encrypted: Infinity, oursCpu: Infinity, encryptedCpu: Infinity };
// Only for this benchmark: the passphrase a script would give the command.
const encryptedEnv = { ...userEnv, CRM_STEWARD_PASSPHRASE: 'bench passphrase' };

function importOnce(path: string, tag: string, label: string, extra: string[], env: NodeJS.ProcessEnv): { ms: number; cpu: number } {
  remove(path);
  const run = timed(process.execPath, [bin, 'import', csv, '--project', path, '--json', ...extra], env);
  const [file] = (JSON.parse(run.stdout) as { files: { rows: number; imported: number; quarantined: number }[] }).files;
  console.log(`${label}${seconds(run.ms)}${tag} import of ${file.rows.toLocaleString()} records = ${file.imported.toLocaleString()} imported + ${file.quarantined.toLocaleString()} quarantined (${Math.round(file.rows / (run.ms / 1000)).toLocaleString()} rows/s)${run.usage}, load ${load()}`);
  return { ms: run.ms, cpu: run.cpu };
}
for (let run = 1; run <= runs; run++) {
  const tag = runs > 1 ? ` (run ${run})` : '';
  if (hasSqlite) {
    remove(shellDb);
    const shell = timed('sqlite3', [shellDb, '.mode csv', `.import '${csv.replaceAll("'", "''")}' t`]);
    const count = spawnSync('sqlite3', [shellDb, 'SELECT count(*) FROM t'], { encoding: 'utf8' }).stdout.trim();
    best.shell = Math.min(best.shell, shell.ms);
    console.log(`sqlite3 shell: ${seconds(shell.ms)}${tag} .import of ${Number(count).toLocaleString()} rows${shell.usage}, load ${load()}`);
    remove(shellDb);
  }
  const ours = importOnce(project, tag, 'crm-steward:   ', [], userEnv);
  best.ours = Math.min(best.ours, ours.ms);
  best.oursCpu = Math.min(best.oursCpu, ours.cpu);
  if (!values.keep || run < runs) remove(project);
  if (values.encrypted) {
    const enc = importOnce(encryptedProject, tag, 'encrypted:     ', ['--encrypt'], encryptedEnv);
    best.encrypted = Math.min(best.encrypted, enc.ms);
    best.encryptedCpu = Math.min(best.encryptedCpu, enc.cpu);
    if (!values.keep || run < runs) remove(encryptedProject);
  }
}
if (hasSqlite) console.log(`ratio:         ${(best.ours / best.shell).toFixed(2)}x the sqlite3 shell${runs > 1 ? ' (best run of each)' : ''}; the target is at most 2.5x`);
if (values.encrypted) {
  const cpu = Number.isFinite(best.encryptedCpu / best.oursCpu) ? `, CPU ${(best.encryptedCpu / best.oursCpu).toFixed(2)}x` : '';
  console.log(`encrypted:     ${(best.encrypted / best.ours).toFixed(2)}x the unencrypted import's wall time${cpu}${runs > 1 ? ' (best run of each)' : ''}; the target is at most 1.3x`);
}
console.log('Other work on this machine slows the wall times: the load average (1 minute) is printed with each.');
