/**
 * An encrypted project through the service, as the app uses it: every job
 * runs in a worker thread that opens its own connection with the key, the
 * unlock refuses what it should, the passphrase can be set, changed and
 * removed, and a second program is told the project is in use.
 */
import { spawnSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectInfo } from '../../../shared/contract.ts';
import { createService } from '../../../main/service/create-service.ts';
import { RememberedKeys, type Sealer } from '../../../main/service/remembered-keys.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { keyForFile } from '../../../main/store/project-key.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { generatedCsv, makeService } from '../match/match-fixture.ts';

const tempDir = useTempDir();
const PASSPHRASE = 'steward passphrase 1';
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

/** The first email of the generated file: a value that must never be on disk in the clear. */
function firstEmail(lines: string[]): string {
  const header = lines[0].split(',');
  const at = header.findIndex((h) => /e-?mail/i.test(h));
  const email = lines.slice(1).map((l) => l.split(',')[at]).find((e) => e && e.includes('@'));
  if (!email) throw new Error('the generated file has no email');
  return email;
}

function plaintextOnDisk(dir: string, text: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith('p.crmsteward') && readFileSync(join(dir, f)).includes(Buffer.from(text)));
}

async function idle(service: ReturnType<typeof makeService>['service']): Promise<void> {
  while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
}

