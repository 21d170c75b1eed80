/**
 * npm run bench:import [-- --rows 1000000 --runs 1 --keep]
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
 * and prints the import's ratio to the sqlite3 shell. With --runs N the two
 * imports alternate N times, so both see the same load on a shared machine.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCsv, bin, bundlePath, compiledCommandEnv, dataDir, load, seconds, timed as timedWith } from './command-timing.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const csv = await benchCsv(rows);
const bytes = statSync(csv).size;

// What a user runs is the compiled command; measure that, built from these sources.
const userEnv = compiledCommandEnv();
console.log(`file:          ${csv} (${(bytes / 1e6).toFixed(0)} MB, ${rows.toLocaleString()} records)`);
console.log(`command:       ${bundlePath}`);

const timed = (cmd: string, args: string[]) => timedWith(cmd, args, userEnv);

// --help: the start-up every command pays.
const helps = Array.from({ length: 10 }, () => timed(process.execPath, [bin, '--help']).ms).sort((a, b) => a - b);
console.log(`--help:        ${seconds(helps[5])} median of 10 (fastest ${seconds(helps[0])}; node -e 0 takes ${seconds(timed(process.execPath, ['-e', '0']).ms)}), load ${load()}`);

const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0;
if (!hasSqlite) console.log('sqlite3:       the sqlite3 shell is not installed (Debian: apt-get install sqlite3), so there is no reference point');

const remove = (path: string) => ['', '-wal', '-shm', '-journal'].forEach((s) => rmSync(path + s, { force: true }));
const project = join(dataDir, 'bench-import.crmsteward');
const shellDb = join(dataDir, 'bench-import-sqlite3.db');
const best = { ours: Infinity, shell: Infinity };
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
  remove(project);
  const ours = timed(process.execPath, [bin, 'import', csv, '--project', project, '--json']);
  const [file] = (JSON.parse(ours.stdout) as { files: { rows: number; imported: number; quarantined: number }[] }).files;
  best.ours = Math.min(best.ours, ours.ms);
  console.log(`crm-steward:   ${seconds(ours.ms)}${tag} import of ${file.rows.toLocaleString()} records = ${file.imported.toLocaleString()} imported + ${file.quarantined.toLocaleString()} quarantined (${Math.round(file.rows / (ours.ms / 1000)).toLocaleString()} rows/s)${ours.usage}, load ${load()}`);
  if (!values.keep || run < runs) remove(project);
}
if (hasSqlite) console.log(`ratio:         ${(best.ours / best.shell).toFixed(2)}x the sqlite3 shell${runs > 1 ? ' (best run of each)' : ''}; the target is at most 2.5x`);
console.log('Other work on this machine slows the wall times: the load average (1 minute) is printed with each.');
