import { isUtf8 } from 'node:buffer';
import { AppError } from '../../shared/errors.ts';
import { makeDecoder, type Encoding } from './detect-encoding.ts';

/** Turns a file's chunks into its physical lines (without the `\n`; a `\r` before it is left for the reader). */
export interface LineSplitter {
  /** The lines this chunk completes; an unfinished last line waits for the next chunk. */
  lines(chunk: Buffer): string[];
  /** The last line, after the file's last chunk ('' when the file ended with a line break). */
  end(): string;
}

const LF = 0x0a;
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Each line is decoded from its own bytes rather than cut out of a decoded
 * chunk. A string cut out of another keeps its representation, so one
 * Chinese name anywhere in a megabyte made every line of it a two-byte string:
 * twice the bytes to parse, to copy to the writing thread and to convert for
 * SQLite. Decoded on its own, a line of Latin text is a one-byte string.
 *
 * Splitting the bytes is exact for UTF-8 and the legacy encodings we read: no
 * multi-byte character of theirs contains the byte 0x0A. UTF-16 is decoded a
 * chunk at a time and split as text. With `fatal`, bytes that are not valid in
 * the encoding fail the read with encoding_mismatch (see read-csv.ts).
 */
export function lineSplitter(encoding: Encoding, fatal: boolean): LineSplitter {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return textSplitter(encoding, fatal);
  const notInEncoding = () => mismatch(encoding);
  let decode: (bytes: Buffer) => string;
  if (encoding === 'utf-8') {
    decode = (bytes) => (fatal && !isUtf8(bytes) ? notInEncoding() : bytes.toString('utf8'));
  } else {
    const decoder = new TextDecoder(encoding, { fatal });
    decode = (bytes) => {
      try {
        return decoder.decode(bytes);
      } catch {
        return notInEncoding();
      }
    };
  }
  let carry: Buffer | null = null;
  let atStart = encoding === 'utf-8';
  return {
    lines(chunk) {
      let bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const out: string[] = [];
      if (atStart) {
        // TextDecoder drops a leading byte-order mark; decoding the bytes ourselves, so do we.
        if (bytes.length < utf8Bom.length && bytes.indexOf(LF) === -1) {
          carry = bytes; // perhaps the start of a mark
          return out;
        }
        if (bytes.subarray(0, utf8Bom.length).equals(utf8Bom)) bytes = bytes.subarray(utf8Bom.length);
        atStart = false;
      }
      const last = bytes.lastIndexOf(LF);
      if (last === -1) {
        carry = bytes;
        return out;
      }
      // UTF-8 is checked once over all complete lines (fast, native) and then decoded line by line.
      if (fatal && encoding === 'utf-8' && !isUtf8(bytes.subarray(0, last))) notInEncoding();
      const line = encoding === 'utf-8' ? (from: number, to: number) => bytes.toString('utf8', from, to) : (from: number, to: number) => decode(bytes.subarray(from, to));
      for (let start = 0, nl = bytes.indexOf(LF); ; nl = bytes.indexOf(LF, start)) {
        out.push(line(start, nl));
        start = nl + 1;
        if (nl === last) break;
      }
      carry = bytes.subarray(last + 1);
      return out;
    },
    end() {
      const tail = carry ?? Buffer.alloc(0);
      carry = null;
      return decode(tail);
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
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      return mismatch(encoding);
    }
  };
  let carry = '';
  return {
    lines(chunk) {
      const text = carry + decode(chunk);
      const out: string[] = [];
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        out.push(text.slice(start, nl));
        start = nl + 1;
      }
      carry = text.slice(start);
      return out;
    },
    end() {
      const tail = carry + decode();
      carry = '';
      return tail;
    },
  };
}
