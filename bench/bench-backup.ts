/**
 * npm run bench:backup [-- --rows 1000000 --runs 1]
 *
 * Imports the messy Salesforce-layout export of bench:import (generated once
 * into bench/.data) into a project with `crm-steward import`, then times, as
 * a user runs them through the compiled command:
 *
 * - `crm-steward backup --out` (snapshot with the online backup API, gzip,
 *   age encryption with scrypt work factor 18, written atomically);
 * - `crm-steward restore` into a new path (decryption, integrity_check,
 *   identity checks, rename), which is the restore onto a new machine;
 * - `crm-steward restore` over the project (the same, plus a backup of the
 *   project it replaces),
 *
 * each with its CPU time and peak memory, and checks the restored project
 * holds as many customers as the original. Peak memory should not grow with
 * the project: compare `--rows 100000` with the default.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCsv, bin, compiledCommandEnv, dataDir, load, seconds, timed } from './command-timing.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '1' } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const csv = await benchCsv(rows);
const env = { ...compiledCommandEnv(), CRM_STEWARD_HOME: join(dataDir, 'bench-backup-home'), CRM_STEWARD_BACKUP_PASSPHRASE: 'bench passphrase, not a secret' };
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const remove = (path: string) => ['', '-wal', '-shm', '-journal'].forEach((s) => rmSync(path + s, { force: true }));
const customers = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  } finally {
    db.close();
  }
};

const project = join(dataDir, `bench-backup-${rows}.crmsteward`);
if (!existsSync(project)) {
  const imported = timed(process.execPath, [bin, 'import', csv, '--project', project, '--json'], env);
  console.log(`imported ${csv} in ${seconds(imported.ms)}`);
}
const projectBytes = statSync(project).size;
const count = customers(project);
console.log(`project:       ${project} (${mb(projectBytes)}, ${count.toLocaleString()} customers)`);

const backup = join(dataDir, `bench-backup-${rows}.crmsteward.gz.age`);
const restored = join(dataDir, `bench-restored-${rows}.crmsteward`);
const folder = join(dataDir, `bench-backup-${rows} backups`);
for (let run = 1; run <= runs; run++) {
  const tag = runs > 1 ? ` (run ${run})` : '';
  rmSync(backup, { force: true });
  rmSync(`${backup}.json`, { force: true });
  const made = timed(process.execPath, [bin, 'backup', '--project', project, '--out', backup, '--json'], env);
  const size = statSync(backup).size;
  console.log(`backup:        ${seconds(made.ms)}${tag} → ${mb(size)} (${((size / projectBytes) * 100).toFixed(0)}% of the project, ${mb(projectBytes / (made.ms / 1000))}/s)${made.usage}, load ${load()}`);

  remove(restored);
  const fresh = timed(process.execPath, [bin, 'restore', backup, '--project', restored, '--json'], env);
  const same = customers(restored) === count ? 'same customers' : `MISMATCH: ${customers(restored)} customers`;
  console.log(`restore (new): ${seconds(fresh.ms)}${tag} decrypt + integrity_check + rename, ${same}${fresh.usage}, load ${load()}`);

  const over = timed(process.execPath, [bin, 'restore', backup, '--project', project, '--json'], env);
  console.log(`restore (over):${' '}${seconds(over.ms)}${tag} the same plus a backup of the project it replaces${over.usage}, load ${load()}`);
  remove(restored);
  rmSync(folder, { recursive: true, force: true });
}
console.log(`Other work on this machine slows the wall times: the load average (1 minute) is printed with each. ${readdirSync(dataDir).length} files in ${dataDir}.`);
