/**
 * A consistent copy of an open project, taken while other connections keep
 * reading and writing it: with SQLite's online backup API, or, for an
 * encrypted project, with VACUUM INTO (the backup API refuses an encrypted
 * source: its destination connection has no key).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type { BackupContents } from '../../shared/channels/backup.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import { projectAccess, useKey, type Db } from '../store/open-project.ts';
import type { ProjectKey } from '../store/project-key.ts';

/** 1,024 pages (16 MiB at the project's page size) per step: progress about every few tenths of a second. */
const PAGES_PER_STEP = 1024;

export interface SnapshotOptions {
  signal?: Cancellation;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Pages copied per step (the tests use small steps so a small project takes many). */
  pagesPerStep?: number;
}

/**
 * Copies the project behind `db` into a new file at `dest`, as it stood at
 * one moment. The backup API copies a step of pages at a time; between
 * steps another connection may commit, and the API then starts over from
 * the first page, so a steady trickle of edits would keep a large backup
 * from ever finishing. Holding one read transaction for the whole copy
 * pins the WAL snapshot it reads: every step sees the same moment, nothing
 * restarts, and writers carry on (WAL readers do not block writers).
 */
export async function snapshotProject(db: Db, dest: string, opts: SnapshotOptions = {}): Promise<void> {
  if (db.inTransaction) throw new Error('snapshotProject needs a connection outside any transaction.');
  if (projectAccess(db).key) return vacuumInto(db, dest, opts);
  db.exec('BEGIN');
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // the read transaction starts here
    await db.backup(dest, {
      progress: ({ totalPages, remainingPages }) => {
        throwIfCancelled(opts.signal, 'The backup was cancelled; no backup file was written.');
        opts.onProgress?.({ done: totalPages - remainingPages, total: totalPages });
        return opts.pagesPerStep ?? PAGES_PER_STEP;
      },
    });
  } finally {
    db.exec('COMMIT');
  }
}

/**
 * An encrypted project's snapshot: VACUUM INTO writes the copy with the key
 * of the connection's main database, so the copy is encrypted exactly as the
 * project is (same key, same salt: the same passphrase opens it) and no page
 * of it is ever on disk in the clear. It reads inside one transaction, so it
 * is one moment of the project while writers carry on. It is one statement:
 * progress is its start and end, and a cancel is seen after it.
 */
function vacuumInto(db: Db, dest: string, opts: SnapshotOptions): void {
  throwIfCancelled(opts.signal, 'The backup was cancelled; no backup file was written.');
  opts.onProgress?.({ done: 0, total: 1 });
  db.prepare('VACUUM INTO ?').run(dest);
  throwIfCancelled(opts.signal, 'The backup was cancelled; no backup file was written.');
  opts.onProgress?.({ done: 1, total: 1 });
}

/**
 * Opens a project file that is not open anywhere else (a snapshot, a
 * decrypted backup), with its key when it is encrypted.
 */
export function openFileWithKey(path: string, key: ProjectKey | null, opts: { timeout?: number } = {}): Database.Database {
  const db = new Database(path, { fileMustExist: true, ...(opts.timeout === undefined ? {} : { timeout: opts.timeout }) });
  try {
    if (key) useKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // a wrong key fails here
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Readies a snapshot to travel and says what it holds. Its header is
 * switched from WAL to a rollback journal, so the file recovered with
 * `age -d | gunzip` is one self-contained file that any SQLite opens, and a
 * restore never needs a -wal file beside it.
 */
export function describeSnapshot(path: string, key: ProjectKey | null): BackupContents {
  const db = openFileWithKey(path, key);
  try {
    db.pragma('journal_mode = DELETE');
    return readContents(db);
  } finally {
    db.close();
  }
}

/** Counts and the newest change, as the backup list shows them. */
export function readContents(db: Database.Database): BackupContents {
  const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const has = (table: string): boolean => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const batch = has('change_batches') ? (db.prepare('SELECT at, kind FROM change_batches ORDER BY id DESC LIMIT 1').get() as { at: string; kind: string } | undefined) : undefined;
  const imported = db.prepare('SELECT imported_at FROM sources ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  // The newer of the last batch of changes and the last import.
  const lastChange = batch && (!imported || batch.at >= imported) ? batch : imported ? { at: imported, kind: 'import' } : null;
  return {
    customers: count('customers'),
    sources: count('sources'),
    quarantined: count('quarantine'),
    lastChange,
    schemaVersion: (db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null) ?? 0,
  };
}
