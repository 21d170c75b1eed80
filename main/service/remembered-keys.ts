/**
 * The desktop app can remember a project's key so it opens without asking.
 * What is remembered is the derived key (project-key.ts), never the
 * passphrase: it opens that one file and nothing else the passphrase may
 * also protect. Each key is sealed by the operating system's keychain
 * (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the Secret
 * Service or KWallet on Linux) before it is written to the app's data folder,
 * so the file alone is of no use to whoever copies it.
 */
import { join } from 'node:path';
import { SealedEntries } from '../lib/sealed-entries.ts';
import type { ProjectKey } from '../store/project-key.ts';

/**
 * What the service asks of a keychain for project keys; only the desktop app
 * has one. (Backup passphrases have their own, passphrase-vault.ts: a backup's
 * passphrase is a different secret, kept under a different name.)
 */
export interface ProjectKeychain {
  load(projectPath: string): Promise<ProjectKey | null>;
  save(projectPath: string, key: ProjectKey): Promise<void>;
  forget(projectPath: string): void;
}

/** Sealing by the OS (safeStorage's encryptStringAsync / decryptStringAsync). */
export interface Sealer {
  seal(text: string): Promise<Buffer>;
  unseal(sealed: Buffer): Promise<string>;
}

export class RememberedKeys implements ProjectKeychain {
  private readonly entries: SealedEntries;

  constructor(dataDir: string, private readonly sealer: Sealer) {
    this.entries = new SealedEntries(join(dataDir, 'remembered-keys.json'));
  }

  async load(projectPath: string): Promise<ProjectKey | null> {
    const sealed = this.entries.get(projectPath);
    if (!sealed) return null;
    try {
      const hex = await this.sealer.unseal(sealed);
      const bytes = Buffer.from(hex, 'hex');
      if (bytes.length !== 48) return null;
      return { key: new Uint8Array(bytes.subarray(0, 32)), salt: new Uint8Array(bytes.subarray(32)) };
    } catch {
      return null; // sealed by another user or machine: ask for the passphrase instead
    }
  }

  async save(projectPath: string, key: ProjectKey): Promise<void> {
    const hex = Buffer.concat([key.key, key.salt]).toString('hex');
    this.entries.set(projectPath, await this.sealer.seal(hex));
  }

  forget(projectPath: string): void {
    this.entries.delete(projectPath);
  }
}
