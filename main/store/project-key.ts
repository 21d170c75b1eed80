/**
 * Keys of encrypted projects. A protected project is one SQLite file
 * encrypted page by page the way SQLCipher 4 does it (AES-256-CBC, an
 * HMAC-SHA512 per page, a random 16-byte salt in the file's first bytes), by
 * SQLite3 Multiple Ciphers (better-sqlite3-multiple-ciphers). The key is the
 * passphrase stretched with PBKDF2-HMAC-SHA512, 256,000 iterations, over that
 * salt: exactly SQLCipher 4's derivation, so SQLCipher opens the file with the
 * passphrase (and `PRAGMA cipher_page_size = 16384`).
 *
 * The stretching happens here, once per unlock, and only the derived key is
 * handed on, to SQLite as a raw key and to the worker threads that open their
 * own connections. Why: the passphrase (which people reuse) never leaves the
 * thread that received it, a worker's connection opens without a second
 * quarter-second of PBKDF2, and a passphrase that happens to begin with
 * "raw:" cannot be mistaken by SQLite for a raw key.
 */
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { promisify } from 'node:util';

/** A derived key and the salt it was derived over; both travel together (the salt is not secret). */
export interface ProjectKey {
  readonly key: Uint8Array;
  readonly salt: Uint8Array;
}

const ITERATIONS = 256_000; // SQLCipher 4's default, so the file stays SQLCipher-compatible
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** New passphrases must be at least this long; an unlock accepts whatever was set. */
export const MIN_PASSPHRASE_LENGTH = 8;

const pbkdf2Async = promisify(pbkdf2);

export async function deriveKey(passphrase: string, salt: Uint8Array): Promise<ProjectKey> {
  const key = await pbkdf2Async(passphrase.normalize('NFC'), salt, ITERATIONS, KEY_BYTES, 'sha512');
  return { key: new Uint8Array(key), salt: new Uint8Array(salt) };
}

/** A key for a file about to be written: a fresh random salt. */
export function newKey(passphrase: string): Promise<ProjectKey> {
  return deriveKey(passphrase, randomBytes(SALT_BYTES));
}

/** The key that opens an encrypted file with this passphrase (if the passphrase is right). */
export async function keyForFile(passphrase: string, path: string): Promise<ProjectKey> {
  const salt = readHeader(path, SALT_BYTES);
  return deriveKey(passphrase, salt);
}

/** Whether two keys are the same, in constant time. */
export function sameKey(a: ProjectKey, b: ProjectKey): boolean {
  return a.key.length === b.key.length && timingSafeEqual(a.key, b.key) && timingSafeEqual(a.salt, b.salt);
}

/**
 * The bytes given to sqlite3_key: "raw:" + key + salt. SQLite3 Multiple
 * Ciphers then skips its own key derivation; the salt is used only when the
 * file is new (an existing file's salt is read from the file).
 */
export function sqliteKey(k: ProjectKey): Buffer {
  return Buffer.concat([Buffer.from('raw:'), k.key, k.salt]);
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What a project file holds, judged from its first bytes: an ordinary SQLite
 * file starts with "SQLite format 3"; an encrypted one with its random salt,
 * and is a whole number of pages long. A new, still empty file is plain.
 * Anything else is left to SQLite to refuse as damaged or foreign.
 */
export function fileEncryption(path: string): 'missing' | 'plain' | 'encrypted' {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return 'missing';
  }
  if (size === 0) return 'plain';
  if (size < 512 || size % 512 !== 0) return 'plain';
  return readHeader(path, SQLITE_MAGIC.length).equals(SQLITE_MAGIC) ? 'plain' : 'encrypted';
}

function readHeader(path: string, bytes: number): Buffer {
  const buf = Buffer.alloc(bytes);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, bytes, 0);
  } finally {
    closeSync(fd);
  }
  return buf;
}
