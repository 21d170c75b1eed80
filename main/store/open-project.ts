import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { createPrivateFile, ensurePrivateDir } from '../lib/private-files.ts';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when it does not exist (new project). */
  create?: boolean;
  readonly?: boolean;
}

/** The marker stored in every project so we refuse SQLite files that are not ours. */
export const APP_ID = 0x43524d53; // 'CRMS'
const PAGE_SIZE = 16_384;

/**
 * Opens (or creates) a project file. Every connection — the service's and each
 * worker's — goes through here so they all get WAL, foreign keys and a busy
 * timeout: a worker importing while the UI pages the grid must not fail with
 * SQLITE_BUSY.
 */
export function openProject(path: string, opts: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (!exists && !opts.create) throw new AppError('project_not_found', `No project file at ${path}.`);
  if (exists && opts.create) throw new AppError('project_exists', `A file already exists at ${path}; open it instead or choose another name.`);
  if (!exists) {
    // The project holds personal data: 0600 in a 0700 folder when we make one. SQLite gives its
    // journal, WAL and shared-memory files the database file's mode, so they are private too.
    ensurePrivateDir(dirname(path));
    createPrivateFile(path);
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
    // 16 KiB pages: a million-row import spends about a tenth less CPU in
    // SQLite than with 4 KiB (fewer pages to fill, link and log), and the
    // whole-table scans of profiling and matching read fewer pages. The size
    // can only be chosen before the file's first write, so older projects
    // keep theirs.
    if (!exists) db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
  } catch (err) {
    throw new AppError('project_unreadable', `${path} is not a CRM Steward project or is damaged: ${(err as Error).message}`);
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
  return db;
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

/**
 * Runs a write whose commit must survive power loss (an import, a merge)
 * with `synchronous = FULL`, then puts back the connection's level. In WAL
 * mode NORMAL syncs the log only at checkpoints: the project stays sound on
 * power loss, but the last transactions committed before it can be lost.
 * FULL syncs the log at every commit. SQLite refuses to change the level
 * inside a transaction, so it is set around the work; work that returns a
 * promise keeps it until the promise settles.
 */
export function durably<T>(db: Db, work: () => T): T {
  const level = db.pragma('synchronous', { simple: true }) as number;
  if (level >= 2 || db.inTransaction) return work();
  db.pragma('synchronous = FULL');
  const restore = () => db.pragma(`synchronous = ${level}`);
  let result: T;
  try {
    result = work();
  } catch (err) {
    restore();
    throw err;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
