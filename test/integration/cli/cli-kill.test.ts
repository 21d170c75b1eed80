import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../../main/store/open-project.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { readAllTables, tablesDigest } from '../../helpers/project-tables.ts';

/**
 * SIGKILL at random moments of an import, a fix run with --apply-all, a
 * merge --accept-above and an undo --all, each run by the crm-steward
 * command as a user runs it (as test/integration/backup/kill.test.ts does
 * for a backup and a restore). Afterwards the project must open, pass
 * integrity_check and hold exactly the state before or after the command,
 * never a mix. The states are compared table by table over the whole file
 * (customers, sources, change history, suggestions, match runs, golden
 * records...), leaving out only moments and durations, which a reference
 * run of the same command cannot repeat.
 *
 * Half the kills wait until the command has the project open (SQLite's
 * shared-memory file appears beside it), the others until it starts
 * writing (the WAL is no longer empty), and strike a random share of the
 * time a reference run spent from there to its end. Which state a kill
 * leaves is not asserted (it depends on the machine's speed), only that it
 * is one of the allowed ones.
 */
let root = '';
const env: NodeJS.ProcessEnv = { ...process.env };

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8', env });
  expect(r.status, r.stderr).toBe(0);
};

const walBytes = (project: string) => (existsSync(`${project}-wal`) ? statSync(`${project}-wal`).size : 0);

/** The command has the project open (SQLite made the WAL's shared-memory file beside it). */
const opened = (project: string) => existsSync(`${project}-shm`);

