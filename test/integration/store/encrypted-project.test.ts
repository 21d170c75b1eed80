/**
 * Encrypted projects on disk: what opens them, what is refused with which
 * sentence, and that no byte of customer data is written in the clear — not
 * in the file, its WAL, its shared-memory index or its rollback journal.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { openProject, projectAccess, writeAloneWithoutWal, type Db } from '../../../main/store/open-project.ts';
import { fileEncryption, keyForFile, newKey } from '../../../main/store/project-key.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

/** A small export with addresses no other test uses, so finding one on disk can only mean a leak. */
function contacts(dir: string, name: string, tag: string, rows = 400): string {
  const path = join(dir, name);
  const lines = ['id,first_name,last_name,email,phone'];
  for (let i = 0; i < rows; i++) lines.push(`${tag}-${i},Ottilie,Quenneville${i},ottilie.${tag}.${i}@leak-probe.example,+49 30 555${String(i).padStart(4, '0')}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Whether any of the project's files on disk holds the text, as bytes (UTF-8). */
function onDisk(project: string, text: string): string[] {
  return ['', '-wal', '-shm', '-journal'].filter((s) => existsSync(project + s) && readFileSync(project + s).includes(Buffer.from(text)));
}

const PASSPHRASE = 'correct horse battery';

describe('encrypted projects', () => {
  it('open only with their passphrase, and say why not otherwise', async () => {
    const path = join(tempDir(), 'locked.crmsteward');
    openProject(path, { create: true, key: await newKey(PASSPHRASE) }).close();
    expect(fileEncryption(path)).toBe('encrypted');
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(() => openProject(path)).toThrow('locked.crmsteward is encrypted: enter its passphrase to open it.');
    const wrong = await keyForFile('correct horse battery!', path);
    expect(() => openProject(path, { key: wrong })).toThrow('The passphrase does not open locked.crmsteward: it is wrong, or the file is damaged.');
    const db = openProject(path, { key: await keyForFile(PASSPHRASE, path) });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(16_384);
    // Temporary tables and sort spills are not encrypted by the cipher: they stay in memory.
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(projectAccess(db).key).not.toBeNull();
    db.close();
  });

  it('refuses a damaged encrypted file with the same sentence as a wrong passphrase', async () => {
    const dir = tempDir();
    const path = join(dir, 'p.crmsteward');
    const key = await newKey(PASSPHRASE);
    openProject(path, { create: true, key }).close();
    const bytes = readFileSync(path);
    bytes[100] ^= 0xff; // inside page 1, after the salt: its HMAC no longer matches
    writeFileSync(path, bytes);
    expect(() => openProject(path, { key: { key: key.key, salt: key.salt } })).toThrow(/does not open p\.crmsteward: it is wrong, or the file is damaged/);
  });

  it('keep no customer data in the clear in the file, the WAL or the shared-memory index', async () => {
    const dir = tempDir();
    const file = contacts(dir, 'a.csv', 'wal');
    for (const encrypted of [false, true]) {
      const path = join(dir, `${encrypted}.crmsteward`);
      const db = openProject(path, { create: true, key: encrypted ? await newKey(PASSPHRASE) : null });
      await importFiles(db, [{ path: file }]);
      // Still open: the import's pages are in the WAL, not yet folded into the file.
      expect(existsSync(`${path}-wal`)).toBe(true);
      const found = onDisk(path, 'ottilie.wal.17@leak-probe.example');
      db.close();
      const foundAfterClose = onDisk(path, 'Quenneville399');
      // The unencrypted project shows the probe works: the same search finds the data there.
      if (encrypted) expect([...found, ...foundAfterClose]).toEqual([]);
      else expect(found.length + foundAfterClose.length).toBeGreaterThan(0);
    }
  });

  it('keep no customer data in the clear in the rollback journal of a bulk write', async () => {
    const dir = tempDir();
    const first = contacts(dir, 'a.csv', 'jrnl');
    const second = contacts(dir, 'b.csv', 'more');
    for (const encrypted of [false, true]) {
      const path = join(dir, `${encrypted}.crmsteward`);
      const key = encrypted ? await newKey(PASSPHRASE) : null;
      let db: Db = openProject(path, { create: true, key });
      await importFiles(db, [{ path: first }]);
      db.close();
      db = openProject(path, { key });
      // A second import written with a rollback journal: the journal holds the pages the first import filled.
      let journal: Buffer | null = null;
      await writeAloneWithoutWal(db, () =>
        importFiles(db, [{ path: second }], {
          onProgress: (p) => {
            if (p.step === 'link' && existsSync(`${path}-journal`)) journal = readFileSync(`${path}-journal`);
          },
        }),
      );
      db.close();
      expect(journal).not.toBeNull();
      const leaks = (journal as Buffer | null)!.includes(Buffer.from('@leak-probe.example'));
      expect(leaks).toBe(!encrypted);
    }
  });

  it('can be copied with VACUUM INTO (how a backup works): the copy is encrypted and opens with the same passphrase', async () => {
    const dir = tempDir();
    const path = join(dir, 'p.crmsteward');
    const db = openProject(path, { create: true, key: await newKey(PASSPHRASE) });
    await importFiles(db, [{ path: contacts(dir, 'a.csv', 'copy') }]);
    // SQLite's backup API refuses: its destination connection has no key.
    await expect(db.backup(join(dir, 'refused.crmsteward'))).rejects.toThrow(/incompatible/);
    const copy = join(dir, 'copy.crmsteward');
    db.prepare('VACUUM INTO ?').run(copy);
    db.close();
    expect(onDisk(copy, '@leak-probe.example')).toEqual([]);
    expect(() => openProject(copy)).toThrow(/is encrypted/);
    const reopened = openProject(copy, { key: await keyForFile(PASSPHRASE, copy), readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(400);
    reopened.close();
  });

  it('leave unencrypted projects as they were: an SQLite file anyone can open', () => {
    const dir = tempDir();
    const path = join(dir, 'plain.crmsteward');
    openProject(path, { create: true, key: null }).close();
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(fileEncryption(path)).toBe('plain');
    copyFileSync(path, join(dir, 'copy.crmsteward'));
    const db = openProject(join(dir, 'copy.crmsteward'));
    expect(db.pragma('page_size', { simple: true })).toBe(16_384);
    expect(projectAccess(db).key).toBeNull();
    db.close();
  });
});
