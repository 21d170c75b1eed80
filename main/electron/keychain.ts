import { safeStorage } from 'electron';
import { join } from 'node:path';
import { SealedEntries } from '../lib/sealed-entries.ts';
import type { PassphraseKeychain } from '../service/passphrase-vault.ts';
import { RememberedKeys, type ProjectKeychain } from '../service/remembered-keys.ts';

/**
 * The operating system's keychain (Electron's safeStorage: the macOS
 * Keychain, Windows DPAPI, the Secret Service or KWallet on Linux) seals two
 * kinds of secret the desktop app may remember between sessions, each in its
 * own file in the app's data folder, readable by the user alone
 * (lib/sealed-entries.ts) and useless without the login's keychain:
 *
 * - `projectKeys`: the derived keys of encrypted projects (remembered-keys.ts,
 *   `remembered-keys.json`), never their passphrases;
 * - `backupPassphrases`: the passphrases backups are encrypted with
 *   (passphrase-vault.ts, `backup-passphrases.json`).
 *
 * On Linux without a keyring safeStorage falls back to 'basic_text', a key
 * built into Electron that protects nothing: then neither is offered.
 * Call after the app is ready.
 */
export function osKeychains(dataDir: string): { projectKeys: ProjectKeychain | undefined; backupPassphrases: PassphraseKeychain } {
  const realKeyring = (): boolean => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  const passphrases = new SealedEntries(join(dataDir, 'backup-passphrases.json'));
  return {
    projectKeys: realKeyring()
      ? new RememberedKeys(dataDir, {
          seal: (text) => safeStorage.encryptStringAsync(text),
          unseal: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
        })
      : undefined,
    backupPassphrases: {
      available: realKeyring,
      load: (key) => {
        const sealed = passphrases.get(key);
        return sealed === null ? null : safeStorage.decryptString(sealed);
      },
      save: (key, secret) => passphrases.set(key, safeStorage.encryptString(secret)),
      remove: (key) => passphrases.delete(key),
    },
  };
}
