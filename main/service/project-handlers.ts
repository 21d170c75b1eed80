import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import type { ServiceContext } from './service-context.ts';

/** The demo's export files: everything importable in resources/demo (truth files live in a subfolder). */
export function demoFiles(demoDir: string): string[] {
  if (!existsSync(demoDir)) return [];
  return readdirSync(demoDir)
    .filter((f) => /\.(csv|tsv|txt|xlsx|json)$/i.test(f) && f !== 'manifest.json')
    .sort()
    .map((f) => join(demoDir, f));
}

type ProjectChannels = 'app:info' | 'project:recent' | 'project:create' | 'project:open' | 'project:set-passphrase' | 'project:remove-passphrase' | 'project:open-demo' | 'project:close' | 'project:info' | 'dialog:pick-files';

export function projectHandlers(ctx: ServiceContext): Pick<Handlers, ProjectChannels> {
  const { options } = ctx;
  return {
    'app:info': async () => ({
      version: options.version,
      mode: options.mode,
      defaultProjectDir: options.projectsDir,
      demoAvailable: demoFiles(options.demoDir).length > 0,
      canRememberPassphrase: options.keychain !== undefined,
      project: ctx.info(),
    }),
    'project:recent': async () => ctx.recent.list(),
    'project:create': async ({ path, passphrase, remember }) => ctx.open(withExtension(path), true, { passphrase, remember }),
    'project:open': async ({ path, passphrase, remember }) => ctx.open(path, false, { passphrase, remember }),
    'project:set-passphrase': async ({ current, next, remember }) => ctx.setPassphrase(current, next, remember),
    'project:remove-passphrase': async ({ current }) => ctx.setPassphrase(current, null),
    'project:open-demo': async () => {
      const files = demoFiles(options.demoDir);
      if (files.length === 0) throw new AppError('not_found', 'The demo data is not bundled with this build.');
      const path = join(options.dataDir, 'Demo.crmsteward');
      const fresh = !existsSync(path);
      const project = await ctx.open(path, fresh);
      // The demo is imported once; reopening it later shows what the user did to it.
      const jobId = fresh ? ctx.startJob('import', { files: files.map((p) => ({ path: p, onDuplicate: 'skip' as const })) }) : null;
      return { project, jobId };
    },
    'project:close': async () => {
      ctx.close();
      options.emit('project:changed', null);
      return null;
    },
    'project:info': async () => ctx.info(),
    'dialog:pick-files': async () => {
      throw new AppError('not_supported', 'File dialogs exist only in the desktop app; browser mode uploads files instead.');
    },
  };
}

function withExtension(path: string): string {
  return /\.crmsteward$/i.test(path) ? path : `${path}.crmsteward`;
}
