/**
 * Files and folders that hold customer data (projects, uploads, exports,
 * reports, backups) or say where it is (the recent-projects list) are
 * created readable by their owner only: on a shared machine another account
 * must not be able to read them, whatever the umask says. On Windows the
 * modes are ignored and the user's profile folder's ACL applies instead.
 */
import { chmodSync, closeSync, createWriteStream, fchmodSync, mkdirSync, openSync, statSync, writeFileSync, type WriteStream } from 'node:fs';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/**
 * Creates a folder (and its missing parents) as 0700. A folder that already
 * existed keeps its mode unless `own` says it is the app's own folder (its
 * data or uploads folder), which is tightened: a user's Documents folder is
 * theirs to set, ours is not.
 */
export function ensurePrivateDir(path: string, own = false): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR });
  if (own && (statSync(path).mode & 0o777) !== PRIVATE_DIR) chmodSync(path, PRIVATE_DIR);
}

/** Writes a whole file as 0600; a file that existed is tightened too, since its new content is ours. */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data, { mode: PRIVATE_FILE });
  chmodSync(path, PRIVATE_FILE);
}

/** Opens a file for writing (created or truncated) as 0600 and returns its descriptor. */
export function openPrivateFile(path: string, flags: 'w' | 'wx' = 'w'): number {
  const fd = openSync(path, flags, PRIVATE_FILE);
  try {
    fchmodSync(fd, PRIVATE_FILE);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return fd;
}

/** Creates an empty file as 0600 where none exists yet (an SQLite file's journal and WAL then take its mode). */
export function createPrivateFile(path: string): void {
  closeSync(openPrivateFile(path, 'wx'));
}

/** A write stream to a new or truncated 0600 file. */
export function privateWriteStream(path: string, flags: 'w' | 'wx' = 'w'): WriteStream {
  return createWriteStream(path, { fd: openPrivateFile(path, flags) });
}
