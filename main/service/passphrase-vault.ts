import { resolve } from 'node:path';
import type { PassphraseStatus } from '../../shared/channels/backup.ts';

/**
 * Where the desktop app keeps backup passphrases between sessions: the
 * operating system's keychain (main/electron/keychain.ts). Keys are project
 * paths. (An encrypted project's own key is remembered apart, by
 * remembered-keys.ts: the backup passphrase and the project's are different secrets.)
 */
export interface PassphraseKeychain {
  /** Whether the OS offers encryption for secrets at all (Linux without a keyring may not). */
  available(): boolean;
  load(key: string): string | null;
  save(key: string, secret: string): void;
  remove(key: string): void;
}

/**
 * The backup passphrase of each project for this session: typed by the
 * user, or read back from the keychain when the desktop app remembered it.
 * Held in memory only for as long as the app runs; never written to the
 * project, the settings or a log.
 */
export class PassphraseVault {
  private readonly session = new Map<string, string>();

  constructor(private readonly keychain: PassphraseKeychain | null) {}

  get(projectPath: string): string | null {
    const key = resolve(projectPath);
    const known = this.session.get(key);
    if (known !== undefined) return known;
    const remembered = this.remembered(key);
    if (remembered !== null) this.session.set(key, remembered);
    return remembered;
  }

  set(projectPath: string, passphrase: string, remember: boolean): void {
    const key = resolve(projectPath);
    this.session.set(key, passphrase);
    if (remember && this.canRemember()) this.keychain!.save(key, passphrase);
    else if (this.canRemember()) this.keychain!.remove(key); // "don't remember" also forgets an older one
  }

  forget(projectPath: string): void {
    const key = resolve(projectPath);
    this.session.delete(key);
    if (this.canRemember()) this.keychain!.remove(key);
  }

  status(projectPath: string): PassphraseStatus {
    const key = resolve(projectPath);
    return { known: this.get(key) !== null, remembered: this.remembered(key) !== null, canRemember: this.canRemember() };
  }

  private canRemember(): boolean {
    try {
      return this.keychain?.available() ?? false;
    } catch {
      return false;
    }
  }

  private remembered(key: string): string | null {
    if (!this.canRemember()) return null;
    try {
      return this.keychain!.load(key);
    } catch {
      return null; // a keychain that cannot decrypt (moved profile, changed login) means "not remembered"
    }
  }
}
