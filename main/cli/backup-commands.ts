/**
 * Backups from the command line (issue 11): back up, list, restore. A
 * refusal (wrong passphrase, damaged or cut-short file, project open
 * elsewhere) exits 1 with one sentence on stderr, and with --json also as
 * {"error": {"code", "message"}} on stdout. Ctrl-C stops the work and
 * removes what it had written.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupEntry, BackupReason } from '../../shared/channels/backup.ts';
import { AppError, toErrorPayload } from '../../shared/errors.ts';
import { backupFolder, listBackups } from '../backup/backup-folder.ts';
import { backupSettingsFor } from '../backup/backup-settings.ts';
import { backupProject, backupToFolder } from '../backup/create-backup.ts';
import { restoreProject } from '../backup/restore-backup.ts';
import { defaultPaths } from '../server/app-paths.ts';
import type { Db } from '../store/open-project.ts';
import { claimProject } from '../store/project-lock.ts';
import { fileEncryption, keyForFile } from '../store/project-key.ts';
import { stringOption, requireOption, UsageError, type ParsedArgs } from './args.ts';
import { print } from './output.ts';
import { currentPassphrase, PASSPHRASE_ENV } from './passphrase.ts';
import { backupPassphrase, canGetPassphrase } from './passphrase-prompt.ts';
import { withProject } from './project-session.ts';
import { progressPrinter } from './progress.ts';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;
const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function describe(b: BackupEntry): string {
  const c = b.contents;
  return c ? `${count(c.customers, 'customer', 'customers')}, ${count(c.sources, 'source', 'sources')}` : 'contents not recorded';
}

/** Runs `work` with a signal Ctrl-C aborts (a cancelled backup or restore removes its temporary files). */
async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.on('SIGINT', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
  }
}

/** Prints refusals as JSON too when --json asked for JSON; the caller prints the sentence and exits 1. */
async function reportingErrors(args: ParsedArgs, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    if (args.options.has('json') && err instanceof AppError) process.stdout.write(`${JSON.stringify({ error: toErrorPayload(err) })}\n`);
    throw err;
  }
}

function projectPathOf(args: ParsedArgs): string {
  return resolve(requireOption(args, 'project'));
}

export async function backupCommand(args: ParsedArgs): Promise<number> {
  return reportingErrors(args, async () => {
    const out = stringOption(args, 'out');
    // A backup only reads: it takes no lock, and works while the app has the project open.
    return withProject(args, { command: 'backup', access: 'read' }, async ({ db, path: projectPath }) => {
      const passphrase = await backupPassphrase('to encrypt the new backup', true);
      const { settings } = backupSettingsFor(defaultPaths().dataDir, projectPath);
      const progress = progressPrinter(args.options.has('json'));
      const started = performance.now();
      const result = await interruptible(async (signal) => {
        const opts = { signal, onProgress: progress };
        // --out writes exactly that file; otherwise the project's folder, with its retention.
        if (out) return { backup: await backupProject(db, projectPath, resolve(out), passphrase, 'manual', opts), removed: [] as string[] };
        return backupToFolder(db, projectPath, backupFolder(projectPath, settings), passphrase, 'manual', settings, opts);
      });
      const seconds = (performance.now() - started) / 1000;
      print(args, { ...result, seconds }, () => [
        `Backed up ${describe(result.backup)} to ${result.backup.path} (${mb(result.backup.bytes)}, ${seconds.toFixed(1)} s).`,
        ...result.removed.map((name) => `Removed ${name} (retention).`),
      ]);
      return 0;
    });
  });
}

export async function backupsCommand(args: ParsedArgs): Promise<number> {
  const projectPath = projectPathOf(args);
  const { settings } = backupSettingsFor(defaultPaths().dataDir, projectPath);
  const folder = backupFolder(projectPath, settings);
  const backups = listBackups(folder, projectPath);
  print(args, { folder, backups }, () => [
    backups.length === 0 ? `No backups in ${folder}.` : `Backups in ${folder}, newest first:`,
    ...backups.map((b) => `  ${b.createdAt}  ${(b.reason ?? '').padEnd(14)} ${mb(b.bytes).padStart(9)}  ${describe(b)}  ${b.name}`),
  ]);
  return 0;
}

export async function restoreCommand(args: ParsedArgs): Promise<number> {
  return reportingErrors(args, async () => {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length > 0) throw new UsageError('Name one backup file to restore.');
    const projectPath = projectPathOf(args);
    const backupPath = resolve(file);
    if (!existsSync(backupPath)) throw new AppError('file_not_found', `There is no backup file at ${backupPath}.`);
    const passphrase = await backupPassphrase('to open this backup', false);
    const { settings } = backupSettingsFor(defaultPaths().dataDir, projectPath);
    const progress = progressPrinter(args.options.has('json'));
    // An encrypted project's key now; the backup of an encrypted project holds it encrypted, and
    // CRM_STEWARD_PASSPHRASE also opens one encrypted with the project's passphrase then (a new machine).
    const key = fileEncryption(projectPath) === 'encrypted' ? await keyForFile(await currentPassphrase(projectPath), projectPath) : null;
    const project = { key, passphrase: process.env[PASSPHRASE_ENV] || undefined };
    // Once the backup is verified the project is held for the restore, but not opened: replacing its file needs every connection closed.
    const claim = () => claimProject(projectPath, 'crm-steward restore');
    const result = await interruptible((signal) =>
      restoreProject({ backupPath, projectPath, passphrase, previous: { folder: backupFolder(projectPath, settings), passphrase, policy: settings }, project, claim }, { signal, onProgress: progress }),
    );
    const c = result.restored;
    print(args, { project: projectPath, ...result }, () => [
      `Restored ${projectPath} from ${backupPath}: ${count(c.customers, 'customer', 'customers')}, ${count(c.sources, 'source', 'sources')}.`,
      result.previous ? `The project as it was before is kept in ${result.previous.path}.` : 'There was no project at that path before.',
    ]);
    return 0;
  });
}

/**
 * The backup `fix --apply-*` (and later a bulk merge) makes before changing
 * records, when the settings ask for one. Without a passphrase to be had
 * (no variable, no terminal) it says so and the change goes ahead: every
 * change is in the undo history either way.
 */
export async function backUpBeforeBulkChange(db: Db, projectPath: string, reason: BackupReason, args: ParsedArgs): Promise<BackupEntry | null> {
  const { settings } = backupSettingsFor(defaultPaths().dataDir, projectPath);
  if (!settings.beforeRisky || args.options.has('no-backup')) return null;
  if (!canGetPassphrase()) {
    process.stderr.write('No backup was made first: set CRM_STEWARD_BACKUP_PASSPHRASE for one, or pass --no-backup to say you want none.\n');
    return null;
  }
  const passphrase = await backupPassphrase('to encrypt the backup made before the change', true);
  const progress = progressPrinter(args.options.has('json'));
  const { backup } = await interruptible((signal) => backupToFolder(db, projectPath, backupFolder(projectPath, settings), passphrase, reason, settings, { signal, onProgress: progress }));
  if (!args.options.has('json')) console.log(`Backed up first to ${backup.path}.`);
  return backup;
}
