import Database from 'better-sqlite3-multiple-ciphers';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, migrate } from '../../../main/store/migrate.ts';
import { openProject } from '../../../main/store/open-project.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

describe('project files', () => {
  it('creates a project with every migration recorded, and reopens it', () => {
    const path = join(tempDir(), 'p.crmsteward');
    openProject(path, { create: true }).close();
    const db = openProject(path);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(versions[0].version).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('fails loudly when an applied migration was edited afterwards', () => {
    const dir = tempDir();
    const migrations = join(dir, 'migrations');
    cpSync(defaultMigrationsDir, migrations, { recursive: true });
    const db = new Database(join(dir, 'x.sqlite'));
    migrate(db, migrations);
    writeFileSync(join(migrations, '001-initial.sql'), '-- edited\nCREATE TABLE sneaky (x);');
    expect(() => migrate(db, migrations)).toThrow(/001-initial.sql was changed after it was applied/);
  });

  it('refuses files that are not projects, with a reason', () => {
    const dir = tempDir();
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => openProject(other)).toThrow(/not a CRM Steward project/);
    const junk = join(dir, 'junk.crmsteward');
    writeFileSync(junk, 'this is not a database at all, just some text that is long enough to look like a header '.repeat(20));
    expect(() => openProject(junk)).toThrow(/not a CRM Steward project or is damaged/);
    expect(() => openProject(join(dir, 'missing.crmsteward'))).toThrow(/No project file/);
  });
});
