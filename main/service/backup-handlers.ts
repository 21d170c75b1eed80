import type { Handlers } from '../../shared/contract.ts';
import { saveBackupSettings } from '../backup/backup-settings.ts';
import { BackupService } from './backup-service.ts';
import type { ServiceContext } from './service-context.ts';

export function backupHandlers(ctx: ServiceContext): Pick<Handlers, 'backup:overview' | 'backup:start' | 'backup:restore' | 'backup:settings' | 'backup:passphrase'> {
  const backups = new BackupService(ctx);
  return {
    'backup:overview': async () => backups.overview(),
    'backup:start': async ({ passphrase, remember }) => ({ jobId: backups.startBackup(passphrase, remember) }),
    'backup:restore': async ({ name, passphrase, projectPassphrase }) => ({ jobId: await backups.startRestore(name, passphrase, projectPassphrase) }),
    'backup:settings': async ({ settings, scope }) => {
      await saveBackupSettings(ctx.options.dataDir, ctx.project().path, settings, scope);
      backups.tick(); // turning the schedule on starts the first backup now, not a minute later
      return backups.overview();
    },
    'backup:passphrase': async ({ passphrase, remember }) => {
      const { path } = ctx.project();
      if (passphrase === null) backups.vault.forget(path);
      else backups.vault.set(path, passphrase, remember);
      return backups.vault.status(path);
    },
  };
}
