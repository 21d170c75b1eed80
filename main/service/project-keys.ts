import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { openProject } from '../store/open-project.ts';
import { fileEncryption, keyForFile, newKey, type ProjectKey } from '../store/project-key.ts';
import type { ProjectKeychain } from './remembered-keys.ts';

/** How an encrypted project is unlocked: a passphrase typed now, optionally remembered in the keychain. */
export interface Unlock {
  passphrase?: string;
  remember?: boolean;
}

/** Which key a project opens with, and what the keychain (desktop app only) remembers of it. */
export class ProjectKeys {
  constructor(private readonly keychain: ProjectKeychain | undefined) {}

  /**
   * A new key for a project created with a passphrase, the passphrase's key
   * for an encrypted one, else the key the keychain remembered; null for an
   * unencrypted project.
   */
  async forOpening(path: string, create: boolean, unlock: Unlock): Promise<ProjectKey | null> {
    if (create) return unlock.passphrase ? newKey(unlock.passphrase) : null;
    if (fileEncryption(path) !== 'encrypted') return null;
    if (unlock.passphrase) return keyForFile(unlock.passphrase, path);
    const remembered = (await this.keychain?.load(path)) ?? null;
    if (remembered) {
      try {
        openProject(path, { key: remembered, readonly: true }).close();
        return remembered;
      } catch {
        this.keychain!.forget(path); // the project's passphrase was changed elsewhere
      }
    }
    throw new AppError('passphrase_required', `${basename(path)} is encrypted: enter its passphrase to open it.`);
  }

  /** Remembers the key when asked to; forgets it when told not to, or when the project is no longer encrypted. */
  async remember(path: string, key: ProjectKey | null, remember: boolean | undefined): Promise<void> {
    if (!this.keychain) return;
    if (key && remember) await this.keychain.save(path, key);
    else if (!key || remember === false) this.keychain.forget(path);
  }
}
