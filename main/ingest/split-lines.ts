import { isUtf8 } from 'node:buffer';
import { AppError } from '../../shared/errors.ts';
import { makeDecoder, type Encoding } from './detect-encoding.ts';
import { MAX_RECORD_CHARS } from './limits.ts';

/**
 * A physical line of a delimited file and the break that ended it: '\n' for
 * LF and CRLF, '\r' for a lone CR, '' at the end of the file. Outside quotes
 * all three end a line, as Excel, LibreOffice and Python read them: "CSV
 * (Macintosh)" files end every line with CR alone.
 */
export interface SplitLine {
  text: string;
  brk: '\n' | '\r' | '';
  /**
   * Set when the line was longer than a record may be (a file that lost its
   * line breaks, a pasted blob): `text` then holds only its start, and this
   * its full length (in bytes, or characters for UTF-16). The rest is counted,
   * never held in memory.
   */
  oversized?: number;
}

/** Turns a file's chunks into its physical lines. */
export interface LineSplitter {
  /** The lines this chunk completes; an unfinished last line waits for the next chunk. */
  lines(chunk: Buffer): SplitLine[];
  /** The lines still open after the file's last chunk (none when the file ended with a line break). */
  end(): SplitLine[];
}

const CR = 13;
const LF = 10;
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** What the scanner needs of a buffer or a string. */
interface Text<T> {
  value: T;
  length: number;
  indexOf(code: number, from: number): number;
  codeAt(i: number): number;
}

interface Cut {
  from: number;
  to: number;
  brk: '\n' | '\r';
}

/**
 * Where the complete lines of `t` end. The next CR and next LF are
 * remembered, so a file without CRs is not searched to its end for one at
 * every line. A CR as the very last unit may be the first half of a CRLF
 * split between chunks: it waits for the next chunk.
 */
function cuts<T>(t: Text<T>): { cuts: Cut[]; rest: number } {
  const out: Cut[] = [];
  let start = 0;
  let nextCr = t.indexOf(CR, 0);
  let nextLf = t.indexOf(LF, 0);
  for (;;) {
    if (nextCr !== -1 && nextCr < start) nextCr = t.indexOf(CR, start);
    if (nextLf !== -1 && nextLf < start) nextLf = t.indexOf(LF, start);
    const at = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextCr, nextLf);
    if (at === -1) break;
    const cr = at === nextCr;
    if (cr && at === t.length - 1) break;
    const crlf = cr && t.codeAt(at + 1) === LF;
    out.push({ from: start, to: at, brk: cr && !crlf ? '\r' : '\n' });
    start = at + (crlf ? 2 : 1);
  }
  return { cuts: out, rest: start };
}

/**
 * The splitting both kinds share: complete lines are decoded and handed on;
 * an unfinished line is carried to the next chunk, unless it has grown past
 * a record's size, when only its start is kept and the rest counted up to
 * its line break.
 */
function splitter<T>(wrap: (v: T) => Text<T>, join: (a: T | null, b: T) => T, slice: (v: T, from: number, to: number) => T, decode: (v: T) => string, check: (v: T, upTo: number) => void, empty: T): LineSplitter {
  let carry: T | null = null;
  let skipping: { head: T; length: number } | null = null;
  /** An oversized line ended with a CR at a chunk's end: an LF starting the next chunk belongs to it. */
  let skipLf = false;
  return {
    lines(chunk) {
      let t = wrap(join(carry, chunk as unknown as T));
      carry = null;
      const out: SplitLine[] = [];
      if (skipLf && t.length > 0 && t.codeAt(0) === LF) t = wrap(slice(t.value, 1, t.length));
      skipLf = false;
      if (skipping) {
        const cr = t.indexOf(CR, 0);
        const lf = t.indexOf(LF, 0);
        const at = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
        if (at === -1) {
          skipping.length += t.length;
          return out;
        }
        const crlf = at === cr && t.codeAt(at + 1) === LF;
        out.push({ text: decode(skipping.head), brk: at === cr && !crlf ? '\r' : '\n', oversized: skipping.length + at });
        skipping = null;
        skipLf = at === cr && at === t.length - 1;
        t = wrap(slice(t.value, at + (crlf ? 2 : 1), t.length));
      }
      const found = cuts(t);
      check(t.value, found.rest);
      for (const c of found.cuts) out.push({ text: decode(slice(t.value, c.from, c.to)), brk: c.brk });
      const rest = slice(t.value, found.rest, t.length);
      const restLength = t.length - found.rest;
      if (restLength > MAX_RECORD_CHARS) skipping = { head: slice(rest, 0, MAX_RECORD_CHARS), length: restLength };
      else carry = rest;
      return out;
    },
    end() {
      if (skipping) {
        const line: SplitLine = { text: decode(skipping.head), brk: '', oversized: skipping.length };
        skipping = null;
        return [line];
      }
      const t = wrap(carry ?? empty);
      carry = null;
      check(t.value, t.length);
      if (t.length === 0) return [];
      // A CR at the very end was waiting for an LF that never came: it ended the last line.
      if (t.codeAt(t.length - 1) === CR) return [{ text: decode(slice(t.value, 0, t.length - 1)), brk: '\r' }];
      return [{ text: decode(t.value), brk: '' }];
    },
  };
}

