/**
 * One program at a time writes a project: the app (desktop or browser mode)
 * while it has the project open, or a `crm-steward` command while it runs.
 * A second one is told who has it, instead of two writers taking turns on
 * SQLite's lock and one of them failing half-way through a long job.
 *
 * The lock is a small SQLite file beside the project (`<project>-lock`) in
 * which the holder keeps a write transaction open for as long as it holds
 * the project. The operating system releases that file lock when the holder's
 * process ends in any way, SIGKILL and power loss included, so a lock left
 * by a killed process is simply free: no pid guessing, no stale file to
 * judge (a pid can be reused by an unrelated process). The holder's pid,
 * host, program and start time are committed in the file first, so whoever
 * is refused can say who holds it.
 *
 * Not locked: the app's own worker threads (they serve the holder) and
 * read-only commands, which read a consistent snapshot through the WAL
 * while the holder writes.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { createPrivateFile, ensurePrivateDir } from '../lib/private-files.ts';

export interface LockOwner {
  pid: number;
  host: string;
  /** Which program: "CRM Steward (browser mode)", "crm-steward fix", … */
  program: string;
  since: string;
}

export interface ProjectLock {
  readonly path: string;
  /** Who held the lock before and died without releasing it (the lock was taken over), if anyone. */
  readonly tookOverFrom: LockOwner | null;
  release(): void;
}

/**
 * Every lock this process holds. A connection the garbage collector collects
 * is closed, which would free its lock silently: held here, a lock lives
 * until release() (or the process's end), whoever still refers to it.
 */
const held = new Set<Database.Database>();

export function lockPath(projectPath: string): string {
  return `${projectPath}-lock`;
}

/** Takes the project for this process, or throws AppError('project_in_use') naming the holder. */
export function claimProject(projectPath: string, program: string): ProjectLock {
  ensurePrivateDir(dirname(projectPath)); // a new project's folder: 0700, as openProject would make it
  if (!existsSync(lockPath(projectPath))) {
    try {
      createPrivateFile(lockPath(projectPath)); // it names who has the project: 0600
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err; // another program made it a moment ago
    }
  }
  // Reads wait briefly (a holder commits its row in a moment); taking the lock never waits.
  const db = new Database(lockPath(projectPath), { timeout: 2000 });
  try {
    db.exec('CREATE TABLE IF NOT EXISTS owner (pid INTEGER NOT NULL, host TEXT NOT NULL, program TEXT NOT NULL, since TEXT NOT NULL)');
    if (!tryBegin(db)) throw inUse(projectPath, readOwner(db));
    const previous = readOwner(db);
    db.prepare('DELETE FROM owner').run();
    db.prepare('INSERT INTO owner (pid, host, program, since) VALUES (?, ?, ?, ?)').run(process.pid, hostname(), program, new Date().toISOString());
    // The owner row must be committed for others to read it; another process
    // may take the lock in the moment between COMMIT and BEGIN, and then it
    // holds the project and this one is refused, as if it had come second.
    db.exec('COMMIT');
    if (!tryBegin(db)) throw inUse(projectPath, readOwner(db));
    const tookOverFrom = previous;
    held.add(db);
    return {
      path: projectPath,
      tookOverFrom,
      release: () => {
        if (!db.open) return;
        // Cleared in the transaction that holds the lock, so the row never names a later holder;
        // a row left behind means its holder was killed.
        db.prepare('DELETE FROM owner WHERE pid = ? AND host = ?').run(process.pid, hostname());
        db.exec('COMMIT');
        db.close();
        held.delete(db);
      },
    };
  } catch (err) {
    if (db.open) db.close();
    throw err;
  }
}

/** The lock's current holder, or null when it is free (for messages and tests). */
export function lockOwner(projectPath: string): LockOwner | null {
  let db: Database.Database;
  try {
    db = new Database(lockPath(projectPath), { fileMustExist: true, timeout: 2000 });
  } catch {
    return null;
  }
  try {
    if (tryBegin(db)) {
      db.exec('ROLLBACK');
      return null;
    }
    return readOwner(db);
  } finally {
    db.close();
  }
}

/** BEGIN IMMEDIATE takes the write lock or fails at once: a held lock is not waited for. */
function tryBegin(db: Database.Database): boolean {
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw err;
  } finally {
    db.pragma('busy_timeout = 2000');
  }
}

function readOwner(db: Database.Database): LockOwner | null {
  try {
    return (db.prepare('SELECT pid, host, program, since FROM owner').get() as LockOwner | undefined) ?? null;
  } catch {
    return null; // a lock file from before the table existed, or one being written: no name to give
  }
}

function inUse(projectPath: string, owner: LockOwner | null): AppError {
  const name = basename(projectPath);
  if (!owner) return new AppError('project_in_use', `${name} is in use by another program; close it there and try again.`);
  const where = owner.host === hostname() ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
  const since = owner.since.replace('T', ' ').slice(0, 16);
  return new AppError('project_in_use', `${name} is in use by ${owner.program} (${where}, since ${since} UTC); close it there and try again.`);
}
