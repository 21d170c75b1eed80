/**
 * Backing up a project: a consistent snapshot, compressed and encrypted
 * into one file that appears only when complete, with its description
 * beside it; then retention removes the backups the policy no longer keeps.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MIN_PASSPHRASE_LENGTH, type BackupEntry, type BackupReason, type BackupResult } from '../../shared/channels/backup.ts';
import { AppError } from '../../shared/errors.ts';
import type { Cancellation } from '../lib/cancellation.ts';
import { projectAccess, type Db } from '../store/open-project.ts';
import { removeAbandoned, removeWithCompanions, tempPathFor } from './atomic-file.ts';
import { describeBackup, ensureFolder, listBackups, newBackupPath, readBackupEntry, removeBackup } from './backup-folder.ts';
import { backupsToKeep, type RetentionPolicy } from './retention.ts';
import { seal } from './sealed-file.ts';
import { describeSnapshot, snapshotProject } from './snapshot.ts';

export interface BackupProgress {
  step: 'snapshot' | 'encrypt';
  done: number;
  total: number;
}

export interface BackupOptions {
  signal?: Cancellation;
  onProgress?: (p: BackupProgress) => void;
  /** See SnapshotOptions. */
  pagesPerStep?: number;
}

/** Refuses a passphrase too short to resist guessing, with the reason. */
export function assertNewPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('invalid_input', `A backup passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
}

/**
 * Writes a backup of the project behind `db` to `out`. The snapshot is an
 * SQLite file as the project is (plain, or encrypted with the project's key),
 * so it is made beside the project (the same disk and the same protection as
 * the project itself, never a backup drive or a memory-backed /tmp) and
 * removed as soon as it is sealed.
 */
export async function backupProject(db: Db, projectPath: string, out: string, passphrase: string, reason: BackupReason, opts: BackupOptions = {}): Promise<BackupEntry> {
  assertNewPassphrase(passphrase);
  if (existsSync(out)) throw new AppError('invalid_input', `${out} already exists; choose another name for the backup.`);
  ensureFolder(dirname(out));
  removeAbandoned(dirname(projectPath));
  removeAbandoned(dirname(out));
  const snapshot = tempPathFor(projectPath);
  try {
    const createdAt = new Date().toISOString();
    await snapshotProject(db, snapshot, { signal: opts.signal, pagesPerStep: opts.pagesPerStep, onProgress: (p) => opts.onProgress?.({ step: 'snapshot', ...p }) });
    const contents = describeSnapshot(snapshot, projectAccess(db).key);
    const bytes = await seal(snapshot, out, passphrase, { signal: opts.signal, onBytes: (done, total) => opts.onProgress?.({ step: 'encrypt', done, total }) });
    await describeBackup(out, { createdAt, reason, bytes, contents });
    return readBackupEntry(out);
  } finally {
    removeWithCompanions(snapshot);
  }
}

export interface FolderBackupOptions extends BackupOptions {
  /** Backups retention must not remove this time (the one being restored). */
  protect?: string[];
}

/** A backup into the project's backup folder, then retention over that folder. */
export async function backupToFolder(db: Db, projectPath: string, folder: string, passphrase: string, reason: BackupReason, policy: RetentionPolicy, opts: FolderBackupOptions = {}): Promise<BackupResult> {
  const backup = await backupProject(db, projectPath, newBackupPath(folder, projectPath, reason, new Date()), passphrase, reason, opts);
  return { backup, removed: applyRetention(folder, projectPath, policy, opts.protect) };
}

/** Removes this project's backups the policy does not keep; returns their names. */
export function applyRetention(folder: string, projectPath: string, policy: RetentionPolicy, protect: string[] = []): string[] {
  const all = listBackups(folder, projectPath);
  const keep = backupsToKeep(all, policy);
  const drop = all.filter((b) => !keep.has(b) && !protect.some((p) => resolve(p) === resolve(b.path)));
  for (const b of drop) removeBackup(b.path);
  return drop.map((b) => b.name);
}