/**
 * Each line is decoded from its own bytes rather than cut out of a decoded
 * chunk. A string cut out of another keeps its representation, so one
 * Chinese name anywhere in a megabyte made every line of it a two-byte string:
 * twice the bytes to parse, to copy to the writing thread and to convert for
 * SQLite. Decoded on its own, a line of Latin text is a one-byte string.
 *
 * Splitting the bytes is exact for UTF-8 and the legacy encodings we read: no
 * multi-byte character of theirs contains the byte 0x0A or 0x0D. UTF-16 is
 * decoded a chunk at a time and split as text. With `fatal`, bytes that are
 * not valid in the encoding fail the read with encoding_mismatch.
 */
export function lineSplitter(encoding: Encoding, fatal: boolean): LineSplitter {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return textSplitter(encoding, fatal);
  const notInEncoding = (): never => mismatch(encoding);
  let decode: (bytes: Buffer) => string;
  if (encoding === 'utf-8') decode = (bytes) => bytes.toString('utf8');
  else {
    const decoder = new TextDecoder(encoding, { fatal });
    decode = (bytes) => {
      try {
        return decoder.decode(bytes);
      } catch {
        return notInEncoding();
      }
    };
  }
  let atStart = encoding === 'utf-8';
  // UTF-8 is checked once over all complete lines of a chunk (fast, native), then decoded line by line.
  const check = (bytes: Buffer, upTo: number): void => {
    if (fatal && encoding === 'utf-8' && upTo > 0 && !isUtf8(bytes.subarray(0, upTo))) notInEncoding();
  };
  const bytesOf = (b: Buffer): Text<Buffer> => ({ value: b, length: b.length, indexOf: (c, from) => b.indexOf(c, from), codeAt: (i) => b[i] ?? -1 });
  const inner = splitter<Buffer>(bytesOf, (a, b) => (a && a.length ? Buffer.concat([a, b]) : b), (v, from, to) => v.subarray(from, to), decode, check, Buffer.alloc(0));
  let head: Buffer | null = null;
  return {
    lines(chunk) {
      if (!atStart) return inner.lines(chunk);
      // TextDecoder drops a leading byte-order mark; decoding the bytes ourselves, so do we.
      const bytes: Buffer = head ? Buffer.concat([head, chunk]) : chunk;
      if (bytes.length < utf8Bom.length) {
        head = bytes; // perhaps the start of a mark
        return [];
      }
      head = null;
      atStart = false;
      return inner.lines(bytes.subarray(0, utf8Bom.length).equals(utf8Bom) ? bytes.subarray(utf8Bom.length) : bytes);
    },
    end() {
      const early = head ? inner.lines(head) : [];
      head = null;
      return [...early, ...inner.end()];
    },
  };
}

/** Only read with `fatal`: the head looked like this encoding, a later part is not. */
function mismatch(encoding: Encoding): never {
  throw new AppError('encoding_mismatch', `The file is not all ${encoding}: it changes encoding after its first part.`);
}

/** UTF-16: decoded per chunk (a line feed is two bytes there), then split as text. */
function textSplitter(encoding: Encoding, fatal: boolean): LineSplitter {
  const decoder = fatal ? new TextDecoder(encoding, { fatal: true }) : makeDecoder(encoding);
  const decodeChunk = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      return mismatch(encoding);
    }
  };
  const textOf = (s: string): Text<string> => ({ value: s, length: s.length, indexOf: (c, from) => s.indexOf(String.fromCharCode(c), from), codeAt: (i) => (i < s.length ? s.charCodeAt(i) : -1) });
  const inner = splitter<string>(textOf, (a, b) => (a ?? '') + b, (v, from, to) => v.slice(from, to), (v) => v, () => {}, '');
  return {
    lines: (chunk) => inner.lines(decodeChunk(chunk) as unknown as Buffer),
    end() {
      // The decoder's flush (a replacement for a cut-off character) may still complete a CR-ended line.
      const tail = decodeChunk();
      return [...(tail ? inner.lines(tail as unknown as Buffer) : []), ...inner.end()];
    },
  };
}
