import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../../shared/channels/backup.ts';
import { readAllTables } from '../../helpers/project-tables.ts';
import { onTerminal } from '../../helpers/terminal.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { fileState, PASSPHRASE, smallProject } from '../backup/backup-fixture.ts';

const tempDir = useTempDir();

/** The command as a user runs it, with its own app data folder and only the environment given. */
function cli(dir: string, args: string[], env: Record<string, string> = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, CRM_STEWARD_HOME: join(dir, 'home') };
  delete base.CRM_STEWARD_BACKUP_PASSPHRASE;
  delete base.CRM_STEWARD_PASSPHRASE;
  return spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8', env: { ...base, ...env } });
}

describe('crm-steward backup, backups and restore', () => {
  it('backs up into the project\'s folder, lists it, and restores it with --json output throughout', async () => {
    const dir = tempDir();
    const project = await smallProject(dir);
    const before = readAllTables(project);
    const made = cli(dir, ['backup', '--project', project, '--json'], { CRM_STEWARD_BACKUP_PASSPHRASE: PASSPHRASE });
    expect(made.status, made.stderr).toBe(0);
    const { backup, removed } = JSON.parse(made.stdout) as { backup: BackupEntry; removed: string[] };
    expect(backup.path).toBe(join(dir, 'acme backups', backup.name));
    expect(backup).toMatchObject({ reason: 'manual', contents: { customers: before.customer_records.length, sources: 1 } });
    expect(removed).toEqual([]);

    const listed = JSON.parse(cli(dir, ['backups', '--project', project, '--json']).stdout) as { backups: BackupEntry[] };
    expect(listed.backups.map((b) => b.name)).toEqual([backup.name]);

    // A second import changes the project; the restore takes it back (CRM_STEWARD_PASSPHRASE works too).
    const more = join(dir, 'more.csv');
    writeFileSync(more, 'Email,First Name\nnew.one@example.org,Nova\n');
    expect(cli(dir, ['import', more, '--project', project]).status).toBe(0);
    expect(readAllTables(project).customer_records.length).toBe(before.customer_records.length + 1);
    const restored = cli(dir, ['restore', backup.path, '--project', project, '--json'], { CRM_STEWARD_PASSPHRASE: PASSPHRASE });
    expect(restored.status, restored.stderr).toBe(0);
    const out = JSON.parse(restored.stdout) as { project: string; restored: { customers: number }; previous: BackupEntry };
    expect(out.restored.customers).toBe(before.customer_records.length);
    expect(out.previous).toMatchObject({ reason: 'before-restore', contents: { customers: before.customer_records.length + 1, sources: 2 } });
    expect(readAllTables(project)).toEqual(before);
  }, 120_000);

  it('refuses a wrong passphrase, a cut-short file and a missing passphrase with one sentence and exit 1, the project untouched', async () => {
    const dir = tempDir();
    const project = await smallProject(dir, 50);
    const out = join(dir, 'copy.crmsteward.gz.age');
    expect(cli(dir, ['backup', '--project', project, '--out', out], { CRM_STEWARD_BACKUP_PASSPHRASE: PASSPHRASE }).status).toBe(0);
    const state = fileState(project, dir);

    const wrong = cli(dir, ['restore', out, '--project', project], { CRM_STEWARD_BACKUP_PASSPHRASE: 'another passphrase' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe('crm-steward restore: The passphrase does not open this backup (or its header has been changed).\n');
    const wrongJson = cli(dir, ['restore', out, '--project', project, '--json'], { CRM_STEWARD_BACKUP_PASSPHRASE: 'another passphrase' });
    expect(JSON.parse(wrongJson.stdout)).toEqual({ error: { code: 'wrong_passphrase', message: 'The passphrase does not open this backup (or its header has been changed).' } });

    const bytes = readFileSync(out);
    writeFileSync(out, bytes.subarray(0, bytes.length - 1));
    const cut = cli(dir, ['restore', out, '--project', project], { CRM_STEWARD_BACKUP_PASSPHRASE: PASSPHRASE });
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/^crm-steward restore: The backup file is incomplete: it has [\d,]+ of the [\d,]+ bytes written when it was made\.\n$/);

    const none = cli(dir, ['restore', out, '--project', project]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe('crm-steward restore: A passphrase is needed to open this backup: set CRM_STEWARD_BACKUP_PASSPHRASE (or CRM_STEWARD_PASSPHRASE), or run the command at a terminal to type it.\n');
    expect(fileState(project, dir)).toEqual(state);
  }, 120_000);

  it('asks for the passphrase at a terminal without echoing it, twice for a new backup', async () => {
    const dir = tempDir();
    const project = await smallProject(dir, 20);
    const out = join(dir, 'typed.crmsteward.gz.age');
    const run = await onTerminal(`"${process.execPath}" bin/crm-steward.mjs backup --project "$PROJECT" --out "$OUT"`, { PROJECT: project, OUT: out, CRM_STEWARD_HOME: join(dir, 'home') }, [
      { prompt: /Passphrase to encrypt the new backup: /, answer: 'typed at the terminal' },
      { prompt: /Type it again: /, answer: 'typed at the terminal' },
    ]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('Backed up');
    expect(run.output).not.toContain('typed at the terminal');
    // What was typed is the backup's passphrase.
    expect(cli(dir, ['restore', out, '--project', join(dir, 'fresh.crmsteward')], { CRM_STEWARD_BACKUP_PASSPHRASE: 'typed at the terminal' }).status).toBe(0);
  }, 120_000);

  it('fix --apply-* backs the project up first when a passphrase is set, and not with --no-backup', async () => {
    const dir = tempDir();
    const project = await smallProject(dir, 60);
    const fixed = cli(dir, ['fix', '--project', project, '--apply-safe', '--json'], { CRM_STEWARD_BACKUP_PASSPHRASE: PASSPHRASE });
    expect(fixed.status, fixed.stderr).toBe(0);
    const folder = join(dir, 'acme backups');
    expect(readdirSync(folder).filter((n) => n.endsWith('-before-fix.crmsteward.gz.age'))).toHaveLength(1);
    expect(cli(dir, ['fix', '--project', project, '--apply-safe', '--no-backup'], { CRM_STEWARD_BACKUP_PASSPHRASE: PASSPHRASE }).status).toBe(0);
    expect(readdirSync(folder).filter((n) => n.endsWith('.age'))).toHaveLength(1);
    // Without a passphrase to be had, it says so and applies anyway (every change can be undone).
    const bare = cli(dir, ['fix', '--project', project, '--apply-safe']);
    expect(bare.status).toBe(0);
    expect(bare.stderr).toContain('No backup was made first: set CRM_STEWARD_BACKUP_PASSPHRASE');
  }, 120_000);
});
