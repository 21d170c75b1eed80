/**
 * The desktop app can remember a project's key so it opens without asking.
 * What is remembered is the derived key (project-key.ts), never the
 * passphrase: it opens that one file and nothing else the passphrase may
 * also protect. Each key is sealed by the operating system's keychain
 * (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the Secret
 * Service or KWallet on Linux) before it is written to the app's data folder,
 * so the file alone is of no use to whoever copies it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectKey } from '../store/project-key.ts';

/** What the service asks of a keychain; only the desktop app has one. */
export interface Keychain {
  load(projectPath: string): Promise<ProjectKey | null>;
  save(projectPath: string, key: ProjectKey): Promise<void>;
  forget(projectPath: string): void;
}

/** Sealing by the OS (safeStorage's encryptStringAsync / decryptStringAsync). */
export interface Sealer {
  seal(text: string): Promise<Buffer>;
  unseal(sealed: Buffer): Promise<string>;
}

type Stored = Record<string, string>;

export class RememberedKeys implements Keychain {
  private readonly file: string;

  constructor(dataDir: string, private readonly sealer: Sealer) {
    this.file = join(dataDir, 'remembered-keys.json');
  }

  async load(projectPath: string): Promise<ProjectKey | null> {
    const sealed = this.read()[projectPath];
    if (!sealed) return null;
    try {
      const hex = await this.sealer.unseal(Buffer.from(sealed, 'base64'));
      const bytes = Buffer.from(hex, 'hex');
      if (bytes.length !== 48) return null;
      return { key: new Uint8Array(bytes.subarray(0, 32)), salt: new Uint8Array(bytes.subarray(32)) };
    } catch {
      return null; // sealed by another user or machine: ask for the passphrase instead
    }
  }

  async save(projectPath: string, key: ProjectKey): Promise<void> {
    const hex = Buffer.concat([key.key, key.salt]).toString('hex');
    const sealed = (await this.sealer.seal(hex)).toString('base64');
    this.write({ ...this.read(), [projectPath]: sealed });
  }

  forget(projectPath: string): void {
    const stored = this.read();
    if (!(projectPath in stored)) return;
    delete stored[projectPath];
    this.write(stored);
  }

  private read(): Stored {
    if (!existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Stored;
    } catch {
      return {}; // a damaged list only means being asked again
    }
  }

  private write(stored: Stored): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(stored, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
