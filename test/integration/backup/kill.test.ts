import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBackupName } from '../../../main/backup/backup-folder.ts';
import { stageRestore } from '../../../main/backup/restore-backup.ts';
import { removeWithCompanions } from '../../../main/backup/atomic-file.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { tablesDigest } from '../../helpers/project-tables.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { PASSPHRASE } from './backup-fixture.ts';

/**
 * SIGKILL at random moments of a backup and of a restore, each run by the
 * crm-steward command as a user runs it. Afterwards the project must open,
 * pass integrity_check and hold exactly the state before or after (never a
 * mix), and every file under a backup's final name must be a whole backup
 * that decrypts and verifies. Some kills are at random times over the whole
 * run; others wait for a temporary file to appear (the run is then writing
 * the snapshot, the backup or the decrypted copy) and strike a little later.
 */
const tempDir = useTempDir();
const env = (dir: string): NodeJS.ProcessEnv => ({ ...process.env, CRM_STEWARD_HOME: join(dir, 'home'), CRM_STEWARD_BACKUP_PASSPHRASE: PASSPHRASE });

function cliSync(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8', env: env(dir) });
  expect(r.status, r.stderr).toBe(0);
  return r;
}

/** Starts the command and kills it with SIGKILL at `at` ms, or when `trigger` first holds (then after `extra` ms). */
async function killDuring(dir: string, args: string[], when: { at?: number; trigger?: (pid: number) => boolean; extra?: number }): Promise<'killed' | 'finished'> {
  const child = spawn(process.execPath, ['bin/crm-steward.mjs', ...args], { env: env(dir), stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let finished = false;
  void exited.then(() => (finished = true));
  const started = Date.now();
  while (!finished) {
    const due = when.at !== undefined ? Date.now() - started >= when.at : when.trigger!(child.pid!);
    if (due) {
      if (when.extra) await new Promise((r) => setTimeout(r, when.extra));
      child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const code = await exited;
  return code === 0 ? 'finished' : 'killed';
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

/** A temporary file of this process appeared in `folder` (earlier, killed runs may have left theirs). */
const partialIn = (folder: string) => (pid: number) => existsSync(folder) && readdirSync(folder).some((n) => n.endsWith('.partial') && n.includes(`.${pid}.`));

/** True once a file that was not there when the command started appears in `folder` (names taken at the first call). */
function newFileIn(folder: string): () => boolean {
  let known: Set<string> | null = null;
  const names = () => (existsSync(folder) ? readdirSync(folder) : []);
  return () => {
    known ??= new Set(names());
    return names().some((n) => !known!.has(n));
  };
}

/** True once a new file appears beside the project or the project file itself changes (state taken at the first call). */
function changeBeside(project: string): () => boolean {
  const folder = dirname(project);
  const state = () => `${statSync(project).mtimeMs}:${statSync(project).size}`;
  let known: { names: Set<string>; project: string } | null = null;
  return () => {
    known ??= { names: new Set(readdirSync(folder)), project: state() };
    return state() !== known.project || readdirSync(folder).some((n) => !known!.names.has(n));
  };
}

/**
 * True once a new pre-restore backup is complete (its description written):
 * the run is then about to swap the file in. The folder's names are taken
 * at the first call, right after the command starts and long before it
 * can have written anything.
 */
function newBackupCompleted(folder: string): () => boolean {
  let known: Set<string> | null = null;
  const names = () => (existsSync(folder) ? readdirSync(folder) : []);
  return () => {
    known ??= new Set(names());
    return names().some((n) => n.endsWith('-before-restore.crmsteward.gz.age.json') && !known!.has(n));
  };
}

/** Every file under a backup's final name decrypts fully and holds a sound project (checked at most once each). */
async function everyBackupWhole(folder: string, scratch: string, checked: Set<string>): Promise<void> {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder).filter((n) => parseBackupName(n) !== null || n.endsWith('.gz.age'))) {
    if (checked.has(name)) continue;
    checked.add(name);
    const { staged } = await stageRestore(join(folder, name), join(scratch, 'check.crmsteward'), PASSPHRASE);
    removeWithCompanions(staged);
  }
}

async function projectOf(dir: string, rows: number): Promise<string> {
  const csv = join(dir, 'export.csv');
  await writeCsvExport({ out: csv, rows, seed: 9, preset: 'salesforce', quotedNewlineRate: 0 });
  const project = join(dir, 'acme.crmsteward');
  cliSync(dir, ['import', csv, '--project', project, '--json']);
  return project;
}

describe('SIGKILL during a backup or a restore', () => {
  it('a killed backup leaves the project as it was and no half-written backup under a final name', async () => {
    const dir = tempDir();
    const project = await projectOf(dir, 20_000);
    const state = tablesDigest(project);
    const folder = join(dir, 'acme backups');
    const scratch = join(dir, 'scratch');
    mkdirSync(scratch);

    let started = Date.now();
    cliSync(dir, ['backup', '--project', project]);
    const full = Date.now() - started;
    const checked = new Set<string>();
    const outcomes: string[] = [];
    const plans = [
      ...Array.from({ length: 4 }, () => ({ at: Math.random() * full })),
      // As soon as any new file shows in the backup folder, the backup is being written: strike then.
      ...Array.from({ length: 4 }, () => ({ trigger: newFileIn(folder), extra: Math.random() * 60 })),
      { trigger: partialIn(dir), extra: 0 }, // while the snapshot is being copied beside the project
    ];
    for (const plan of plans) {
      started = Date.now();
      outcomes.push(`${await killDuring(dir, ['backup', '--project', project], plan)} after ${Date.now() - started} ms`);
      opensIntact(project);
      expect(tablesDigest(project), outcomes.join(', ')).toBe(state);
      await everyBackupWhole(folder, scratch, checked);
    }
    // The next backup clears what the killed ones left behind (their writers are gone).
    cliSync(dir, ['backup', '--project', project]);
    expect(readdirSync(folder).filter((n) => !n.endsWith('.gz.age') && !n.endsWith('.gz.age.json')), outcomes.join(', ')).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  }, 600_000);

  it('a killed restore leaves the project as it was or as the backup holds it, never a mix', async () => {
    const dir = tempDir();
    const project = await projectOf(dir, 10_000);
    // B: the backup's state. A: the project's state when the restore starts (a second import on top).
    const backup = join(dir, 'b.crmsteward.gz.age');
    cliSync(dir, ['backup', '--project', project, '--out', backup]);
    const stateB = tablesDigest(project);
    const more = join(dir, 'more.csv');
    await writeCsvExport({ out: more, rows: 500, seed: 10, preset: 'hubspot', quotedNewlineRate: 0 });
    cliSync(dir, ['import', more, '--project', project]);
    const stateA = tablesDigest(project);
    const pristineA = join(dir, 'pristine-a.crmsteward');
    copyFileSync(project, pristineA);
    const reset = () => {
      for (const s of ['-wal', '-shm', '-journal']) rmSync(project + s, { force: true });
      copyFileSync(pristineA, project);
    };

    let started = Date.now();
    cliSync(dir, ['restore', backup, '--project', project]);
    const full = Date.now() - started;
    expect(tablesDigest(project)).toBe(stateB);
    const folder = join(dir, 'acme backups');
    const scratch = join(dir, 'scratch');
    mkdirSync(scratch);
    const checked = new Set<string>();
    const outcomes: string[] = [];
    const plans = [
      ...Array.from({ length: 3 }, () => ({ at: Math.random() * full })),
      // The first change beside the project (a new file, or the project file itself) starts the decryption.
      ...Array.from({ length: 3 }, () => ({ trigger: changeBeside(project), extra: Math.random() * 100 })),
      ...Array.from({ length: 2 }, () => ({ trigger: partialIn(folder), extra: Math.random() * 100 })), // backing up what is replaced
      // Once that backup is complete only the swap is left: strike around the rename.
      ...[0, 30, 100, 250, 600].map((extra) => ({ trigger: newBackupCompleted(folder), extra })),
    ];
    for (const plan of plans) {
      reset();
      started = Date.now();
      const how = await killDuring(dir, ['restore', backup, '--project', project], plan);
      opensIntact(project);
      const now = tablesDigest(project);
      outcomes.push(`${how} after ${Date.now() - started} ms: ${now === stateA ? 'before' : now === stateB ? 'after' : 'MIXED'}`);
      expect([stateA, stateB], outcomes.join(', ')).toContain(now);
      await everyBackupWhole(folder, scratch, checked);
    }
    console.log(`restore kills: ${outcomes.join('; ')}`);
  }, 600_000);
});
