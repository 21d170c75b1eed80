/**
 * Backups of an encrypted project: SQLite's backup API refuses an encrypted
 * source, so the snapshot is VACUUM INTO, written with the project's key.
 * Inside the age-encrypted backup the project stays encrypted (no customer's
 * data is in the clear at any step), and a restore opens it with the
 * project's key, or with the passphrase the project had when it was made.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupResult, RestoreResult } from '../../../shared/channels/backup.ts';
import { unseal } from '../../../main/backup/sealed-file.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { fileEncryption, keyForFile } from '../../../main/store/project-key.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { generatedCsv, makeService } from '../match/match-fixture.ts';

const tempDir = useTempDir();
const PROJECT_PASSPHRASE = 'steward passphrase 1';
const LATER_PASSPHRASE = 'steward passphrase 2';
const BACKUP_PASSPHRASE = 'plum orchard lantern 42';

function emailsOf(lines: string[]): string[] {
  const at = lines[0].split(',').findIndex((h) => /e-?mail/i.test(h));
  return lines.slice(1).map((l) => l.split(',')[at]).filter((e) => e && e.includes('@'));
}

describe('backing up an encrypted project', () => {
  it('keeps the project encrypted inside the backup, and restores it, also after the passphrase was changed', async () => {
    const dir = tempDir();
    const { service, waitForJob } = makeService(dir);
    const { path: csv, lines } = await generatedCsv(dir, 300);
    const projectPath = join(dir, 'p.crmsteward');
    await service.invoke('project:create', { path: projectPath, passphrase: PROJECT_PASSPHRASE });
    expect(await waitForJob((await service.invoke('import:start', { files: [{ path: csv }] })).jobId)).toMatchObject({ status: 'succeeded' });
    while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));

    const backup = await waitForJob((await service.invoke('backup:start', { passphrase: BACKUP_PASSPHRASE })).jobId);
    expect(backup.error ?? null).toBeNull();
    const made = (backup.result as BackupResult).backup;
    expect(made.contents).toMatchObject({ customers: 300 });

    // What age decrypts is the project as SQLCipher keeps it: encrypted, with no email readable.
    const inner = join(dir, 'inner.crmsteward');
    await unseal(made.path, inner, BACKUP_PASSPHRASE);
    expect(fileEncryption(inner)).toBe('encrypted');
    const bytes = readFileSync(inner);
    const email = emailsOf(lines)[0];
    expect(bytes.includes(Buffer.from(email))).toBe(false);
    // The project's passphrase opens it, as it opens the project.
    const db = openProject(inner, { readonly: true, key: await keyForFile(PROJECT_PASSPHRASE, inner) });
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(300);
    db.close();
    // No snapshot or other file beside the project was left in the clear.
    for (const f of readdirSync(dir).filter((n) => n.startsWith('p.crmsteward'))) {
      expect(readFileSync(join(dir, f)).includes(Buffer.from(email)), f).toBe(false);
    }

    // Change the project after the backup, then restore it with the project's key.
    const first = (await service.invoke('customers:page', { startRow: 0, endRow: 1 })).rows[0];
    await service.invoke('customers:update', { id: Number(first.id), field: 'email', value: 'changed.after@example.org' });
    const restore = await waitForJob((await service.invoke('backup:restore', { name: made.name })).jobId);
    expect(restore.error ?? null).toBeNull();
    expect(restore.result).not.toHaveProperty('key'); // the key never travels in an event
    expect((restore.result as RestoreResult).restored).toMatchObject({ customers: 300 });
    expect((await service.invoke('customers:get', { id: Number(first.id) })).customer.email).toBe(first.email);
    expect((await service.invoke('project:info', {}))!.encrypted).toBe(true);

    // After a change of passphrase the project's key no longer opens the backup: refused, nothing changed;
    // with the passphrase the project had then it is restored, and opens with that passphrase again.
    await service.invoke('project:set-passphrase', { current: PROJECT_PASSPHRASE, next: LATER_PASSPHRASE });
    const refused = await waitForJob((await service.invoke('backup:restore', { name: made.name })).jobId);
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'passphrase_required' } });
    expect((await service.invoke('project:info', {}))!.customers).toBe(300);
    const again = await waitForJob((await service.invoke('backup:restore', { name: made.name, projectPassphrase: PROJECT_PASSPHRASE })).jobId);
    expect(again.error ?? null).toBeNull();
    expect((await service.invoke('customers:page', { startRow: 0, endRow: 5 })).rows).toHaveLength(5);
    service.context.close();
    await expect(service.invoke('project:open', { path: projectPath, passphrase: LATER_PASSPHRASE })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    expect((await service.invoke('project:open', { path: projectPath, passphrase: PROJECT_PASSPHRASE })).customers).toBe(300);
    service.dispose();
  }, 180_000);
});
