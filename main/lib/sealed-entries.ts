import { existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from './private-files.ts';

/**
 * A small JSON file of named secrets, each already sealed by the caller (the
 * operating system's keychain) and stored as base64: only sealed bytes are
 * ever written. The file is readable by its owner only and replaced whole
 * (written beside, then renamed), so a crash leaves the old list or the new.
 * A damaged or missing file reads as empty: it only means being asked again.
 */
export class SealedEntries {
  constructor(private readonly file: string) {}

  get(name: string): Buffer | null {
    const sealed = this.read()[name];
    return sealed === undefined ? null : Buffer.from(sealed, 'base64');
  }

  set(name: string, sealed: Uint8Array): void {
    this.write({ ...this.read(), [name]: Buffer.from(sealed).toString('base64') });
  }

  delete(name: string): void {
    const entries = this.read();
    if (!(name in entries)) return;
    delete entries[name];
    this.write(entries);
  }

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private write(entries: Record<string, string>): void {
    ensurePrivateDir(dirname(this.file));
    const temp = `${this.file}.${process.pid}.tmp`;
    writePrivateFile(temp, JSON.stringify(entries, null, 2));
    renameSync(temp, this.file);
  }
}
