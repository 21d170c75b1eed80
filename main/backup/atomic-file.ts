/**
 * A file appears under its final name only once it is whole: it is written
 * under a temporary name beside it, flushed to disk, renamed (atomic within
 * one file system), and the folder is flushed so the rename itself survives
 * a power cut. A crash or SIGKILL at any moment leaves either no file or the
 * complete file under the final name, never a half-written one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_FILE } from '../lib/private-files.ts';

/** `.<final name>.<pid>.<random>.partial`, and the -journal/-wal/-shm SQLite may put beside it. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.partial(?:-journal|-wal|-shm)?$/;

/** A temporary name beside `finalPath`: hidden, and naming the process that writes it. */
export function tempPathFor(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
}

/** Writes `finalPath` through a temporary file; on any error the temporary file is removed and nothing appears. */
export async function writeAtomically<T>(finalPath: string, write: (file: FileHandle) => Promise<T>): Promise<T> {
  const temp = tempPathFor(finalPath);
  // Owner-only: backups and their descriptions are about people.
  const file = await open(temp, 'wx', PRIVATE_FILE);
  try {
    const result = await write(file);
    await file.sync();
    await file.close();
    moveIntoPlace(temp, finalPath);
    return result;
  } catch (err) {
    await file.close().catch(() => {});
    removeWithCompanions(temp);
    throw err;
  }
}

/** Renames a complete, flushed file over `finalPath` and flushes the folder so the new name is durable. */
export function moveIntoPlace(temp: string, finalPath: string): void {
  renameSync(temp, finalPath);
  syncFolder(dirname(finalPath));
}

export function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes a temporary SQLite file and the journal, WAL and shared-memory files it may have. */
export function removeWithCompanions(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * Removes what killed processes left in `folder`: temporary files whose
 * writer is no longer running. Another process's file in progress is left
 * alone (its pid is alive). Returns the names removed.
 */
export function removeAbandoned(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    rmSync(join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
