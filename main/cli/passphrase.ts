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

/** Reads one line from the terminal in raw mode, echoing nothing. Ctrl+C cancels. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise<string>((resolve, reject) => {
    let text = '';
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(text);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new AppError('cancelled', 'Cancelled; nothing was changed.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else text += ch;
      }
    };
    input.on('data', onData);
  });
}
