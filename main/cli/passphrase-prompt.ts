/**
 * Where the command line gets a backup passphrase: the environment
 * (CRM_STEWARD_BACKUP_PASSPHRASE, else CRM_STEWARD_PASSPHRASE), else the
 * terminal, read without echo. Never an argument: those show in `ps` and
 * in shell history.
 */
import { AppError } from '../../shared/errors.ts';

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
  const first = await readHidden(`Passphrase ${purpose}: `);
  if (confirm && (await readHidden('Type it again: ')) !== first) throw new AppError('invalid_input', 'The two passphrases differ; nothing was done.');
  return first;
}

/** Reads one line from the terminal with echo off; Ctrl-C cancels. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // Echo off before the prompt shows: whatever is typed once it is visible must not appear.
  stdin.setRawMode(true);
  process.stderr.write(prompt);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (err: Error | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(text);
    };
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(null);
        if (ch === '\u0003') return done(new AppError('cancelled', 'Cancelled; nothing was done.'));
        if (ch === '\u007f' || ch === '\b') text = Array.from(text).slice(0, -1).join('');
        else text += ch;
      }
    };
    stdin.on('data', onData);
  });
}
