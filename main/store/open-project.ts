import Database from 'better-sqlite3-multiple-ciphers';
import { basename, dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { createPrivateFile, ensurePrivateDir } from '../lib/private-files.ts';
import { migrate } from './migrate.ts';
import { fileEncryption, sqliteKey, type ProjectKey } from './project-key.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when it does not exist (new project). */
  create?: boolean;
  readonly?: boolean;
  /**
   * The key of an encrypted project (project-key.ts). With `create` the new
   * project is encrypted with it; an unencrypted project ignores it.
   */
  key?: ProjectKey | null;
}

/** What another thread needs to open its own connection to the same project. */
export interface ProjectAccess {
  path: string;
  key: ProjectKey | null;
}

/** The marker stored in every project so we refuse SQLite files that are not ours. */
export const APP_ID = 0x43524d53; // 'CRMS'
const PAGE_SIZE = 16_384;

/**
 * Each connection's path and key, for the code that starts worker threads
 * from a connection it was given (profiling's checkers, matching's second
 * preparer). Held only in this thread's memory, never written anywhere.
 */
const accessOf = new WeakMap<object, ProjectAccess>();

/** A connection's project and key (any better-sqlite3 connection: one opened elsewhere has no key). */
export function projectAccess(db: { readonly name: string }): ProjectAccess {
  return accessOf.get(db) ?? { path: db.name, key: null };
}

/**
 * Opens (or creates) a project file. Every connection — the service's and each
 * worker's — goes through here so they all get WAL, foreign keys and a busy
 * timeout: a worker importing while the UI pages the grid must not fail with
 * SQLITE_BUSY.
 */
export function openProject(path: string, opts: OpenOptions = {}): Db {
  const state = fileEncryption(path);
  const exists = state !== 'missing';
  if (!exists && !opts.create) throw new AppError('project_not_found', `No project file at ${path}.`);
  if (exists && opts.create) throw new AppError('project_exists', `A file already exists at ${path}; open it instead or choose another name.`);
  if (state === 'encrypted' && !opts.key) throw new AppError('passphrase_required', `${basename(path)} is encrypted: enter its passphrase to open it.`);
  const key = state === 'encrypted' || (!exists && opts.key) ? opts.key ?? null : null;
  if (!exists) {
    // The project holds personal data: 0600 in a 0700 folder when we make one. SQLite gives its
    // journal, WAL and shared-memory files the database file's mode, so they are private too.
    ensurePrivateDir(dirname(path));
    createPrivateFile(path);
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
  } catch (err) {
    throw new AppError('project_unreadable', `${path} is not a CRM Steward project or is damaged: ${(err as Error).message}`);
  }
  try {
    if (key) useKey(db, key);
    // 16 KiB pages: a million-row import spends about a tenth less CPU in
    // SQLite than with 4 KiB (fewer pages to fill, link and log), and the
    // whole-table scans of profiling and matching read fewer pages. The size
    // can only be chosen before the file's first write, so older projects
    // keep theirs.
    if (!exists) db.pragma(`page_size = ${PAGE_SIZE}`);
    // A new file is marked as ours before anything else is written: a process
    // killed while creating it leaves a project that the next open finishes
    // migrating, never tables without the mark (refused as someone else's).
    // This first write also puts page 1 in the file itself, not only in the
    // WAL: an encrypted file's salt lives there, and is read from the file.
    if (!exists) db.pragma(`application_id = ${APP_ID}`);
    // The first read: a wrong key fails here. A read-only connection takes the file's journal mode as it is.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!opts.readonly) db.pragma('journal_mode = WAL');
  } catch (err) {
    db.close();
    throw unreadable(path, err, key !== null);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  db.pragma('synchronous = NORMAL');
  const appId = db.pragma('application_id', { simple: true }) as number;
  const hasTables = (db.prepare("SELECT count(*) n FROM sqlite_master WHERE type='table'").get() as { n: number }).n > 0;
  if (!opts.create && hasTables && appId !== APP_ID) {
    db.close();
    throw new AppError('project_unreadable', `${path} is an SQLite file but not a CRM Steward project.`);
  }
  if (!opts.readonly) {
    migrate(db);
    if (appId !== APP_ID) db.pragma(`application_id = ${APP_ID}`);
  }
  accessOf.set(db, { path, key });
  return db;
}

/**
 * Gives a connection the project's key, before its first read. Temporary
 * tables, sort spills and VACUUM's transient copies are files SQLite3 Multiple
 * Ciphers does not encrypt (it encrypts the database, its WAL and its
 * journals), so an encrypted project keeps them in memory.
 */
export function useKey(db: Db, key: ProjectKey): void {
  useCipher(db);
  const bytes = sqliteKey(key);
  try {
    db.key(bytes);
  } finally {
    bytes.fill(0);
  }
}

/**
 * The cipher every encrypted project uses: SQLCipher 4's format with 16 KiB
 * pages. Set on a connection before it keys its main database or attaches
 * one with a key (the attached file is read with the connection's cipher).
 */
export function useCipher(db: Db): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`legacy_page_size = ${PAGE_SIZE}`);
  db.pragma('temp_store = MEMORY');
}

/** SQLite reports a wrong key as "file is not a database"; so does a damaged file. */
function unreadable(path: string, err: unknown, encrypted: boolean): AppError {
  if (err instanceof AppError) return err;
  if (encrypted && (err as { code?: string }).code === 'SQLITE_NOTADB') {
    return new AppError('wrong_passphrase', `The passphrase does not open ${basename(path)}: it is wrong, or the file is damaged.`);
  }
  return new AppError('project_unreadable', `${path} is not a CRM Steward project or is damaged: ${(err as Error).message}`);
}

/**
 * Runs a bulk write on a project that no other connection can have open (a
 * command has just created it) with a rollback journal instead of the WAL.
 * Through the WAL every page is written twice, into the log and then, when the
 * project closes, into the file, each followed by a sync: a million-row import
 * writes about 500 MB once more. A rollback journal keeps only the few pages
 * that existed before (new pages need no undo), so the import stays all or
 * nothing. `synchronous = FULL` because with a rollback journal NORMAL can
 * lose a committed transaction or damage the file on power loss. Afterwards
 * the project is in WAL mode again, as every open leaves it.
 */
export async function writeAloneWithoutWal<T>(db: Db, work: () => Promise<T>): Promise<T> {
  // SQLite keeps the WAL while another connection has the file open after all.
  if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return work();
  db.pragma('synchronous = FULL');
  try {
    return await work();
  } finally {
    db.pragma('synchronous = NORMAL');
    db.pragma('journal_mode = WAL');
  }
}