describe('an encrypted project through the service', () => {
  it('imports, profiles, matches, fixes, undoes and exports, every job in its own thread with the key', async () => {
    const dir = tempDir();
    const { service, waitForJob } = makeService(dir);
    const { path: csv, lines } = await generatedCsv(dir, 600);
    const projectPath = join(dir, 'p.crmsteward');
    const created = await service.invoke('project:create', { path: projectPath, passphrase: PASSPHRASE });
    expect(created.encrypted).toBe(true);

    const imp = await service.invoke('import:start', { files: [{ path: csv }] });
    expect(await waitForJob(imp.jobId)).toMatchObject({ status: 'succeeded' });
    await idle(service); // the profile the service starts after an import
    expect((await service.invoke('project:info', {}))!.customers).toBe(600);

    const profile = await service.invoke('quality:profile-start', {});
    expect(await waitForJob(profile.jobId)).toMatchObject({ status: 'succeeded' });
    expect((await service.invoke('quality:overview', {}))!.metrics.records).toBe(600);

    const match = await service.invoke('match:start', { scope: 'all' });
    expect(await waitForJob(match.jobId)).toMatchObject({ status: 'succeeded' });
    await idle(service);
    const summary = await service.invoke('match:summary', {});
    expect(summary.run!.records).toBe(600);
    expect(summary.clusters).toBeGreaterThan(0);

    const fix = await service.invoke('fix:run', {});
    expect(await waitForJob(fix.jobId)).toMatchObject({ status: 'succeeded' });
    const accepted = await service.invoke('fix:decide', { action: 'accept', filter: { kind: 'change' } });
    if (accepted.jobId) expect(await waitForJob(accepted.jobId)).toMatchObject({ status: 'succeeded' });
    await idle(service);
    const history = await service.invoke('history:page', {});
    expect(history.undo?.kind).toBe('fix');
    const undone = await service.invoke('history:undo', { mode: 'skip' });
    if (undone.jobId) expect(await waitForJob(undone.jobId)).toMatchObject({ status: 'succeeded' });
    await idle(service);
    expect((await service.invoke('history:page', {})).undo).toBeNull();

    const out = join(dir, 'export.csv');
    const exp = await service.invoke('export:start', { path: out, format: 'csv' });
    expect(await waitForJob(exp.jobId)).toMatchObject({ status: 'succeeded' });
    // The export is the user's own plaintext copy, asked for; it holds every customer.
    expect(readFileSync(out, 'utf8').trim().split('\n').length).toBeGreaterThan(600);

    // Nothing of the project's own files holds the data in the clear, open or closed.
    const email = firstEmail(lines);
    expect(readFileSync(out, 'utf8')).toContain(email);
    expect(plaintextOnDisk(dir, email)).toEqual([]);
    service.dispose();
    expect(plaintextOnDisk(dir, email)).toEqual([]);
  }, 180_000);

  it('asks for the passphrase when opening, refuses a wrong one, and lists the project as encrypted', async () => {
    const dir = tempDir();
    const { service } = makeService(dir);
    const projectPath = join(dir, 'p.crmsteward');
    await service.invoke('project:create', { path: projectPath, passphrase: PASSPHRASE });
    await service.invoke('project:close', {});
    expect((await service.invoke('project:recent', {}))[0]).toMatchObject({ path: projectPath, encrypted: true });

    await expect(service.invoke('project:open', { path: projectPath })).rejects.toMatchObject({ code: 'passphrase_required', message: 'p.crmsteward is encrypted: enter its passphrase to open it.' });
    await expect(service.invoke('project:open', { path: projectPath, passphrase: 'not it at all' })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    expect(await service.invoke('project:info', {})).toBeNull();
    const info = (await service.invoke('project:open', { path: projectPath, passphrase: PASSPHRASE })) as ProjectInfo;
    expect(info).toMatchObject({ encrypted: true, customers: 0 });
    // A new passphrase that is too short is refused by the contract, before anything is written.
    await expect(service.invoke('project:create', { path: join(dir, 'q'), passphrase: 'short' })).rejects.toThrow(/at least 8 characters/);
    expect(existsSync(join(dir, 'q.crmsteward'))).toBe(false);
    service.dispose();
  });

  it('protects, changes and removes the passphrase of the open project, asking for the current one each time', async () => {
    const dir = tempDir();
    const { service, waitForJob } = makeService(dir);
    const { path: csv } = await generatedCsv(dir, 200);
    const projectPath = join(dir, 'p.crmsteward');
    await service.invoke('project:create', { path: projectPath });
    const imp = await service.invoke('import:start', { files: [{ path: csv }] });
    expect(await waitForJob(imp.jobId)).toMatchObject({ status: 'succeeded' });
    await idle(service);

    expect((await service.invoke('project:set-passphrase', { next: 'first passphrase' })).encrypted).toBe(true);
    await expect(service.invoke('project:set-passphrase', { next: 'second passphrase' })).rejects.toMatchObject({ code: 'passphrase_required' });
    await expect(service.invoke('project:set-passphrase', { current: 'wrong passphrase', next: 'second passphrase' })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await service.invoke('project:set-passphrase', { current: 'first passphrase', next: 'second passphrase' });
    // The service works on with the new key: a job opens the project in its own thread.
    const profile = await service.invoke('quality:profile-start', {});
    expect(await waitForJob(profile.jobId)).toMatchObject({ status: 'succeeded' });
    await expect(keyForFile('first passphrase', projectPath).then((key) => openProject(projectPath, { key, readonly: true }))).rejects.toThrow(/does not open/);

    await expect(service.invoke('project:remove-passphrase', { current: 'first passphrase' })).rejects.toMatchObject({ code: 'wrong_passphrase' });
    const plain = await service.invoke('project:remove-passphrase', { current: 'second passphrase' });
    expect(plain).toMatchObject({ encrypted: false, customers: 200 });
    service.dispose();
    const db = openProject(projectPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(200);
    db.close();
  }, 120_000);

  it('tells a second program the project is in use, while read-only commands still work', async () => {
    const dir = tempDir();
    const { service, waitForJob } = makeService(dir);
    const { path: csv } = await generatedCsv(dir, 100);
    const projectPath = join(dir, 'p.crmsteward');
    await service.invoke('project:create', { path: projectPath, passphrase: PASSPHRASE });
    const imp = await service.invoke('import:start', { files: [{ path: csv }] });
    expect(await waitForJob(imp.jobId)).toMatchObject({ status: 'succeeded' });
    await idle(service);

    const other = makeService(join(dir, 'other'));
    await expect(other.service.invoke('project:open', { path: projectPath, passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'project_in_use',
      message: expect.stringMatching(/^p\.crmsteward is in use by CRM Steward \(process \d+, since .+ UTC\); close it there and try again\.$/),
    });

    const env = { CRM_STEWARD_PASSPHRASE: PASSPHRASE };
    const fix = cli(['fix', '--project', projectPath], env);
    expect(fix.status).toBe(1);
    expect(fix.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^crm-steward fix: p\.crmsteward is in use by CRM Steward \(process \d+, since .+ UTC\); close it there and try again\.$/)]);
    const exported = cli(['export', '--project', projectPath, '--out', join(dir, 'read-only.csv')], env);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(cli(['history', '--project', projectPath], env).status).toBe(0);

    await service.invoke('project:close', {});
    expect(cli(['fix', '--project', projectPath], env).status).toBe(0);
    // And the service may have it back.
    await other.service.invoke('project:open', { path: projectPath, passphrase: PASSPHRASE });
    other.service.dispose();
    service.dispose();
  }, 120_000);

  it('remembers a key in the keychain when asked, and forgets it when the passphrase no longer matches', async () => {
    const dir = tempDir();
    const projectPath = join(dir, 'p.crmsteward');
    // Stands in for the OS keychain Electron's safeStorage uses: sealing with a key the data folder does not hold.
    const sealingKey = randomBytes(32);
    const sealer: Sealer = {
      seal: async (text) => {
        const iv = randomBytes(12);
        const c = createCipheriv('aes-256-gcm', sealingKey, iv);
        const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
        return Buffer.concat([iv, c.getAuthTag(), body]);
      },
      unseal: async (sealed) => {
        const d = createDecipheriv('aes-256-gcm', sealingKey, sealed.subarray(0, 12));
        d.setAuthTag(sealed.subarray(12, 28));
        return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
      },
    };
    const desktop = () => createService({
      dataDir: join(dir, 'data'), projectsDir: dir, demoDir: join(dir, 'none'), mode: 'electron', version: 'test', emit: () => {},
      keychain: new RememberedKeys(join(dir, 'data'), sealer),
    });
    let service = desktop();
    expect((await service.invoke('app:info', {})).canRememberPassphrase).toBe(true);
    await service.invoke('project:create', { path: projectPath, passphrase: PASSPHRASE, remember: true });
    service.dispose();
    const stored = readFileSync(join(dir, 'data', 'remembered-keys.json'), 'utf8');
    expect(stored).not.toContain(PASSPHRASE);
    const key = await keyForFile(PASSPHRASE, projectPath);
    expect(stored).not.toContain(Buffer.from(key.key).toString('hex'));

    service = desktop();
    expect((await service.invoke('project:open', { path: projectPath })).encrypted).toBe(true);
    service.dispose();

    // The passphrase changed elsewhere: the remembered key no longer opens it, so it is forgotten and asked for.
    expect(cli(['encrypt', '--project', projectPath], { CRM_STEWARD_PASSPHRASE: PASSPHRASE, CRM_STEWARD_NEW_PASSPHRASE: 'a newer passphrase' }).status).toBe(0);
    service = desktop();
    await expect(service.invoke('project:open', { path: projectPath })).rejects.toMatchObject({ code: 'passphrase_required' });
    expect(JSON.parse(readFileSync(join(dir, 'data', 'remembered-keys.json'), 'utf8'))).toEqual({});
    service.dispose();
    // Browser mode and the CLI have no keychain to offer.
    const browser = makeService(join(dir, 'b')).service;
    expect((await browser.invoke('app:info', {})).canRememberPassphrase).toBe(false);
    browser.dispose();
  }, 60_000);
});
