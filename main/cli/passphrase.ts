/**
 * Passphrases on the command line: from the environment (scripts) or typed
 * at the terminal without echo. Never from an option: argv is visible to
 * every user of the machine (ps) and lands in shell history.
 */
import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { MIN_PASSPHRASE_LENGTH } from '../store/project-key.ts';

/** The passphrase that opens a project. */
export const PASSPHRASE_ENV = 'CRM_STEWARD_PASSPHRASE';
/** The passphrase a project is to get (changing it with `encrypt`). */
export const NEW_PASSPHRASE_ENV = 'CRM_STEWARD_NEW_PASSPHRASE';

/** The passphrase of an encrypted project: from CRM_STEWARD_PASSPHRASE, else asked for. */
export async function currentPassphrase(projectPath: string): Promise<string> {
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new AppError('passphrase_required', `${basename(projectPath)} is encrypted: set ${PASSPHRASE_ENV}, or run the command at a terminal to type the passphrase.`);
  }
  return promptHidden(`Passphrase for ${basename(projectPath)}: `);
}

/**
 * A passphrase being chosen: from the first of `envNames` that is set, else
 * typed twice at the terminal. Too short, or typed differently twice: refused.
 */
export async function chosenPassphrase(envNames: string[], what: string): Promise<string> {
  const name = envNames.find((n) => process.env[n]);
  let passphrase: string;
  if (name) passphrase = process.env[name]!;
  else {
    if (!process.stdin.isTTY) throw new AppError('passphrase_required', `Set ${envNames.join(' or ')} to ${what}, or run the command at a terminal to type it.`);
    passphrase = await promptHidden('New passphrase: ');
    if (passphrase.length >= MIN_PASSPHRASE_LENGTH && (await promptHidden('The same passphrase again: ')) !== passphrase) {
      throw new AppError('invalid_input', 'The two passphrases differ; nothing was changed.');
    }
  }
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new AppError('invalid_input', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; nothing was changed.`);
  return passphrase;
}

/** Reads one line from the terminal with echo off; Ctrl-C cancels. (Backup passphrases are read with it too: passphrase-prompt.ts.) */
export function promptHidden(prompt: string): Promise<string> {
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
