import { safeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Keychain } from '../service/passphrase-vault.ts';

/**
 * Backup passphrases remembered between sessions, encrypted by the operating
 * system's keychain (Electron's safeStorage: the macOS Keychain, Windows
 * DPAPI, the Secret Service or KWallet on Linux). Only the encrypted bytes
 * are written, in a file readable by the user alone; without the login's
 * keychain they cannot be read back.
 */
export function osKeychain(userDataDir: string): Keychain {
  const file = join(userDataDir, 'backup-passphrases.json');
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const write = (entries: Record<string, string>): void => {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entries), { mode: 0o600 });
    renameSync(temp, file);
  };
  return {
    // Linux without a keyring falls back to a fixed key ('basic_text'): that is no protection, so it counts as unavailable.
    available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    load: (key) => {
      const sealed = read()[key];
      return sealed === undefined ? null : safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    },
    save: (key, secret) => write({ ...read(), [key]: safeStorage.encryptString(secret).toString('base64') }),
    remove: (key) => {
      const entries = read();
      if (!(key in entries)) return;
      delete entries[key];
      write(entries);
    },
  };
}
