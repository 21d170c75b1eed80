/**
 * The backup file format: the project's SQLite file, gzip-compressed, then
 * encrypted with a passphrase in the age format. So anyone with the
 * passphrase can recover it with standard tools:
 *
 *     age -d backup.crmsteward.gz.age | gunzip > project.crmsteward
 *
 * Both directions stream (64 KiB age chunks, 1 MiB file reads), so memory
 * stays flat whatever the project's size.
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../../shared/errors.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import { writeAtomically } from './atomic-file.ts';

/**
 * scrypt's work factor (log2 N). 18 is age's own default: about 256 MiB and
 * 1–2 s to derive the key. The age-encryption package refuses files above
 * 20 and other implementations have similar limits, so never more than 18.
 */
export const SCRYPT_WORK_FACTOR = 18;

/**
 * gzip level 1: on a million-customer project (480 MB) it gives 204 MB for
 * 8 s of CPU where the default level 6 gives 179 MB for 16 s. 1 MiB output
 * chunks and the largest memLevel take a further fifth off (6.7 s): fewer
 * trips between the zlib thread and JavaScript. Measured with
 * bench/.data's project; the figures are in the README.
 */
const GZIP = { level: 1, memLevel: 9, chunkSize: 1 << 20 };
const READ_CHUNK = 1 << 20;

export interface StreamOptions {
  signal?: Cancellation;
  /** Bytes of the input read so far. */
  onBytes?: (done: number, total: number) => void;
}

/** Compresses and encrypts `plainPath` into `sealedPath` (written atomically); returns the sealed file's size. */
export async function seal(plainPath: string, sealedPath: string, passphrase: string, opts: StreamOptions = {}): Promise<number> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(SCRYPT_WORK_FACTOR);
  const total = statSync(plainPath).size;
  opts.onBytes?.(0, total); // deriving the key (scrypt) comes first and takes a second or two
  const compressed = chain(
    createReadStream(plainPath, { highWaterMark: READ_CHUNK }),
    counter(total, opts, 'The backup was cancelled; no backup file was written.'),
    createGzip(GZIP),
  );
  const sealed = fromWeb(await encrypter.encrypt(Readable.toWeb(compressed) as ReadableStream<Uint8Array>));
  try {
    return await writeAtomically(sealedPath, async (file) => {
      let bytes = 0;
      for await (const chunk of sealed) {
        await file.write(chunk);
        bytes += chunk.length;
      }
      return bytes;
    });
  } finally {
    sealed.destroy(); // when writing failed before reading it all, the file being read is closed too
  }
}

/**
 * Decrypts and decompresses `sealedPath` into `plainPath`, which must not
 * exist yet and is the caller's to rename once it has checked it: age emits
 * plaintext before the last chunk is authenticated, so the output counts
 * only when this resolves. On failure `plainPath` is removed and the error
 * says in one sentence why the file was refused.
 */
export async function unseal(sealedPath: string, plainPath: string, passphrase: string, opts: StreamOptions = {}): Promise<void> {
  const total = statSync(sealedPath).size;
  checkAgeHeader(sealedPath, total);
  const decrypter = new Decrypter();
  decrypter.addPassphrase(passphrase);
  const source = chain(
    createReadStream(sealedPath, { highWaterMark: READ_CHUNK }),
    counter(total, opts, 'The restore was cancelled; the project was not changed.'),
  );
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await decrypter.decrypt(Readable.toWeb(source) as ReadableStream<Uint8Array>);
  } catch (err) {
    source.destroy();
    throw headerError(err as Error);
  }
  const out = createWriteStream(plainPath, { flags: 'wx', mode: 0o600 });
  try {
    await pipeline(decrypted(plain), createGunzip({ chunkSize: 1 << 20 }), out);
    await fsyncPath(plainPath);
  } catch (err) {
    out.destroy();
    rmSync(plainPath, { force: true });
    throw payloadError(err as Error);
  }
}

/**
 * Connects streams and returns the last one. Not .pipe(): an error or a
 * cancel anywhere must end the whole chain (pipeline destroys every stream
 * with the error), or the reader of the last stream would wait forever.
 */
function chain(first: Readable, ...rest: Duplex[]): Duplex {
  void pipeline([first, ...rest]).catch(() => {}); // the error reaches whoever reads the last stream
  return rest[rest.length - 1];
}

/** The DOM's ReadableStream type (age-encryption's) and Node's are the same class at run time. */
function fromWeb(stream: ReadableStream<Uint8Array>): Readable {
  return Readable.fromWeb(stream as unknown as import('node:stream/web').ReadableStream<Uint8Array>);
}

/** Counts bytes for progress and stops the stream when the work is cancelled. */
function counter(total: number, opts: StreamOptions, cancelled: string): Transform {
  let done = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      try {
        throwIfCancelled(opts.signal, cancelled);
      } catch (err) {
        callback(err as Error);
        return;
      }
      done += chunk.length;
      opts.onBytes?.(done, total);
      callback(null, chunk);
    },
  });
}

/** Marks errors of the decryption stage, so they are told apart from decompression errors. */
class DecryptionError extends Error {}

async function* decrypted(plain: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of fromWeb(plain)) yield chunk as Uint8Array;
  } catch (err) {
    if (err instanceof AppError) throw err; // cancelled
    throw new DecryptionError((err as Error).message);
  }
}

async function fsyncPath(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

const AGE_MAGIC = 'age-encryption.org/v1\n';

/** Refuses, before any key derivation, files that are not age files or not encrypted with a passphrase. */
function checkAgeHeader(path: string, size: number): void {
  const head = Buffer.alloc(Math.min(size, 4096));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = head.toString('latin1');
  if (!text.startsWith(AGE_MAGIC)) {
    if (AGE_MAGIC.startsWith(text)) throw new AppError('backup_incomplete', 'The backup file is incomplete: it ends inside its header.');
    throw new AppError('not_a_backup', 'This file is not a CRM Steward backup: it is not an age-encrypted file.');
  }
  const firstStanza = /^-> (\S+)(?=[ \n])/m.exec(text.slice(AGE_MAGIC.length));
  if (firstStanza && firstStanza[1] !== 'scrypt') {
    throw new AppError('not_a_backup', 'This file was encrypted for an age key, not with a passphrase, so it is not a CRM Steward backup.');
  }
  // The header ends with its MAC line; a file that stops before it was cut short.
  if (size === head.length && !/\n--- [A-Za-z0-9+/]{43}\n/.test(text)) {
    throw new AppError('backup_incomplete', 'The backup file is incomplete: it ends inside its header.');
  }
}

function headerError(err: Error): AppError {
  if (err instanceof AppError) return err;
  const m = err.message;
  if (/no identity matched/.test(m)) return new AppError('wrong_passphrase', 'The passphrase does not open this backup (or its header has been changed).');
  if (/stream ended/.test(m)) return new AppError('backup_incomplete', 'The backup file is incomplete: it ends inside its header.');
  if (/work factor is too high/.test(m)) return new AppError('not_a_backup', 'This file asks for a scrypt work factor above 20, which CRM Steward never writes and refuses to spend minutes on.');
  return new AppError('backup_damaged', `The backup file is damaged: its header cannot be read (${m}).`);
}

function payloadError(err: Error): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof DecryptionError) {
    return new AppError('backup_damaged', 'The backup is damaged or incomplete: part of it does not match what was encrypted (a changed, missing or extra byte), so it was not used.');
  }
  return new AppError('not_a_backup', `This file decrypts but does not hold a compressed CRM Steward project (${err.message}).`);
}
