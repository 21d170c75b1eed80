import { safeStorage } from 'electron';
import { RememberedKeys, type Keychain } from '../service/remembered-keys.ts';

/**
 * The OS keychain for remembered project keys, when there is a real one.
 * On Linux without the Secret Service or KWallet, safeStorage falls back to
 * 'basic_text': a key built into Electron, the same on every machine, which
 * protects nothing. Then the app does not offer to remember at all: the
 * passphrase is asked for each time. Call after the app is ready.
 */
export async function osKeychain(dataDir: string): Promise<Keychain | undefined> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return new RememberedKeys(dataDir, {
    seal: (text) => safeStorage.encryptStringAsync(text),
    unseal: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
  });
}