/** Runs the command to its end: how long it had the project open, and how long it wrote (from the first byte in the WAL). */
async function timed(project: string, args: string[]): Promise<{ open: number; writing: number }> {
  const child = spawn(process.execPath, ['bin/crm-steward.mjs', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let code: number | null | undefined;
  child.on('exit', (c) => (code = c));
  const started = Date.now();
  let open: number | null = null;
  let wrote: number | null = null;
  while (code === undefined) {
    if (open === null && opened(project)) open = Date.now();
    if (wrote === null && walBytes(project) > 0) wrote = Date.now();
    await new Promise((r) => setTimeout(r, 2));
  }
  expect(code, stderr).toBe(0);
  const end = Date.now();
  return { open: end - (open ?? started), writing: end - (wrote ?? open ?? started) };
}

/** Starts the command and kills it with SIGKILL `extra` ms after `trigger` first holds. */
async function killDuring(project: string, args: string[], when: { trigger: (project: string) => boolean; extra: number }): Promise<string> {
  const child = spawn(process.execPath, ['bin/crm-steward.mjs', ...args], { env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let finished = false;
  void exited.then(() => (finished = true));
  const started = Date.now();
  while (!finished) {
    if (when.trigger(project)) {
      await new Promise((r) => setTimeout(r, when.extra));
      child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const code = await exited;
  return `${code === 0 ? 'finished' : 'killed'} after ${Date.now() - started} ms`;
}

/** The project opens with the app's own code and SQLite finds nothing wrong with it. */
function opensIntact(project: string): void {
  const db = openProject(project);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

/** The project's state, leaving out moments and durations; a closed file's kept (reference runs' files are read twice). */
const digests = new Map<string, string>();
const digest = (project: string, closed = false): string => {
  if (closed && digests.has(project)) return digests.get(project)!;
  const d = tablesDigest(project, { stable: true });
  if (closed) digests.set(project, d);
  return d;
};

function copyProject(from: string, to: string): void {
  for (const s of ['-wal', '-shm', '-journal']) rmSync(to + s, { force: true });
  copyFileSync(from, to);
}

/** Which tables differ from the state before and from the state after (to say what a mix is made of). */
function differences(project: string, before: string, after: string): string {
  const now = readAllTables(project, { stable: true });
  const differ = (other: Record<string, unknown[]>) => Object.keys(now).filter((t) => JSON.stringify(now[t]) !== JSON.stringify(other[t])).join(' ') || 'none';
  return `from before: ${differ(readAllTables(before, { stable: true }))}; from after: ${differ(readAllTables(after, { stable: true }))}`;
}

interface Case {
  /** The project the command starts from (closed, no WAL beside it). */
  before: string;
  args: (project: string) => string[];
  /** States a finished step inside the command may leave (each one whole), besides before and after. */
  between?: (project: string) => void;
}

/**
 * Runs the command once to its end on a copy of `before` (the state after,
 * and how long it writes), then kills it `kills` times plus once at a random
 * time. Returns the file the reference run left (the next case's start).
 */
async function killRepeatedly(name: string, c: Case, kills: number): Promise<string> {
  const after = join(root, `${name}-after.crmsteward`);
  copyProject(c.before, after);
  const time = await timed(after, c.args(after));
  const allowed = new Map<string, string>([[digest(c.before, true), 'before'], [digest(after, true), 'after']]);
  if (c.between) {
    const mid = join(root, `${name}-between.crmsteward`);
    copyProject(c.before, mid);
    c.between(mid);
    allowed.set(digest(mid), 'between');
  }
  expect(allowed.size, 'the command changes the project').toBe(c.between ? 3 : 2);

  const project = join(root, `${name}.crmsteward`);
  // Half the kills at a random moment while the command has the project open, half while it writes.
  const plans = Array.from({ length: kills }, (_, i) =>
    i % 2 === 0 ? { trigger: opened, extra: Math.random() * time.open } : { trigger: (p: string) => walBytes(p) > 0, extra: Math.random() * time.writing });
  const outcomes: string[] = [];
  for (const plan of plans) {
    copyProject(c.before, project);
    const how = await killDuring(project, c.args(project), plan);
    opensIntact(project);
    const state = allowed.get(digest(project));
    outcomes.push(`${how}: ${state ?? `MIXED (${differences(project, c.before, after)})`}`);
    expect(state, `${name}: ${outcomes.join(', ')}`).toBeDefined();
  }
  console.log(`${name} (open ${time.open} ms, writing ${time.writing} ms): ${outcomes.join('; ')}`);
  return after;
}

// Each case starts where the previous one's reference run ended: an import, fix --apply-all, dedupe, merge, undo --all.
let imported = '';
let fixed = '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'steward-kill-'));
  env.CRM_STEWARD_HOME = join(root, 'home');
  await writeCsvExport({ out: join(root, 'a.csv'), rows: 5_000, seed: 21, preset: 'salesforce', quotedNewlineRate: 0, generate: { duplicateRate: 0.3 } });
  await writeCsvExport({ out: join(root, 'b.csv'), rows: 3_000, seed: 22, preset: 'hubspot', quotedNewlineRate: 0 });
  imported = join(root, 'base.crmsteward');
  run(['import', join(root, 'a.csv'), '--project', imported]);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('SIGKILL during an import, a fix run, a merge and an undo', () => {
  it('a killed import into a project leaves it as it was or with the whole file imported', async () => {
    await killRepeatedly('import', { before: imported, args: (p) => ['import', join(root, 'b.csv'), '--project', p] }, 3);
  }, 300_000);

  it('a killed fix --apply-all leaves the project as it was, with the new suggestions only, or with them all applied', async () => {
    fixed = await killRepeatedly('fix', {
      before: imported,
      args: (p) => ['fix', '--project', p, '--apply-all', '--no-backup'],
      // The run's suggestions are committed before they are applied: a kill between leaves them open (run fix again to apply).
      between: (p) => run(['fix', '--project', p]),
    }, 4);
  }, 300_000);

  it('a killed merge --accept-above leaves every cluster unmerged or every one merged', async () => {
    const matched = join(root, 'matched.crmsteward');
    copyProject(fixed, matched);
    run(['dedupe', '--project', matched, '--out', join(root, 'clusters.csv')]);
    const merged = await killRepeatedly('merge', { before: matched, args: (p) => ['merge', '--project', p, '--accept-above', '0.9'] }, 3);
    // undo --all then takes back the merge and the fix: two batches, undone together or not at all.
    await killRepeatedly('undo', { before: merged, args: (p) => ['undo', '--project', p, '--all'] }, 3);
  }, 300_000);
});
