import type { BackupReason, BackupContents, BackupEntry } from '../../shared/channels/backup.ts';
import { AppError } from '../../shared/errors.ts';
import { removeWithCompanions } from '../backup/atomic-file.ts';
import { backupToFolder } from '../backup/create-backup.ts';
import { stageRestore } from '../backup/restore-backup.ts';
import type { RetentionPolicy } from '../backup/retention.ts';
import { throwIfCancelled } from '../lib/cancellation.ts';
import type { JobContext } from '../lib/jobs.ts';
import { projectAccess, type Db } from '../store/open-project.ts';
import type { ProjectKey } from '../store/project-key.ts';

type Ctx = JobContext<Record<string, unknown>>;

/** A backup into the project's folder, with retention after it. */
export interface BackupJobInput {
  projectPath: string;
  folder: string;
  passphrase: string;
  reason: BackupReason;
  policy: RetentionPolicy;
}

export interface RestoreJobInput {
  projectPath: string;
  backupPath: string;
  passphrase: string;
  /** The project as it is goes into this backup first. */
  previous: Omit<BackupJobInput, 'projectPath' | 'reason'>;
  /**
   * An encrypted project's passphrase when the backup was made, should it
   * differ from today's (the project's key now is the worker's own, from its
   * connection).
   */
  projectPassphrase?: string;
}

/** What the restore job hands the main thread, which renames `staged` over the project. */
export interface StagedRestore {
  staged: string;
  restored: BackupContents;
  previous: BackupEntry;
  /** The key that opens the restored file (null: not encrypted); taken off the result before anyone hears of it. */
  key: ProjectKey | null;
}

const progress = (ctx: Ctx) => (p: { step: string; done: number; total: number }) => ctx.onProgress({ ...p, rows: 0 });

/** Backups and restores (issue 11), merged into job-kinds.ts. */
export const backupJobs = {
  backup: (db: Db, input: BackupJobInput, ctx: Ctx) =>
    backupToFolder(db, input.projectPath, input.folder, input.passphrase, input.reason, input.policy, { signal: ctx.signal, onProgress: progress(ctx) }),

  /**
   * Verifies the backup into a copy beside the project, then backs up the
   * project as it is. The file is swapped on the main thread when this job
   * reports done (main/service/backup-service.ts), which needs every
   * connection to the project closed: this one is closed here, before the
   * result is posted, rather than by the worker after it.
   */
  restore: async (db: Db, input: RestoreJobInput, ctx: Ctx): Promise<StagedRestore> => {
    const project = { key: projectAccess(db).key, passphrase: input.projectPassphrase };
    const { staged, contents, key } = await stageRestore(input.backupPath, input.projectPath, input.passphrase, { signal: ctx.signal, onProgress: progress(ctx), project });
    try {
      const { folder, passphrase, policy } = input.previous;
      const previous = await backupToFolder(db, input.projectPath, folder, passphrase, 'before-restore', policy, { signal: ctx.signal, onProgress: progress(ctx), protect: [input.backupPath] });
      throwIfCancelled(ctx.signal, 'The restore was cancelled; the project was not changed.');
      db.close();
      return { staged, restored: contents, previous: previous.backup, key };
    } catch (err) {
      removeWithCompanions(staged);
      throw err;
    }
  },
};

/**
 * Wraps a job that changes many records at once: when the service asks for
 * it (`backupFirst` in the input, see backup-service.ts), a backup is made
 * first, and if it cannot be made nothing is changed.
 */
export function backedUpFirst<I extends object, R>(run: (db: Db, input: I, ctx: Ctx) => Promise<R>) {
  return async (db: Db, input: I & { backupFirst?: BackupJobInput }, ctx: Ctx): Promise<R> => {
    const spec = input.backupFirst;
    if (spec) {
      try {
        await backupToFolder(db, spec.projectPath, spec.folder, spec.passphrase, spec.reason, spec.policy, { signal: ctx.signal, onProgress: progress(ctx) });
      } catch (err) {
        if (err instanceof AppError && err.code === 'cancelled') throw err;
        throw new AppError(err instanceof AppError ? err.code : 'internal', `No backup could be made first, so nothing was changed: ${(err as Error).message}`);
      }
    }
    return run(db, input, ctx);
  };
}
