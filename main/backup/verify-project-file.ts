/**
 * Checks a decrypted backup before it may replace a project: SQLite finds
 * nothing wrong with it, it is a CRM Steward project, and its schema is one
 * this version knows (older is fine: it is upgraded when opened). The backup
 * of an encrypted project holds the project encrypted as it was (snapshot.ts),
 * so it is opened with the project's key.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync } from 'node:fs';
import type { BackupContents } from '../../shared/channels/backup.ts';
import { AppError } from '../../shared/errors.ts';
import { readMigrations } from '../store/migrate.ts';
import { APP_ID } from '../store/open-project.ts';
import { fileEncryption, keyForFile, sameKey, type ProjectKey } from '../store/project-key.ts';
import { openFileWithKey, readContents } from './snapshot.ts';

/**
 * What may open an encrypted project inside a backup: the key of the project
 * it is restored over (unchanged since the backup, the usual case), else the
 * passphrase the project had when the backup was made, stretched over the
 * salt in the file (after a change of passphrase the salt differs too).
 */
export interface ProjectUnlock {
  key: ProjectKey | null;
  passphrase?: string;
}

/** The backup's contents, and the key that opens the restored project (null: it is not encrypted). */
export async function verifyProjectFile(path: string, unlock: ProjectUnlock = { key: null }): Promise<{ contents: BackupContents; key: ProjectKey | null }> {
  const encrypted = fileEncryption(path) === 'encrypted';
  if (!encrypted && !startsWithSqliteHeader(path)) throw new AppError('not_a_backup', 'The backup decrypts, but what it holds is not an SQLite file, so it is not a CRM Steward project.');
  const key = encrypted ? await keyFor(path, unlock) : null;
  let db: Database.Database;
  try {
    db = openFileWithKey(path, key);
  } catch (err) {
    throw new AppError('backup_damaged', `The project inside the backup cannot be read by SQLite (${(err as Error).message}), so it was not used.`);
  }
  try {
    // Its own file, never renamed into place with a -wal beside it.
    db.pragma('journal_mode = DELETE');
    const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0].integrity_check !== 'ok') {
      const first = problems.slice(0, 3).map((p) => p.integrity_check).join('; ');
      throw new AppError('backup_damaged', `The project inside the backup fails SQLite's integrity check (${first}), so it was not used.`);
    }
    if (db.pragma('application_id', { simple: true }) !== APP_ID) {
      throw new AppError('not_a_backup', 'The backup holds an SQLite file that is not a CRM Steward project.');
    }
    checkMigrations(db);
    return { contents: readContents(db), key };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('backup_damaged', `The project inside the backup cannot be read by SQLite (${(err as Error).message}), so it was not used.`);
  } finally {
    db.close();
  }
}

/** Every migration the backup records must be one of ours, unchanged; none may be newer than this version knows. */
function checkMigrations(db: Database.Database): void {
  const known = new Map(readMigrations().map((m) => [m.version, m]));
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) throw new AppError('not_a_backup', 'The backup holds an SQLite file without CRM Steward\'s migrations, so it is not a project.');
  const recorded = db.prepare('SELECT version, name, hash FROM schema_migrations ORDER BY version').all() as { version: number; name: string; hash: string }[];
  const newest = Math.max(0, ...known.keys());
  for (const r of recorded) {
    if (r.version > newest) {
      throw new AppError('project_unreadable', `The backup was made by a newer CRM Steward (schema ${r.version}, this version knows ${newest}). Update the app to restore it.`);
    }
    if (known.get(r.version)?.hash !== r.hash) {
      throw new AppError('not_a_backup', `The backup's migration ${r.name} does not match this version's, so it is not a project this app can open.`);
    }
  }
}

/** The first key that opens the encrypted file; none does: refused in one sentence. */
async function keyFor(path: string, unlock: ProjectUnlock): Promise<ProjectKey> {
  const candidates: ProjectKey[] = [];
  if (unlock.key) candidates.push(unlock.key);
  if (unlock.passphrase) {
    const derived = await keyForFile(unlock.passphrase, path);
    if (!unlock.key || !sameKey(derived, unlock.key)) candidates.push(derived);
  }
  for (const key of candidates) {
    try {
      openFileWithKey(path, key).close();
      return key;
    } catch {
      // not this one
    }
  }
  if (candidates.length === 0) {
    throw new AppError('not_a_backup', 'The backup decrypts, but what it holds is not an SQLite file (or is an encrypted project, and this project has no passphrase to open it with), so it was not used.');
  }
  throw new AppError(
    'passphrase_required',
    "The backup decrypts, but the project inside is encrypted with a passphrase the project no longer has (it was changed after the backup was made), or is not a CRM Steward project; enter the project's passphrase from then to restore it.",
  );
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function startsWithSqliteHeader(path: string): boolean {
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}
