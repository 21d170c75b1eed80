/**
 * Crash safety: `crm-steward` killed with SIGKILL at random moments of an
 * import, a fix run (--apply-all), a merge (--accept-above), an undo of
 * everything, an encrypt and a decrypt, as a user runs them (as
 * test/integration/backup/kill.test.ts does for a backup and a restore).
 * Every time, the project must open, pass SQLite's integrity check and hold
 * exactly the state before or after the operation, never a mix; and the
 * killed command's lock must not keep the next program out. States are
 * compared table by table over the whole file (customers, sources, change
 * history, suggestions, match runs, golden records...), leaving out only
 * moments and durations, which a reference run cannot repeat.
 *
 * The moments: each operation is first run to the end on a copy (which gives
 * the "after" state and its duration); then, on fresh copies, the command is
 * started and killed at a random time in each quarter of that duration,
 * counted from when it has taken the project's lock.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../../main/store/open-project.ts';
import { claimProject } from '../../../main/store/project-lock.ts';
import { fileEncryption, keyForFile, newKey } from '../../../main/store/project-key.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { tablesDigest } from '../../helpers/project-tables.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const PASSPHRASE = 'kill test passphrase';
const env = { ...process.env, CRM_STEWARD_PASSPHRASE: PASSPHRASE };

function cli(args: string[]) {
  return spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8', env });
}

/** The whole file's state as one hash (moments and durations left out), and whether it is encrypted. */
async function state(project: string): Promise<{ integrity: unknown; encrypted: boolean; fingerprint: string }> {
  const encrypted = fileEncryption(project) === 'encrypted';
  const key = encrypted ? await keyForFile(PASSPHRASE, project) : null;
  const db = openProject(project, { key });
  let integrity: unknown;
  try {
    integrity = db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
  return { integrity, encrypted, fingerprint: `${encrypted}:${tablesDigest(project, { stable: true, key })}` };
}

function copyProject(from: string, to: string): string {
  copyFileSync(from, to);
  return to;
}

/**
 * Starts the command, waits until it holds the project's lock, and kills it
 * `afterMs` later unless it has finished; `heldMs` is how long it ran with the lock.
 */
async function runAndKill(args: string[], project: string, afterMs: number): Promise<{ how: 'killed' | 'finished'; heldMs: number }> {
  const child = spawn(process.execPath, ['bin/crm-steward.mjs', ...args], { env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let finished = false;
  void exited.then(() => (finished = true));
  // The lock file appears when the command has taken the project: its work starts then.
  while (!finished && !existsSync(`${project}-lock`)) await new Promise((r) => setTimeout(r, 5));
  const locked = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const first = await Promise.race([new Promise<'time'>((r) => (timer = setTimeout(() => r('time'), afterMs))), exited.then(() => 'exit' as const)]);
  clearTimeout(timer);
  if (first === 'time') child.kill('SIGKILL');
  await exited;
  return { how: first === 'exit' ? 'finished' : 'killed', heldMs: performance.now() - locked };
}

interface Operation {
  name: string;
  args: (project: string) => string[];
  /** The project the operation starts from (a file to copy), or null when it creates one. */
  before: () => string | null;
}

let base: string; // an encrypted project of 6,000 generated customers
let fixed: string; // the same after fix --apply-all
let matched: string; // the same after matching (dedupe), its clusters waiting for review
let merged: string; // the same with the surest clusters merged
let plain: string; // the same, unencrypted
let csv: string;

// The starting projects serve every test: their folder lives until all have run.
let shared: string;
afterAll(() => rmSync(shared, { recursive: true, force: true }));
beforeAll(async () => {
  const dir = (shared = mkdtempSync(join(tmpdir(), 'steward-kill-')));
  csv = join(dir, 'export.csv');
  await writeCsvExport({ out: csv, rows: 6000, seed: 17, preset: 'salesforce', quotedNewlineRate: 0, generate: { duplicateRate: 0.3 } });
  base = join(dir, 'base.crmsteward');
  expect(cli(['import', csv, '--project', base, '--encrypt']).status).toBe(0);
  fixed = copyProject(base, join(dir, 'fixed.crmsteward'));
  expect(cli(['fix', '--project', fixed, '--apply-all']).status).toBe(0);
  matched = copyProject(fixed, join(dir, 'matched.crmsteward'));
  expect(cli(['dedupe', '--project', matched, '--out', join(dir, 'clusters.csv')]).status).toBe(0);
  merged = copyProject(matched, join(dir, 'merged.crmsteward'));
  expect(cli(['merge', '--project', merged, '--accept-above', '0.9']).status).toBe(0);
  plain = join(dir, 'plain.crmsteward');
  expect(cli(['import', csv, '--project', plain]).status).toBe(0);
}, 300_000);

const operations: Operation[] = [
  { name: 'import', args: (p) => ['import', csv, '--project', p, '--encrypt'], before: () => null },
  { name: 'fix --apply-all', args: (p) => ['fix', '--project', p, '--apply-all'], before: () => base },
  { name: 'merge --accept-above', args: (p) => ['merge', '--project', p, '--accept-above', '0.9'], before: () => matched },
  // Takes back the merge and the fix: two batches, undone together or not at all.
  { name: 'undo --all', args: (p) => ['undo', '--project', p, '--all'], before: () => merged },
  { name: 'encrypt', args: (p) => ['encrypt', '--project', p], before: () => plain },
  { name: 'decrypt', args: (p) => ['decrypt', '--project', p], before: () => base },
];

describe('crm-steward killed with SIGKILL', () => {
  for (const op of operations) {
    it(`during ${op.name} leaves the state before or after it, never a mix`, async () => {
      const dir = tempDir();
      const start = op.before();
      const fresh = (name: string): string => (start ? copyProject(start, join(dir, name)) : join(dir, name));

      const reference = fresh('reference.crmsteward');
      // An import starts from no project; killed before its commit, it leaves an empty one.
      const before = start ? await state(reference) : await emptyState(dir);
      const { how: done, heldMs: duration } = await runAndKill(op.args(reference), reference, 600_000);
      expect(done).toBe('finished');
      const after = await state(reference);
      expect(after.integrity).toBe('ok');
      expect(after.fingerprint).not.toBe(before.fingerprint);

      const outcomes: string[] = [];
      for (let quarter = 0; quarter < 4; quarter++) {
        const project = fresh(`killed-${quarter}.crmsteward`);
        const at = ((quarter + Math.random()) / 4) * duration;
        const { how } = await runAndKill(op.args(project), project, at);
        if (!existsSync(project) || statSync(project).size === 0) {
          // Killed before the new project's first write.
          outcomes.push(`${how} at ${Math.round(at)} ms: before (no project yet)`);
        } else {
          const now = await state(project);
          expect(now.integrity).toBe('ok');
          const which = now.fingerprint === after.fingerprint ? 'after' : now.fingerprint === before.fingerprint ? 'before' : 'a mix';
          outcomes.push(`${how} at ${Math.round(at)} ms: ${which}`);
          expect(which, outcomes.join('; ')).not.toBe('a mix');
          // Encrypted as the finished operation leaves it, or as it was before.
          if (which === 'after') expect(now.encrypted).toBe(after.encrypted);
          else if (start) expect(now.encrypted).toBe(before.encrypted);
        }
        // The killed command's lock is free for the next program.
        claimProject(project, 'the test').release();
      }
      console.log(`${op.name} (${Math.round(duration)} ms): ${outcomes.join('; ')}`);
    }, 600_000);
  }
});

/** A project created empty and encrypted, as `import --encrypt` killed before its commit leaves it. */
async function emptyState(dir: string): Promise<Awaited<ReturnType<typeof state>>> {
  const path = join(dir, 'empty.crmsteward');
  openProject(path, { create: true, key: await newKey(PASSPHRASE) }).close();
  return state(path);
}
