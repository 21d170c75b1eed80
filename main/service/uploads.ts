/**
 * Browser mode's uploads. A page cannot hand the service a path, so a file
 * the user chose is copied into the data folder and imported from there.
 * Those copies are customer data the user never asked us to keep: each one is
 * deleted as soon as it has served (after the import that read it, when its
 * preview is closed, after a reference import), what an earlier session left
 * is deleted at start, and a file over the size cap is refused before it
 * fills the disk.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors.ts';
import { ensurePrivateDir, privateWriteStream } from '../lib/private-files.ts';

/** A million-row export is about 250 MB; twice the largest realistic export leaves room. */
export const DEFAULT_MAX_UPLOAD_BYTES = 1 << 30;

const importable = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.json']);
/** Characters Windows does not allow in a file name; elsewhere only / and NUL are impossible. */
const windowsReserved = /[<>:"|?*]/g;

/**
 * The name an upload is stored under: the user's own file name, so the
 * sources list shows what they chose. A name no file chooser produces (a
 * folder part, control characters, nothing but dots) or of a kind the app
 * cannot import is refused with the reason.
 */
export function uploadFileName(name: string, platform = process.platform): string {
  if (name.length === 0 || name.length > 200) throw new AppError('invalid_input', 'An upload needs a file name of 1 to 200 characters.');
  if (/[\u0000-\u001f\u007f/\\]/.test(name) || /^\.+$/.test(name)) throw new AppError('invalid_input', 'The upload\'s file name has a folder part or control characters; send the file\'s own name.');
  if (!importable.has(extname(name).toLowerCase())) throw new AppError('invalid_input', 'Only CSV, TSV, TXT, XLSX and JSON files can be uploaded.');
  return platform === 'win32' ? name.replace(windowsReserved, '_') : name;
}

export class UploadArea {
  readonly dir: string;

  constructor(dir: string, readonly maxBytes = DEFAULT_MAX_UPLOAD_BYTES) {
    this.dir = resolve(dir);
  }

  /** Deletes everything in the folder: uploads of an earlier session belong to pages that no longer exist. */
  clear(): void {
    if (!existsSync(this.dir)) return; // created by the first upload
    for (const entry of readdirSync(this.dir)) rmSync(join(this.dir, entry), { recursive: true, force: true });
  }

  /** Stores one upload (0600, in its own 0700 folder) and returns its path; nothing is left behind when it is refused. */
  async receive(body: Readable, name: string, declaredBytes?: number): Promise<string> {
    const fileName = uploadFileName(name);
    if (declaredBytes !== undefined && declaredBytes > this.maxBytes) throw this.tooLarge();
    ensurePrivateDir(this.dir, true);
    const folder = join(this.dir, randomUUID());
    ensurePrivateDir(folder);
    const path = join(folder, fileName);
    let bytes = 0;
    // The declared length can be missing or wrong (chunked bodies): the bytes themselves are counted.
    const cap = new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        bytes += chunk.length;
        done(bytes > this.maxBytes ? this.tooLarge() : null, chunk);
      },
    });
    // Through a PassThrough: a refusal destroys the pipeline's streams, and destroying an HTTP
    // request itself would close its socket before the answer saying why could be sent.
    const source = new PassThrough();
    body.pipe(source);
    try {
      await pipeline(source, cap, privateWriteStream(path, 'wx'));
    } catch (err) {
      body.unpipe(source);
      rmSync(folder, { recursive: true, force: true });
      if (err instanceof AppError) throw err;
      throw new AppError('invalid_input', 'The upload was interrupted; choose the file again.');
    }
    return path;
  }

  /** Whether a path is one of the uploads (the service deletes only those, never a file of the user's). */
  holds(path: string): boolean {
    const rel = relative(this.dir, resolve(path));
    const parts = rel.split(sep);
    return parts.length === 2 && parts.every((p) => p !== '' && p !== '..');
  }

  /** Deletes the uploads among these paths (with their folders); other paths are ignored. Returns how many. */
  discard(paths: readonly string[]): number {
    let n = 0;
    for (const path of paths) {
      if (!this.holds(path)) continue;
      rmSync(join(this.dir, relative(this.dir, resolve(path)).split(sep)[0]), { recursive: true, force: true });
      n++;
    }
    return n;
  }

  private tooLarge(): AppError {
    return new AppError('too_large', `The file is larger than the ${Math.round(this.maxBytes / (1 << 20)).toLocaleString('en-US')} MB browser mode accepts; import it with the desktop app or \`crm-steward import\`.`);
  }
}
