/**
 * Encrypting, changing the passphrase of and decrypting a project keep every
 * row, leave no plaintext behind when encrypting, and refuse (changing
 * nothing) when the passphrase is wrong or another connection has the file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { fileEncryption, keyForFile, newKey, type ProjectKey } from '../../../main/store/project-key.ts';
import { rekeyLeftovers, rekeyProject } from '../../../main/store/rekey-project.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

async function project(dir: string): Promise<string> {
  const csv = join(dir, 'c.csv');
  writeFileSync(csv, `id,name,email\n${Array.from({ length: 300 }, (_, i) => `${i},Wilhelmina Rekey${i},w${i}@rekey-probe.example`).join('\n')}\n`);
  const path = join(dir, 'p.crmsteward');
  const db = openProject(path, { create: true });
  await importFiles(db, [{ path: csv }]);
  db.close();
  return path;
}

/** Every customer's working values and the schema's version: what a re-encryption must keep. */
function contents(path: string, key: ProjectKey | null): string {
  const db = openProject(path, { key, readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM customers ORDER BY id').raw().all();
    const raw = db.prepare('SELECT count(*) FROM raw_rows').pluck().get();
    return JSON.stringify({ rows, raw, schema: db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() });
  } finally {
    db.close();
  }
}

describe('re-encrypting a project', () => {
  it('encrypts, changes the passphrase and decrypts, keeping every row', async () => {
    const dir = tempDir();
    const path = await project(dir);
    const before = contents(path, null);

    rekeyProject(path, null, await newKey('first passphrase'));
    expect(fileEncryption(path)).toBe('encrypted');
    expect(readFileSync(path).includes(Buffer.from('@rekey-probe.example'))).toBe(false);
    const first = await keyForFile('first passphrase', path);
    expect(contents(path, first)).toBe(before);

    rekeyProject(path, first, await newKey('second passphrase'));
    await expect(keyForFile('first passphrase', path).then((k) => openProject(path, { key: k }))).rejects.toThrow(/does not open/);
    const second = await keyForFile('second passphrase', path);
    expect(contents(path, second)).toBe(before);

    rekeyProject(path, second, null);
    expect(fileEncryption(path)).toBe('plain');
    expect(contents(path, null)).toBe(before);
    // Nothing is left beside the project.
    for (const f of rekeyLeftovers(path)) expect(existsSync(f)).toBe(false);
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const dir = tempDir();
    const path = await project(dir);
    rekeyProject(path, null, await newKey('the right one'));
    const bytes = readFileSync(path);
    expect(() => rekeyProject(path, { key: new Uint8Array(32), salt: new Uint8Array(16) }, null)).toThrow(/does not open p\.crmsteward/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses while another connection has the project open, and changes nothing', async () => {
    const dir = tempDir();
    const path = await project(dir);
    const reader = openProject(path, { readonly: true });
    reader.prepare('SELECT count(*) FROM customers').get();
    expect(() => rekeyProject(path, null, null)).toThrow('p.crmsteward is open in another program (perhaps a read-only command); close it and try again.');
    reader.close();
    expect(fileEncryption(path)).toBe('plain');
  });

  it('removes what a killed re-encryption left beside the project', async () => {
    const dir = tempDir();
    const path = await project(dir);
    for (const f of rekeyLeftovers(path)) writeFileSync(f, 'left by a crash');
    rekeyProject(path, null, await newKey('after a crash'));
    for (const f of rekeyLeftovers(path)) expect(existsSync(f)).toBe(false);
    expect(contents(path, await keyForFile('after a crash', path))).toContain('Wilhelmina Rekey299');
  });
});
