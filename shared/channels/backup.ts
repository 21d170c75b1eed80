import { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '../domain/backup-rules.ts';

/**
 * Backups (issue 11): encrypted snapshots of the open project, listed with
 * what they hold, made on demand, on a schedule and before risky work, and
 * restored after they have been verified.
 */

/** Why a backup was made; the list shows it and retention treats them all alike. */
export const BackupReason = z.enum(['manual', 'scheduled', 'before-fix', 'before-merge', 'before-restore']);
export type BackupReason = z.infer<typeof BackupReason>;

/** What the project held when the backup was taken, read from the snapshot itself. */
export const BackupContents = z.object({
  customers: z.number(),
  sources: z.number(),
  quarantined: z.number(),
  /** The newest change to the records (a batch of the change history, or an import). */
  lastChange: z.object({ at: z.string(), kind: z.string() }).nullable(),
  /** The newest migration the project had; a backup from an older version is upgraded when restored. */
  schemaVersion: z.number(),
});
export type BackupContents = z.infer<typeof BackupContents>;

export const BackupEntry = z.object({
  /** The file's name inside the backup folder (what `backup:restore` takes). */
  name: z.string(),
  path: z.string(),
  createdAt: z.string(),
  bytes: z.number(),
  reason: BackupReason.nullable(),
  /** null when the file's description (the .json beside it) is missing or unreadable. */
  contents: BackupContents.nullable(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/** An absolute path on Unix or Windows (shared code cannot ask node:path): a relative one would depend on where the app was started. */
function isFullPath(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path);
}

export const BackupSettings = z.object({
  /** Where backups go; null: a folder "<project name> backups" beside the project. */
  folder: z.string().min(1).refine(isFullPath, 'The backup folder must be a full path, such as /home/me/Backups or D:\\Backups.').nullable(),
  /** Hours between automatic backups while the project is open; 0 turns them off. */
  scheduleHours: z.number().int().min(0).max(24 * 7),
  /** Back up before bulk fixes, bulk merges and restores. */
  beforeRisky: z.boolean(),
  /** Retention: the newest N backups, the newest of each of the last D days and W weeks that have one. */
  keepLast: z.number().int().min(1).max(1000),
  keepDaily: z.number().int().min(0).max(366),
  keepWeekly: z.number().int().min(0).max(520),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

/** Settings apply to this project only, or are the app's defaults for every project without its own. */
export const SettingsScope = z.enum(['project', 'app']);
export type SettingsScope = z.infer<typeof SettingsScope>;

export const PassphraseStatus = z.object({
  /** A passphrase is available for this project in this session (typed, or remembered in the keychain). */
  known: z.boolean(),
  /** It is stored in the operating system's keychain (desktop only). */
  remembered: z.boolean(),
  /** This app can remember passphrases (the desktop app with a keychain; not browser mode). */
  canRemember: z.boolean(),
});
export type PassphraseStatus = z.infer<typeof PassphraseStatus>;

export const BackupOverview = z.object({
  folder: z.string(),
  settings: BackupSettings,
  scope: SettingsScope,
  passphrase: PassphraseStatus,
  /** Newest first. */
  backups: z.array(BackupEntry),
  /** When the next automatic backup is due; null when the schedule is off. */
  nextScheduledAt: z.string().nullable(),
  /** The last backup of this session that failed (an automatic one has nobody watching), until one succeeds. */
  lastError: z.object({ at: z.string(), reason: BackupReason, code: z.string(), message: z.string() }).nullable(),
});
export type BackupOverview = z.infer<typeof BackupOverview>;

/** What a backup job returns (job:done's result). */
export const BackupResult = z.object({ backup: BackupEntry, removed: z.array(z.string()) });
export type BackupResult = z.infer<typeof BackupResult>;

/** What a restore job returns: what is in the project now, and the backup of what was there before. */
export const RestoreResult = z.object({ restored: BackupContents, previous: BackupEntry.nullable() });
export type RestoreResult = z.infer<typeof RestoreResult>;

export { MIN_PASSPHRASE_LENGTH };
const NewPassphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `A backup passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`).max(1024);

export const backupChannels = {
  'backup:overview': { input: z.object({}).strict().default({}), output: BackupOverview },
  'backup:start': {
    /** Without a passphrase the one known for this project is used. */
    input: z.object({ passphrase: NewPassphrase.optional(), remember: z.boolean().default(false) }),
    output: z.object({ jobId: z.string() }),
  },
  'backup:restore': {
    // projectPassphrase: an encrypted project's passphrase when the backup was made, if it has changed since.
    input: z.object({ name: z.string().min(1).max(500), passphrase: z.string().min(1).max(1024).optional(), projectPassphrase: z.string().min(1).max(1024).optional() }),
    output: z.object({ jobId: z.string() }),
  },
  'backup:settings': { input: z.object({ settings: BackupSettings, scope: SettingsScope }), output: BackupOverview },
  /** Sets (null: forgets) the passphrase for this project; `remember` keeps it in the keychain. */
  'backup:passphrase': { input: z.object({ passphrase: NewPassphrase.nullable(), remember: z.boolean().default(false) }), output: PassphraseStatus },
} as const;
