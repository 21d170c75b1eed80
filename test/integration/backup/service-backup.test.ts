import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupResult, RestoreResult } from '../../../shared/channels/backup.ts';
import type { JobDone } from '../../../shared/contract.ts';
import { readAllTables, rowCounts } from '../../helpers/project-tables.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { threeSourceProject } from '../fix/fix-fixture.ts';

const tempDir = useTempDir();
const PASSPHRASE = 'plum orchard lantern 42';

type Fixture = Awaited<ReturnType<typeof threeSourceProject>>;

async function succeeded(f: Fixture, jobId: string): Promise<JobDone> {
  const done = await f.waitForJob(jobId);
  expect(done.error ?? null).toBeNull();
  expect(done.status).toBe('succeeded');
  return done;
}

/** Fixes applied and duplicates matched, so the change history, suggestions and match tables hold rows too. */
async function workedOnProject(dir: string): Promise<Fixture> {
  const f = await threeSourceProject(dir, 100);
  await succeeded(f, (await f.service.invoke('fix:run', {})).jobId);
  const decided = await f.service.invoke('fix:decide', { action: 'accept', filter: { kind: 'change', rule: 'country_iso' } });
  if (decided.jobId) await succeeded(f, decided.jobId);
  await succeeded(f, (await f.service.invoke('match:start', {})).jobId);
  while (f.service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20)); // the profile after matching
  return f;
}

