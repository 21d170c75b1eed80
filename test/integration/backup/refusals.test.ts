import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seal } from '../../../main/backup/sealed-file.ts';
import { restoreProject } from '../../../main/backup/restore-backup.ts';
import { AppError } from '../../../shared/errors.ts';
import type { BackupEntry } from '../../../shared/channels/backup.ts';
import { readAllTables } from '../../helpers/project-tables.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { backupOf, fileState, PASSPHRASE, smallProject } from './backup-fixture.ts';

const tempDir = useTempDir();
const policy = { keepLast: 10, keepDaily: 7, keepWeekly: 4 };

/** One project and one good backup of it, shared by every case (each case restores into its own copy). */
let shared: string;
let good: BackupEntry;
let goodBytes: Buffer;
beforeAll(async () => {
  shared = mkdtempSync(join(tmpdir(), 'steward-refusals-'));
  const project = await smallProject(shared);
  good = await backupOf(project, join(shared, 'good.crmsteward.gz.age'));
  goodBytes = readFileSync(good.path);
  return () => rmSync(shared, { recursive: true, force: true });
}, 60_000);

/**
 * Restores `backupBytes` over a fresh copy of a project (holding other
 * data than the backup), expects the refusal, and checks the project is
 * byte for byte what it was, with nothing added beside it.
 */
async function expectRefused(backupBytes: Buffer, opts: { passphrase?: string; sidecar?: boolean } = {}): Promise<AppError> {
  const dir = tempDir();
  const project = await smallProject(dir, 30, 'current.crmsteward');
  const backupPath = join(dir, 'candidate.crmsteward.gz.age');
  writeFileSync(backupPath, backupBytes);
  if (opts.sidecar) copyFileSync(`${good.path}.json`, `${backupPath}.json`);
  const before = fileState(project, dir);
  const tables = readAllTables(project);
  const error = await restoreProject({ backupPath, projectPath: project, passphrase: opts.passphrase ?? PASSPHRASE, previous: { folder: join(dir, 'backups'), passphrase: PASSPHRASE, policy } })
    .then(() => null, (err: unknown) => err);
  expect(error).toBeInstanceOf(AppError);
  expect(fileState(project, dir)).toEqual(before);
  expect(readAllTables(project)).toEqual(tables);
  return error as AppError;
}

const flip = (bytes: Buffer, at: number): Buffer => {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x01;
  return copy;
};

describe('a restore refuses what it cannot trust, and leaves the project untouched', () => {
  it('a wrong passphrase', async () => {
    const err = await expectRefused(goodBytes, { passphrase: 'not the passphrase' });
    expect(err.code).toBe('wrong_passphrase');
    expect(err.message).toBe('The passphrase does not open this backup (or its header has been changed).');
  }, 60_000);

  it('one changed byte, in the encrypted data or at its very end', async () => {
    for (const at of [Math.floor(goodBytes.length / 2), goodBytes.length - 1]) {
      const err = await expectRefused(flip(goodBytes, at));
      expect(err.code, `byte ${at}`).toBe('backup_damaged');
      expect(err.message).toMatch(/^The backup is damaged or incomplete: part of it does not match what was encrypted/);
    }
  }, 60_000);

  it('one changed byte in the header (the salt of the passphrase stanza)', async () => {
    const header = goodBytes.indexOf('-> scrypt ') + '-> scrypt '.length + 3;
    const err = await expectRefused(flip(goodBytes, header));
    expect(['wrong_passphrase', 'backup_damaged']).toContain(err.code);
  }, 60_000);

  it('a truncated file: told as incomplete when its description records the size, as damaged otherwise', async () => {
    const cut = goodBytes.subarray(0, goodBytes.length - 100);
    const described = await expectRefused(cut, { sidecar: true });
    expect(described.code).toBe('backup_incomplete');
    expect(described.message).toMatch(/^The backup file is incomplete: it has [\d,]+ of the [\d,]+ bytes written when it was made\.$/);
    expect((await expectRefused(cut)).code).toBe('backup_damaged');
    expect((await expectRefused(goodBytes.subarray(0, 30))).code).toBe('backup_incomplete');
  }, 60_000);

  it('a file that is not an age file, and an age file that does not hold a project', async () => {
    expect((await expectRefused(Buffer.from('SQLite format 3\0 but not encrypted'))).code).toBe('not_a_backup');

    const dir = tempDir();
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    await seal(other, join(dir, 'other.age'), PASSPHRASE);
    const err = await expectRefused(readFileSync(join(dir, 'other.age')));
    expect(err.code).toBe('not_a_backup');
    expect(err.message).toBe('The backup holds an SQLite file that is not a CRM Steward project.');
  }, 60_000);

  it('a project that fails SQLite\'s integrity check, though it decrypts', async () => {
    const dir = tempDir();
    const project = await smallProject(dir, 200, 'damaged.crmsteward');
    // Damage the customers table's first page: its cell pointers (or right-child pointer) point nowhere.
    const probe = new Database(project);
    const root = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'customer_records'").pluck().get() as number;
    probe.close();
    const bytes = readFileSync(project);
    const start = (root - 1) * 16_384;
    bytes.fill(0x41, start + 8, start + 40);
    writeFileSync(project, bytes);
    await seal(project, join(dir, 'damaged.age'), PASSPHRASE);
    const err = await expectRefused(readFileSync(join(dir, 'damaged.age')));
    expect(err.code).toBe('backup_damaged');
    expect(err.message).toMatch(/^The project inside the backup (fails SQLite's integrity check|cannot be read by SQLite)/);
  }, 60_000);

  it('and the good backup restores (the cases above fail for their damage alone)', async () => {
    const dir = tempDir();
    const project = await smallProject(dir, 30, 'current.crmsteward');
    const backupPath = join(dir, 'good.crmsteward.gz.age');
    writeFileSync(backupPath, goodBytes);
    const result = await restoreProject({ backupPath, projectPath: project, passphrase: PASSPHRASE, previous: { folder: join(dir, 'backups'), passphrase: PASSPHRASE, policy } });
    expect(result.restored.customers).toBe(good.contents!.customers);
    expect(result.previous?.contents?.customers).toBeLessThan(result.restored.customers);
  }, 60_000);
});
