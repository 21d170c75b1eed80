/**
 * `encrypt` and `decrypt`: protecting a project with a passphrase, changing
 * it, or removing it. The file is rewritten beside the project and renamed
 * over it (rekey-project.ts), so a kill at any moment leaves it either as it
 * was or wholly re-encrypted. Both hold the project's lock throughout.
 */
import { basename, resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { openProject } from '../store/open-project.ts';
import { claimProject } from '../store/project-lock.ts';
import { fileEncryption, keyForFile, newKey, type ProjectKey } from '../store/project-key.ts';
import { rekeyProject } from '../store/rekey-project.ts';
import { requireOption, type ParsedArgs } from './args.ts';
import { chosenPassphrase, currentPassphrase, NEW_PASSPHRASE_ENV, PASSPHRASE_ENV } from './passphrase.ts';

type Change = { from: ProjectKey | null; to: () => Promise<ProjectKey | null>; done: string; encrypted: boolean };

async function rekeyCommand(args: ParsedArgs, command: string, plan: (path: string, encrypted: boolean) => Promise<Change>): Promise<number> {
  const path = resolve(requireOption(args, 'project'));
  if (fileEncryption(path) === 'missing') throw new AppError('project_not_found', `No project file at ${path}.`);
  const lock = claimProject(path, `crm-steward ${command}`);
  try {
    const state = fileEncryption(path);
    const change = await plan(path, state === 'encrypted');
    rekeyProject(path, change.from, await change.to());
    if (args.options.has('json')) process.stdout.write(`${JSON.stringify({ project: path, encrypted: change.encrypted })}\n`);
    else console.log(change.done);
    return 0;
  } finally {
    lock.release();
  }
}

/** The current passphrase, checked by opening the project before anything else is asked or done. */
async function currentKey(path: string): Promise<ProjectKey> {
  const key = await keyForFile(await currentPassphrase(path), path);
  openProject(path, { key, readonly: true }).close();
  return key;
}

export async function encryptCommand(args: ParsedArgs): Promise<number> {
  return rekeyCommand(args, 'encrypt', async (path, encrypted) => {
    const name = basename(path);
    if (!encrypted && args.options.has('new-passphrase')) throw new AppError('invalid_input', `${name} is not encrypted, so it has no passphrase to change; run crm-steward encrypt without --new-passphrase to protect it.`);
    if (!encrypted) {
      return { from: null, to: async () => newKey(await chosenPassphrase([NEW_PASSPHRASE_ENV, PASSPHRASE_ENV], 'protect the project')), done: `Encrypted ${name}: it now opens only with its passphrase.`, encrypted: true };
    }
    const from = await currentKey(path);
    return { from, to: async () => newKey(await chosenPassphrase([NEW_PASSPHRASE_ENV], 'change the passphrase')), done: `Changed the passphrase of ${name}.`, encrypted: true };
  });
}

export async function decryptCommand(args: ParsedArgs): Promise<number> {
  return rekeyCommand(args, 'decrypt', async (path, encrypted) => {
    const name = basename(path);
    if (!encrypted) throw new AppError('invalid_input', `${name} is not encrypted; there is nothing to decrypt.`);
    return { from: await currentKey(path), to: async () => null, done: `Decrypted ${name}: it opens without a passphrase now.`, encrypted: false };
  });
}
