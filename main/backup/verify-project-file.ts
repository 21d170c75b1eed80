/**
 * Checks a decrypted backup before it may replace a project: SQLite finds
 * nothing wrong with it, it is a CRM Steward project, and its schema is one
 * this version knows (older is fine: it is upgraded when opened).
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import type { BackupContents } from '../../shared/channels/backup.ts';
import { AppError } from '../../shared/errors.ts';
import { readMigrations } from '../store/migrate.ts';
import { APP_ID } from '../store/open-project.ts';
import { readContents } from './snapshot.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

export function verifyProjectFile(path: string): BackupContents {
  if (!startsWithSqliteHeader(path)) throw new AppError('not_a_backup', 'The backup decrypts, but what it holds is not an SQLite file, so it is not a CRM Steward project.');
  const db = new Database(path);
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
    return readContents(db);
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

function startsWithSqliteHeader(path: string): boolean {
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}
