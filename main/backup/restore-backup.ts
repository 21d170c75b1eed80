/**
 * Restoring a backup, in an order that never risks the project: decrypt
 * into a temporary file beside it, verify that copy, back up the project as
 * it is, and only then rename the copy over it. Until that rename the
 * project is untouched; after it the project is the backup's. A wrong
 * passphrase, a cut-short or changed file is refused before anything else
 * happens.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupContents, BackupEntry, RestoreResult } from '../../shared/channels/backup.ts';
import { AppError } from '../../shared/errors.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import { openProject } from '../store/open-project.ts';
import type { ProjectKey } from '../store/project-key.ts';
import { moveIntoPlace, removeAbandoned, removeWithCompanions, tempPathFor } from './atomic-file.ts';
import { recordedSize } from './backup-folder.ts';
import { backupToFolder, type BackupProgress } from './create-backup.ts';
import type { RetentionPolicy } from './retention.ts';
import { unseal } from './sealed-file.ts';
import { openFileWithKey } from './snapshot.ts';
import { verifyProjectFile, type ProjectUnlock } from './verify-project-file.ts';

export interface RestoreProgress {
  step: 'decrypt' | 'verify' | BackupProgress['step'];
  done: number;
  total: number;
}

export interface RestoreOptions {
  signal?: Cancellation;
  onProgress?: (p: RestoreProgress) => void;
  /** For an encrypted project: the key it has now, and the passphrase it had when backed up if that differs. */
  project?: ProjectUnlock;
}

const cancelled = 'The restore was cancelled; the project was not changed.';

/**
 * Decrypts and verifies a backup into a temporary file beside the project
 * (so the final rename stays on one file system). The project is not
 * touched; on any failure the temporary file is gone.
 */
export async function stageRestore(backupPath: string, projectPath: string, passphrase: string, opts: RestoreOptions = {}): Promise<{ staged: string; contents: BackupContents; key: ProjectKey | null }> {
  if (!existsSync(backupPath)) throw new AppError('file_not_found', `There is no backup file at ${backupPath}.`);
  checkRecordedSize(backupPath);
  removeAbandoned(dirname(projectPath));
  const staged = tempPathFor(projectPath);
  try {
    await unseal(backupPath, staged, passphrase, { signal: opts.signal, onBytes: (done, total) => opts.onProgress?.({ step: 'decrypt', done, total }) });
    throwIfCancelled(opts.signal, cancelled);
    opts.onProgress?.({ step: 'verify', done: 0, total: 1 });
    const { contents, key } = await verifyProjectFile(staged, opts.project);
    throwIfCancelled(opts.signal, cancelled);
    return { staged, contents, key };
  } catch (err) {
    removeWithCompanions(staged);
    throw err;
  }
}

/** The description beside a backup records its size: a shorter file was cut short, a longer one changed. */
function checkRecordedSize(backupPath: string): void {
  const expected = recordedSize(backupPath);
  const actual = statSync(backupPath).size;
  if (expected === null || expected === actual) return;
  if (actual < expected) {
    throw new AppError('backup_incomplete', `The backup file is incomplete: it has ${actual.toLocaleString('en-US')} of the ${expected.toLocaleString('en-US')} bytes written when it was made.`);
  }
  throw new AppError('backup_damaged', `The backup file has been changed: it has ${actual.toLocaleString('en-US')} bytes where ${expected.toLocaleString('en-US')} were written.`);
}

/**
 * Renames a verified staged copy over the project. No connection to the
 * project may be open in this process. Leaving WAL mode needs the only
 * connection to the file, so it proves no other program has it open (one
 * that had would keep writing into the replaced file and lose its work),
 * and it folds the WAL into the file: no -wal is left that SQLite could
 * apply to the restored file.
 */
export function replaceProject(projectPath: string, staged: string, key: ProjectKey | null): void {
  if (existsSync(projectPath)) {
    let mode: unknown = 'busy';
    // `key`: the project's own (when it is encrypted), to read its header.
    const db = openFileWithKey(projectPath, key, { timeout: 2000 });
    try {
      mode = db.pragma('journal_mode = DELETE', { simple: true });
    } catch {
      // SQLITE_BUSY: someone is writing to it
    } finally {
      db.close();
    }
    if (mode !== 'delete' || existsSync(`${projectPath}-wal`)) {
      throw new AppError('busy', 'The project is open in another window or command; close it there, then restore again.');
    }
  }
  moveIntoPlace(staged, projectPath);
}

export interface RestoreRequest {
  backupPath: string;
  projectPath: string;
  passphrase: string;
  /** Where the project as it was goes first, and with which passphrase and retention. */
  previous: { folder: string; passphrase: string; policy: RetentionPolicy };
  /** An encrypted project's key now (and passphrase then); see ProjectUnlock. */
  project?: ProjectUnlock;
  /**
   * Takes the project for this program (project-lock.ts) once the backup is
   * verified, until the restore ends: a refused backup leaves no trace.
   */
  claim?: () => { release(): void };
}

/** The whole restore in this process (the CLI): verify, back up what is there, replace. */
export async function restoreProject(req: RestoreRequest, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const { staged, contents } = await stageRestore(req.backupPath, req.projectPath, req.passphrase, { ...opts, project: req.project });
  let held: { release(): void } | null = null;
  try {
    held = req.claim?.() ?? null;
    const previous = existsSync(req.projectPath) ? await backUpBeforeRestore(req, opts) : null;
    throwIfCancelled(opts.signal, cancelled);
    replaceProject(req.projectPath, staged, req.project?.key ?? null);
    return { restored: contents, previous };
  } catch (err) {
    removeWithCompanions(staged);
    throw err;
  } finally {
    held?.release();
  }
}

async function backUpBeforeRestore(req: RestoreRequest, opts: RestoreOptions): Promise<BackupEntry> {
  const db = openProject(req.projectPath, { key: req.project?.key });
  try {
    const { folder, passphrase, policy } = req.previous;
    return (await backupToFolder(db, req.projectPath, folder, passphrase, 'before-restore', policy, { ...opts, protect: [req.backupPath] })).backup;
  } finally {
    db.close();
  }
}
