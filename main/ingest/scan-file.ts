import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { readableFileSize, unreadable } from './file-access.ts';

export interface FileScan {
  size: number;
  /**
   * sha256 of the bytes: the same file imported twice is recognised by it.
   * Null after a quick scan (headScan): the reader computes it as it goes.
   */
  hash: string | null;
  bom: 'utf8' | 'utf16le' | 'utf16be' | null;
  /** True when every byte sequence is valid UTF-8 (over the whole file, or over the head after a quick scan). */
  validUtf8: boolean;
  /** False after a quick scan: hash and validUtf8 speak only of the head. */
  complete: boolean;
  /** The first bytes, for sniffing encodings and delimiters. */
  head: Buffer;
}

const HEAD_BYTES = 256 * 1024;

/** Index where the trailing, possibly incomplete, UTF-8 sequence of a chunk starts. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const b = buf[buf.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

/** One streaming pass: hash, BOM, whole-file UTF-8 validity and a head sample. */
export async function scanFile(path: string): Promise<FileScan> {
  const size = readableFileSize(path);
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headLen = 0;
  let validUtf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      hash.update(buf);
      if (headLen < HEAD_BYTES) {
        headParts.push(buf.subarray(0, HEAD_BYTES - headLen));
        headLen += Math.min(buf.length, HEAD_BYTES - headLen);
      }
      if (validUtf8) {
        const joined = carry.length ? Buffer.concat([carry, buf]) : buf;
        const cut = incompleteTail(joined);
        validUtf8 = isUtf8(joined.subarray(0, cut));
        carry = Buffer.from(joined.subarray(cut));
      }
    }
  } catch (err) {
    throw unreadable(path, err);
  }
  if (carry.length) validUtf8 = false;
  const head = Buffer.concat(headParts);
  return { size, hash: hash.digest('hex'), bom: detectBom(head), validUtf8, head, complete: true };
}

/**
 * Reads only the head: enough to choose format, encoding and delimiter. Saves
 * a whole pass over a big file when nothing needs the hash up front (no
 * earlier source has the same size, so it cannot be a re-import); the reader
 * then hashes and checks UTF-8 as it goes.
 */
export async function headScan(path: string): Promise<FileScan> {
  const size = readableFileSize(path);
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
      await handle.read(head, 0, head.length, 0);
      const cut = head.length < size ? incompleteTail(head) : head.length;
      return { size, hash: null, bom: detectBom(head), validUtf8: isUtf8(head.subarray(0, cut)), head, complete: false };
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw unreadable(path, err);
  }
}

export function detectBom(head: Buffer): FileScan['bom'] {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  return null;
}
