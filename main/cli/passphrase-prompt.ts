/**
 * Where the command line gets a backup passphrase: the environment
 * (CRM_STEWARD_BACKUP_PASSPHRASE, else CRM_STEWARD_PASSPHRASE), else the
 * terminal, read without echo. Never an argument: those show in `ps` and
 * in shell history.
 */
import { AppError } from '../../shared/errors.ts';
import { promptHidden } from './passphrase.ts';

export function passphraseFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.CRM_STEWARD_BACKUP_PASSPHRASE || env.CRM_STEWARD_PASSPHRASE || null;
}

/** Whether a passphrase can be had at all, without asking for it yet. */
export function canGetPassphrase(): boolean {
  return passphraseFromEnv() !== null || Boolean(process.stdin.isTTY);
}

/** The passphrase from the environment or the terminal; `confirm` asks twice (a new backup: a typo would lock it). */
export async function backupPassphrase(purpose: string, confirm: boolean): Promise<string> {
  const fromEnv = passphraseFromEnv();
  if (fromEnv !== null) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new AppError('invalid_input', `A passphrase is needed ${purpose}: set CRM_STEWARD_BACKUP_PASSPHRASE (or CRM_STEWARD_PASSPHRASE), or run the command at a terminal to type it.`);
  }
  const first = await promptHidden(`Passphrase ${purpose}: `);
  if (confirm && (await promptHidden('Type it again: ')) !== first) throw new AppError('invalid_input', 'The two passphrases differ; nothing was done.');
  return first;
}
