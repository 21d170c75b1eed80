import { describe, expect, it } from 'vitest';
import { PassphraseVault, type PassphraseKeychain } from '../../../main/service/passphrase-vault.ts';

/**
 * The OS keychain is Electron's (safeStorage), which cannot run here; this
 * stands in for it with what it keeps between sessions: a map.
 */
function memoryKeychain(opts: { available?: boolean; broken?: boolean } = {}): PassphraseKeychain & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    available: () => opts.available ?? true,
    load: (k) => {
      if (opts.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return entries.get(k) ?? null;
    },
    save: (k, v) => void entries.set(k, v),
    remove: (k) => void entries.delete(k),
  };
}

describe('the backup passphrase of a project', () => {
  it('lasts the session; remembered ones come back in the next session, forgotten ones do not', () => {
    const keychain = memoryKeychain();
    const first = new PassphraseVault(keychain);
    first.set('/p/a.crmsteward', 'session only 123', false);
    first.set('/p/b.crmsteward', 'remembered 4567', true);
    expect(first.get('/p/a.crmsteward')).toBe('session only 123');
    expect(first.status('/p/b.crmsteward')).toEqual({ known: true, remembered: true, canRemember: true });

    const next = new PassphraseVault(keychain); // the app started again
    expect(next.get('/p/a.crmsteward')).toBeNull();
    expect(next.get('/p/b.crmsteward')).toBe('remembered 4567');
    next.forget('/p/b.crmsteward');
    expect(new PassphraseVault(keychain).get('/p/b.crmsteward')).toBeNull();
  });

  it('setting it again without "remember" also forgets the remembered one', () => {
    const keychain = memoryKeychain();
    new PassphraseVault(keychain).set('/p/a.crmsteward', 'old passphrase', true);
    new PassphraseVault(keychain).set('/p/a.crmsteward', 'new passphrase', false);
    expect(keychain.entries.size).toBe(0);
  });

  it('cannot remember without a keychain (browser mode) or with one that cannot decrypt, and still works for the session', () => {
    for (const vault of [new PassphraseVault(null), new PassphraseVault(memoryKeychain({ available: false })), new PassphraseVault(memoryKeychain({ broken: true }))]) {
      vault.set('/p/a.crmsteward', 'typed this session', true);
      expect(vault.get('/p/a.crmsteward')).toBe('typed this session');
      expect(vault.status('/p/a.crmsteward').remembered).toBe(false);
    }
  });
});
