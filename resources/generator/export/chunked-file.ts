import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Buffers text and writes it in ~1 MB encoded chunks, waiting for the disk
 * when the stream asks: a million rows go through in constant memory.
 */
export class ChunkedFile {
  private readonly stream: WriteStream;
  private pending = '';
  private bytes = 0;

  constructor(private readonly path: string, private readonly encode: (text: string) => Buffer, prefix?: Buffer) {
    this.stream = createWriteStream(path);
    if (prefix?.length) this.push(prefix);
  }

  /**
   * Adds text. Returns a promise only when a chunk went out and the disk is
   * behind: callers await just those, so a million rows cost a few hundred
   * awaits instead of a million.
   */
  write(text: string): Promise<void> | undefined {
    this.pending += text;
    return this.pending.length >= 1 << 20 ? this.flush() : undefined;
  }

  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    return this.bytes;
  }

  /** Stops writing and removes the partial file: a half-written export must not pass for a whole one. */
  async abort(): Promise<void> {
    this.pending = '';
    this.stream.on('error', () => undefined);
    if (!this.stream.destroyed) {
      this.stream.destroy();
      await once(this.stream, 'close');
    }
    rmSync(this.path, { force: true });
  }

  private flush(): Promise<void> | undefined {
    if (!this.pending) return undefined;
    const buffer = this.encode(this.pending);
    this.pending = '';
    return this.push(buffer) ? undefined : once(this.stream, 'drain').then(() => undefined);
  }

  private push(buffer: Buffer): boolean {
    this.bytes += buffer.length;
    return this.stream.write(buffer);
  }
}
