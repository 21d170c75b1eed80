/**
 * Where a project's backups live and how they are named and described.
 * Each backup is two files: `<project>-<UTC time>-<reason>.crmsteward.gz.age`
 * and a `.json` beside it saying when it was made, why, its size and what
 * the project held, so the list needs no passphrase. The list lives in the
 * folder, not in the project: restoring an older project must not forget
 * the backups made after it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { BackupContents, BackupReason, type BackupEntry, type BackupSettings } from '../../shared/channels/backup.ts';
import { AppError } from '../../shared/errors.ts';
import { writeAtomically } from './atomic-file.ts';

export const BACKUP_EXTENSION = '.crmsteward.gz.age';
const SIDECAR = '.json';

/** The project's name as backups are named after it: its file name without the extension. */
export function projectStem(projectPath: string): string {
  return basename(projectPath, extname(projectPath));
}

/** The configured folder, or "<project name> backups" beside the project. */
export function backupFolder(projectPath: string, settings: Pick<BackupSettings, 'folder'>): string {
  return settings.folder ?? join(dirname(projectPath), `${projectStem(projectPath)} backups`);
}

/** A new backup's path: UTC time to the millisecond, so names sort by time and two backups never collide. */
export function newBackupPath(folder: string, projectPath: string, reason: BackupReason, at: Date): string {
  const stamp = at.toISOString().replace(/:/g, '-').replace('.', '-'); // 2026-12-05T10-30-00-123Z
  return join(folder, `${projectStem(projectPath)}-${stamp}-${reason}${BACKUP_EXTENSION}`);
}

const NAME = /^(.*)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.crmsteward\.gz\.age$/;

/** What a backup's name says: whose, when and why (for files whose description is lost). */
export function parseBackupName(name: string): { stem: string; createdAt: string; reason: BackupReason | null } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, stem, stamp, reason] = m;
  const iso = stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
  const parsed = BackupReason.safeParse(reason);
  return { stem, createdAt: iso, reason: parsed.success ? parsed.data : null };
}

interface Sidecar {
  format: 1;
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  contents: BackupContents;
}

/** Writes the description beside a backup (atomically, like the backup). */
export async function describeBackup(path: string, entry: Omit<Sidecar, 'format'>): Promise<void> {
  const sidecar: Sidecar = { format: 1, ...entry };
  await writeAtomically(path + SIDECAR, async (file) => void (await file.writeFile(`${JSON.stringify(sidecar, null, 2)}\n`)));
}

/** A backup file as the list shows it; its description when it can be read. */
export function readBackupEntry(path: string): BackupEntry {
  const name = basename(path);
  const bytes = statSync(path).size;
  const fromName = parseBackupName(name);
  const sidecar = readSidecar(path);
  return {
    name,
    path,
    createdAt: sidecar?.createdAt ?? fromName?.createdAt ?? statSync(path).mtime.toISOString(),
    bytes,
    reason: sidecar?.reason ?? fromName?.reason ?? null,
    contents: sidecar?.contents ?? null,
  };
}

function readSidecar(path: string): Sidecar | null {
  try {
    const raw = JSON.parse(readFileSync(path + SIDECAR, 'utf8')) as Partial<Sidecar>;
    const contents = BackupContents.safeParse(raw.contents);
    const reason = BackupReason.safeParse(raw.reason);
    if (raw.format !== 1 || typeof raw.createdAt !== 'string' || typeof raw.bytes !== 'number' || !contents.success || !reason.success) return null;
    return { format: 1, createdAt: raw.createdAt, reason: reason.data, bytes: raw.bytes, contents: contents.data };
  } catch {
    return null;
  }
}

/** The size the description recorded, to tell a cut-short file from a damaged one before decrypting. */
export function recordedSize(path: string): number | null {
  return readSidecar(path)?.bytes ?? null;
}

/** This project's backups in `folder`, newest first. Other projects' backups sharing the folder are left out. */
export function listBackups(folder: string, projectPath: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const stem = projectStem(projectPath);
  return names
    .filter((n) => parseBackupName(n)?.stem === stem)
    .map((n) => readBackupEntry(join(folder, n)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The backup called `name` in the folder; only names the list shows are accepted, never a path. */
export function findBackup(folder: string, projectPath: string, name: string): BackupEntry {
  const entry = listBackups(folder, projectPath).find((b) => b.name === name);
  if (!entry) throw new AppError('not_found', `There is no backup called ${name} in ${folder}.`);
  return entry;
}

export function removeBackup(path: string): void {
  rmSync(path, { force: true });
  rmSync(path + SIDECAR, { force: true });
}

/** Makes the backup folder (owner-only), or says in one sentence why it cannot be. */
export function ensureFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new AppError('invalid_input', `The backup folder ${folder} cannot be created (${code}); choose another in the backup settings.`);
  }
}
