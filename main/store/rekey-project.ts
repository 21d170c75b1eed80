/**
 * Encrypting, decrypting or changing the passphrase of a project: the whole
 * file is written anew with the new key beside the project, checked, and
 * then renamed over it. A crash (or SIGKILL) before the rename leaves the
 * project exactly as it was; after it, the new file is complete. There is
 * never a file that is half one and half the other, and when encrypting no
 * plaintext copy is made (the old file's blocks are freed by the rename, not
 * overwritten: a drive may keep them until reused, which is why a project is
 * best protected when it is created).
 *
 * The copy is SQLite's own VACUUM INTO: the target database takes the key of
 * the connection's main database, so the copy runs from a connection whose
 * main database is an empty "carrier" file keyed with the new key (or not
 * keyed, to decrypt), with the project attached under its current key.
 *
 * The caller holds the project's lock (project-lock.ts) and has closed its
 * own connections to it: the renamed file must not meet a connection still
 * holding the old file's WAL index.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { useCipher, useKey } from './open-project.ts';
import { fileEncryption, sqliteKey, type ProjectKey } from './project-key.ts';

/** The files a re-encryption writes beside the project; left only by a crash, removed by the next one. */
export function rekeyLeftovers(path: string): string[] {
  return [`${path}-rekey`, `${path}-rekey-journal`, `${path}-rekey-key`, `${path}-rekey-key-journal`];
}

export function rekeyProject(path: string, from: ProjectKey | null, to: ProjectKey | null): void {
  if (fileEncryption(path) === 'encrypted' && !from) throw new AppError('passphrase_required', `${basename(path)} is encrypted: its passphrase is needed.`);
  const [next, , carrierPath] = rekeyLeftovers(path);
  removeLeftovers(path);
  const carrier = new Database(carrierPath);
  try {
    if (to) useKey(carrier, to);
    else useCipher(carrier);
    attachProject(carrier, path, from);
    // Nothing else may have the project open: switching it out of WAL needs
    // every other connection gone, and folds the log into the file.
    carrier.pragma('busy_timeout = 200');
    let mode: unknown;
    try {
      mode = carrier.pragma('project.journal_mode = DELETE', { simple: true });
    } catch {
      mode = 'busy';
    }
    if (mode !== 'delete') throw new AppError('project_in_use', `${basename(path)} is open in another program (perhaps a read-only command); close it and try again.`);
    // Keep it that way until the rename: an exclusive lock, held to the end.
    carrier.pragma('project.locking_mode = EXCLUSIVE');
    carrier.exec('BEGIN EXCLUSIVE; COMMIT');
    carrier.prepare('VACUUM project INTO ?').run(next);
    syncFile(next);
    verify(next, to);
    renameSync(next, path);
    syncFile(dirname(path));
  } catch (err) {
    rmSync(next, { force: true });
    throw err;
  } finally {
    carrier.close();
    rmSync(carrierPath, { force: true });
  }
}

function attachProject(carrier: Database.Database, path: string, key: ProjectKey | null): void {
  const bytes = key ? sqliteKey(key) : Buffer.alloc(0);
  try {
    carrier.prepare('ATTACH DATABASE ? AS project KEY ?').run(path, bytes);
    carrier.prepare('SELECT count(*) FROM project.sqlite_master').get();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB' && key) throw new AppError('wrong_passphrase', `The passphrase does not open ${basename(path)}: it is wrong, or the file is damaged.`);
    throw err;
  } finally {
    bytes.fill(0);
  }
}

/** The new file opens with the new key and SQLite finds nothing wrong in it, or the project is left alone. */
function verify(file: string, key: ProjectKey | null): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (key) useKey(db, key);
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new AppError('internal', `The re-encrypted copy failed its check (${String(result)}); the project was left as it was.`);
  } finally {
    db.close();
  }
}

function removeLeftovers(path: string): void {
  for (const f of rekeyLeftovers(path)) if (existsSync(f)) rmSync(f, { force: true });
}

/** Data on disk before the rename; the rename itself on disk before we report success. */
function syncFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return; // a folder cannot be opened on Windows; its rename is durable there without it
  }
  try {
    fsyncSync(fd);
  } catch {
    // fsync on a folder is not supported everywhere; the file itself was synced
  } finally {
    closeSync(fd);
  }
}
