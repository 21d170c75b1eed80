/**
 * The service's side of backups: which settings and passphrase apply to the
 * open project, the schedule, the backup before a bulk change, and the
 * moment a verified restore replaces the project file.
 */
import { resolve } from 'node:path';
import type { BackupOverview, BackupReason, RestoreResult } from '../../shared/channels/backup.ts';
import type { JobDone } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { removeWithCompanions } from '../backup/atomic-file.ts';
import { backupFolder, findBackup, listBackups } from '../backup/backup-folder.ts';
import { backupSettingsFor } from '../backup/backup-settings.ts';
import { replaceProject } from '../backup/restore-backup.ts';
import { backupDue, nextBackupAt } from '../backup/schedule.ts';
import type { BackupJobInput, RestoreJobInput, StagedRestore } from '../jobs/backup-jobs.ts';
import type { JobKindName } from '../jobs/job-kinds.ts';
import { PassphraseVault } from './passphrase-vault.ts';
import type { ServiceContext } from './service-context.ts';

/** Job kinds that change many records at once, and how their backup is labelled. 'merge' is the bulk merge's kind once it exists. */
const riskyKinds: Record<string, BackupReason> = { 'fix-apply': 'before-fix', merge: 'before-merge' };

const TICK_MS = 60_000;
/** A failed automatic backup (a backup drive unplugged) is tried again after this, not every minute. */
const RETRY_MS = 15 * 60_000;

export class BackupService {
  readonly vault: PassphraseVault;
  private readonly lastError = new Map<string, NonNullable<BackupOverview['lastError']>>();
  private readonly lastScheduledTry = new Map<string, number>();

  constructor(private readonly ctx: ServiceContext) {
    this.vault = new PassphraseVault(ctx.options.backupKeychain ?? null);
    ctx.addJobHooks({ prepare: (kind, input) => this.backupFirst(kind, input), finish: (d) => this.finish(d) });
    const timer = setInterval(() => this.tick(), TICK_MS);
    timer.unref(); // a schedule never keeps the process alive
    ctx.onDispose(() => clearInterval(timer));
  }

  overview(): BackupOverview {
    const { path } = this.ctx.project();
    const { settings, scope } = backupSettingsFor(this.ctx.options.dataDir, path);
    const folder = backupFolder(path, settings);
    const backups = listBackups(folder, path);
    const next = nextBackupAt(settings.scheduleHours, backups[0]?.createdAt ?? null, new Date());
    return {
      folder, settings, scope, backups,
      passphrase: this.vault.status(path),
      nextScheduledAt: next?.toISOString() ?? null,
      lastError: this.lastError.get(resolve(path)) ?? null,
    };
  }

  startBackup(passphrase: string | undefined, remember: boolean): string {
    const { path } = this.ctx.project();
    if (passphrase !== undefined) this.vault.set(path, passphrase, remember);
    const known = this.vault.get(path);
    if (!known) throw new AppError('invalid_input', 'Enter a backup passphrase first.');
    return this.ctx.startJob('backup', this.backupInput(path, 'manual', known));
  }

  /** Restores a backup listed in the project's folder; the project as it is is backed up first. */
  async startRestore(name: string, passphrase: string | undefined, projectPassphrase?: string): Promise<string> {
    await this.ctx.cancelAutomatic();
    if (this.ctx.jobs.busy()) throw new AppError('busy', 'Wait for the running job to finish before restoring a backup.');
    const { path } = this.ctx.project();
    const { settings } = backupSettingsFor(this.ctx.options.dataDir, path);
    const folder = backupFolder(path, settings);
    const backup = findBackup(folder, path, name);
    const opening = passphrase ?? this.vault.get(path);
    if (!opening) throw new AppError('invalid_input', 'Enter the passphrase this backup was made with.');
    const input: RestoreJobInput = {
      projectPath: path,
      backupPath: backup.path,
      passphrase: opening,
      previous: { folder, passphrase: this.vault.get(path) ?? opening, policy: settings },
      projectPassphrase,
    };
    return this.ctx.startJob('restore', input);
  }

  private backupInput(path: string, reason: BackupReason, passphrase: string): BackupJobInput {
    const { settings } = backupSettingsFor(this.ctx.options.dataDir, path);
    return { projectPath: path, folder: backupFolder(path, settings), passphrase, reason, policy: settings };
  }

  /**
   * A bulk change gets a backup first when the settings ask for one and the
   * session knows the passphrase; without one it runs as before (every
   * change is in the undo history either way) and the Backups view says
   * that backups before bulk changes wait for a passphrase.
   */
  private backupFirst(kind: JobKindName, input: unknown): unknown {
    const reason = riskyKinds[kind];
    const project = this.ctx.info();
    if (!reason || !project) return input;
    const passphrase = this.vault.get(project.path);
    if (!passphrase || !backupSettingsFor(this.ctx.options.dataDir, project.path).settings.beforeRisky) return input;
    return { ...(input as object), backupFirst: this.backupInput(project.path, reason, passphrase) };
  }

  private finish(d: JobDone): JobDone {
    if (d.kind === 'backup') this.remember(d);
    if (d.kind !== 'restore' || d.status !== 'succeeded') return d;
    const staged = d.result as StagedRestore;
    try {
      // The file is replaced using the project's key now; it is opened again with the key of the restored file.
      this.ctx.reopenAround((path, key) => {
        replaceProject(path, staged.staged, key);
        return staged.key;
      });
    } catch (err) {
      removeWithCompanions(staged.staged);
      throw err; // the runner reports the job failed with this reason
    }
    return { ...d, result: { restored: staged.restored, previous: staged.previous } satisfies RestoreResult };
  }

  private remember(d: JobDone): void {
    const project = this.ctx.info();
    if (!project) return;
    const key = resolve(project.path);
    if (d.status === 'succeeded') this.lastError.delete(key);
    else if (d.status === 'failed' && d.error) {
      const { reason } = this.ctx.jobs.get(d.jobId).input as BackupJobInput;
      this.lastError.set(key, { at: new Date().toISOString(), reason, code: d.error.code, message: d.error.message });
    }
  }

  /** Starts a scheduled backup when one is due, the session knows the passphrase and no other work runs. */
  tick(now = new Date()): string | null {
    const project = this.ctx.info();
    if (!project || this.ctx.jobs.busy()) return null;
    const { settings } = backupSettingsFor(this.ctx.options.dataDir, project.path);
    const passphrase = this.vault.get(project.path);
    const key = resolve(project.path);
    if (!passphrase || now.getTime() - (this.lastScheduledTry.get(key) ?? 0) < RETRY_MS) return null;
    const newest = listBackups(backupFolder(project.path, settings), project.path)[0];
    if (!backupDue(settings.scheduleHours, newest?.createdAt ?? null, now)) return null;
    this.lastScheduledTry.set(key, now.getTime());
    return this.ctx.startAutomatic('backup', this.backupInput(project.path, 'scheduled', passphrase));
  }
}