describe('backing up and restoring through the service', () => {
  it('restoring a backup gives back every row of every table, and keeps the project it replaced as a backup', async () => {
    const dir = tempDir();
    const f = await workedOnProject(dir);
    const { service, projectPath } = f;
    const before = readAllTables(projectPath);
    // Not a trivial project: the history, suggestions and matching results are in it.
    expect(rowCounts(before)).toMatchObject({ customer_records: 300, sources: 3 });
    for (const table of ['raw_rows', 'change_log', 'change_batches', 'fix_suggestions', 'match_runs']) expect(before[table].length, table).toBeGreaterThan(0);

    const { jobId } = await service.invoke('backup:start', { passphrase: PASSPHRASE });
    const made = (await succeeded(f, jobId)).result as BackupResult;
    const overview = await service.invoke('backup:overview', {});
    expect(overview.folder).toBe(join(dirname(projectPath), 'p backups'));
    expect(overview.backups.map((b) => b.name)).toEqual([made.backup.name]);
    expect(overview.backups[0]).toMatchObject({ reason: 'manual', contents: { customers: 300, sources: 3, lastChange: { kind: 'fix' } } });
    expect(overview.passphrase).toMatchObject({ known: true, remembered: false, canRemember: false });

    // Change the project after the backup: undo the fixes and edit a record.
    await service.invoke('history:undo', { mode: 'skip' });
    const first = (await service.invoke('customers:page', { startRow: 0, endRow: 1 })).rows[0];
    await service.invoke('customers:update', { id: Number(first.id), field: 'email', value: 'changed.after@example.org' });
    const changed = readAllTables(projectPath);
    expect(changed).not.toEqual(before);

    const restore = await service.invoke('backup:restore', { name: made.backup.name });
    const restored = (await succeeded(f, restore.jobId)).result as RestoreResult;
    expect(restored.restored).toMatchObject({ customers: 300, sources: 3 });
    expect(restored.previous?.reason).toBe('before-restore');
    // The service works on the restored file: the edit made after the backup is gone.
    expect((await service.invoke('customers:get', { id: Number(first.id) })).customer.email).toBe(first.email);
    expect(readAllTables(projectPath)).toEqual(before);

    // Restoring the backup made before the restore undoes the restore.
    const undo = await service.invoke('backup:restore', { name: restored.previous!.name });
    await succeeded(f, undo.jobId);
    expect(readAllTables(projectPath)).toEqual(changed);
    expect((await service.invoke('backup:overview', {})).backups.map((b) => b.reason)).toEqual(['before-restore', 'before-restore', 'manual']);
    service.dispose();
  }, 180_000);

  it('a bulk fix is backed up first when the passphrase is known, and a cancelled backup leaves no file', async () => {
    const dir = tempDir();
    const f = await threeSourceProject(dir, 100);
    const { service } = f;
    await succeeded(f, (await f.service.invoke('fix:run', {})).jobId);
    await service.invoke('backup:passphrase', { passphrase: PASSPHRASE });
    const before = readAllTables(f.projectPath);

    // The job fix:decide starts for an accept too large to do inline (over 5,000 suggestions);
    // started directly so a small project shows it. The backup comes first, inside the same job.
    const jobId = service.context.startJob('fix-apply', { action: 'accept', selection: { filter: { kind: 'change' } }, actor: 'steward' });
    expect(((await succeeded(f, jobId)).result as { accepted: number }).accepted).toBeGreaterThan(0);
    const [auto] = (await service.invoke('backup:overview', {})).backups;
    expect(auto.reason).toBe('before-fix');
    // It holds the project as it was before the fix: restoring it gives back those rows.
    await succeeded(f, (await service.invoke('backup:restore', { name: auto.name })).jobId);
    expect(readAllTables(f.projectPath).customer_records).toEqual(before.customer_records);

    const folder = (await service.invoke('backup:overview', {})).folder;
    const files = readdirSync(folder).sort();
    const cancelled = await service.invoke('backup:start', {});
    service.invoke('job:cancel', { jobId: cancelled.jobId });
    const done = await f.waitForJob(cancelled.jobId);
    expect(done.status).toBe('cancelled');
    // No new file in the backup folder (not even a temporary one), none beside the project.
    expect(readdirSync(folder).sort()).toEqual(files);
    expect(readdirSync(dirname(f.projectPath)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    service.dispose();
  }, 180_000);

  it('the schedule starts a backup when one is due and the passphrase is known, and settings apply per project or to the app', async () => {
    const dir = tempDir();
    const f = await threeSourceProject(dir, 20);
    const { service } = f;
    const overview = await service.invoke('backup:overview', {});
    expect(overview).toMatchObject({ scope: 'app', settings: { scheduleHours: 24, beforeRisky: true, keepLast: 10 }, backups: [] });

    // Without a passphrase nothing can run; once it is known, the first tick backs up (none exists yet).
    await service.invoke('backup:settings', { settings: { ...overview.settings, scheduleHours: 4 }, scope: 'project' });
    expect(service.context.jobs.busy()).toBe(false);
    await service.invoke('backup:passphrase', { passphrase: PASSPHRASE });
    const after = await service.invoke('backup:settings', { settings: { ...overview.settings, scheduleHours: 4, keepLast: 3 }, scope: 'project' });
    expect(after).toMatchObject({ scope: 'project', settings: { scheduleHours: 4, keepLast: 3 } });
    const [jobId] = service.context.jobs.pending();
    expect(jobId).toBeDefined();
    await succeeded(f, jobId);
    const listed = await service.invoke('backup:overview', {});
    expect(listed.backups.map((b) => b.reason)).toEqual(['scheduled']);
    // The next is due four hours after it.
    expect(Date.parse(listed.nextScheduledAt!) - Date.parse(listed.backups[0].createdAt)).toBe(4 * 3_600_000);

    // Saving for the app drops the project's own settings: it follows the app's again.
    const app = await service.invoke('backup:settings', { settings: { ...overview.settings, scheduleHours: 0 }, scope: 'app' });
    expect(app).toMatchObject({ scope: 'app', settings: { scheduleHours: 0 }, nextScheduledAt: null });
    expect(existsSync(join(dir, 'data', 'backup-settings.json'))).toBe(true);

    // A backup that fails (its folder cannot be made: a file is in the way) is reported until one succeeds.
    const blocked = { ...overview.settings, folder: join(f.projectPath, 'backups') };
    await service.invoke('backup:settings', { settings: blocked, scope: 'project' });
    const failed = await f.waitForJob((await service.invoke('backup:start', {})).jobId);
    expect(failed.status).toBe('failed');
    expect((await service.invoke('backup:overview', {})).lastError).toMatchObject({ reason: 'manual', code: 'invalid_input', message: `The backup folder ${blocked.folder} cannot be created (ENOTDIR); choose another in the backup settings.` });
    await service.invoke('backup:settings', { settings: overview.settings, scope: 'project' });
    await succeeded(f, (await service.invoke('backup:start', {})).jobId);
    expect((await service.invoke('backup:overview', {})).lastError).toBeNull();
    service.dispose();
  }, 120_000);
});
