import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { makeDecoder, type Encoding } from './detect-encoding.ts';
import { MAX_RECORD_CHARS, oversizedRecord } from './limits.ts';
import { parseCsvRecord } from './parse-csv-line.ts';
import { checkFieldCount, headersFirst, normaliseHeaders, type ParsedRecord, type RecordStream } from './records.ts';

/** A quoted field longer than this many lines is taken to be an unclosed quote, not a long note. */
const MAX_RECORD_LINES = 100;

/** A physical line and the break that ended it ('\n' for LF and CRLF, '\r' for a lone CR, '' at the end of the file). */
interface Line {
  text: string;
  line: number;
  brk: string;
}

interface Pending {
  lines: Line[];
  startLine: number;
  chars: number;
  /** The opening line already had text after a closing quote: the record is broken but continues. */
  brokenStart: boolean;
}

/** The lines of a multi-line record joined by the breaks that stood between them. */
function joinLines(lines: Line[]): string {
  let text = lines[0].text;
  for (let i = 1; i < lines.length; i++) text += lines[i - 1].brk + lines[i].text;
  return text;
}

/**
 * Streams a delimited text file as records. Works line by line: a line that
 * opens a quoted field pulls the following lines in until the quote closes.
 * If it never closes (within MAX_RECORD_LINES or by the end of the file), only
 * the opening line is quarantined and reading resumes on the next line, so one
 * stray quote cannot swallow the rest of the file.
 *
 * Outside quotes CRLF, LF and a lone CR all end a line, as Excel, LibreOffice
 * and Python read them: "CSV (Macintosh)" files end every line with CR alone,
 * and a stray CR in an LF file separates two records rather than gluing them
 * into one (a piece that is not a whole record is quarantined, not dropped).
 */
export async function readCsv(path: string, encoding: Encoding, delimiter: string, opts: { verify?: boolean } = {}): Promise<RecordStream> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  // After a quick scan, only the head is known to be valid: a fatal decoder
  // stops at the first byte that is not, and the caller reads the file again
  // with a full scan. The hash is computed here instead of in a separate pass.
  const decoder = opts.verify ? new TextDecoder(encoding, { fatal: true }) : makeDecoder(encoding);
  const hasher = opts.verify ? createHash('sha256') : null;
  let digest: string | null = null;
  let bytes = 0;
  let headers: string[] | null = null;
  let lineNo = 0;
  let rowNo = 0;
  let pending: Pending | null = null;
  let out: ParsedRecord[] = [];

  const emit = (text: string, startLine: number): void => {
    const parsed = parseCsvRecord(text, delimiter);
    if (headers === null) {
      headers = parsed.status === 'ok' ? normaliseHeaders(parsed.fields) : normaliseHeaders(text.split(delimiter));
      return;
    }
    rowNo++;
    if (parsed.status === 'ok') {
      const rec = checkFieldCount(headers.length, parsed.fields, rowNo, startLine, () => text);
      if (rec.ok) rec.text = text;
      out.push(rec);
    } else {
      out.push({ ok: false, rowNumber: rowNo, lineNumber: startLine, rawText: text, reason: 'text_after_quote', detail: `Text follows the closing quote in field ${(parsed as { column: number }).column}.` });
    }
  };

  const quarantineOpen = (p: Pending): Line[] => {
    rowNo++;
    out.push({ ok: false, rowNumber: rowNo, lineNumber: p.startLine, rawText: p.lines[0].text, reason: 'unterminated_quote', detail: 'A quoted field opens on this line and is never closed.' });
    return p.lines.slice(1);
  };

  // Feeds physical lines; a work list lets quarantined multi-line attempts be re-read.
  const feed = (first: Line): void => {
    const work: Line[] = [first];
    while (work.length) {
      const next = work.shift()!;
      const { text, line } = next;
      if (pending) {
        pending.lines.push(next);
        pending.chars += text.length;
        const joined = joinLines(pending.lines);
        const parsed = parseCsvRecord(joined, delimiter);
        if (parsed.status === 'ok' || (parsed.status === 'text_after_quote' && pending.brokenStart)) {
          const start = pending.startLine;
          pending = null;
          emit(joined, start);
        } else if (parsed.status !== 'open' || pending.lines.length > MAX_RECORD_LINES || pending.chars > MAX_RECORD_CHARS) {
          // Either the quote "closed" only by running into a later field's opening
          // quote, or it stays open too long: the opening line is the broken one,
          // and the lines it swallowed are read again. (A record whose quotes
          // balance is one record even with the wrong field count: it is
          // quarantined whole, as a spreadsheet would show it.)
          const rest = quarantineOpen(pending);
          pending = null;
          work.unshift(...rest);
        }
        continue;
      }
      if (text.length > MAX_RECORD_CHARS) {
        if (headers === null) throw headerTooLong(text.length);
        out.push(oversizedRecord(++rowNo, line, text, text.length));
        continue;
      }
      if (text.trim() === '') continue;
      if (text.indexOf('"') !== -1) {
        const opened = parseCsvRecord(text, delimiter);
        if (opened.status === 'open') {
          pending = { lines: [next], startLine: line, chars: text.length, brokenStart: opened.brokenColumn !== undefined };
          continue;
        }
      }
      emit(text, line);
    }
  };

  // Where the next CR and LF are in the text being split: remembered, so that
  // a file without CRs is not searched to its end for one at every line.
  let nextCr = -1;
  let nextLf = -1;
  /** Feeds the complete lines of `text`; returns the unfinished rest. At the end of the file nothing is unfinished. */
  const splitLines = (text: string, final: boolean): string => {
    nextCr = text.indexOf('\r');
    nextLf = text.indexOf('\n');
    let start = 0;
    for (;;) {
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
      if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
      const at = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextCr, nextLf);
      if (at === -1) break;
      const cr = at === nextCr;
      // A CR at the very end may be the first half of a CRLF split between chunks.
      if (cr && at === text.length - 1 && !final) break;
      const crlf = cr && text.charCodeAt(at + 1) === 10;
      feed({ text: text.slice(start, at), line: ++lineNo, brk: cr && !crlf ? '\r' : '\n' });
      start = at + (crlf ? 2 : 1);
    }
    const rest = text.slice(start);
    if (final && rest !== '') feed({ text: rest, line: ++lineNo, brk: '' });
    return final ? '' : rest;
  };

  /**
   * A line longer than a record may be (a file that lost its line breaks, a
   * pasted blob) is not held in memory: its first MAX_RECORD_CHARS characters
   * are kept, the rest is counted up to the next line break, and the line is
   * quarantined with its length.
   */
  let oversized: { start: string; length: number; line: number } | null = null;
  /** The oversized line ended with a CR at the end of a chunk: an LF starting the next one belongs to it. */
  let skipLf = false;

  const beginOversized = (text: string): void => {
    // A quoted record still open cannot include this line: its opening line is quarantined and the rest read again.
    while (pending) {
      const p: Pending = pending;
      pending = null;
      for (const line of quarantineOpen(p)) feed(line);
    }
    oversized = { start: text.slice(0, MAX_RECORD_CHARS), length: text.length, line: ++lineNo };
  };

  const endOversized = (): void => {
    const o = oversized!;
    oversized = null;
    if (headers === null) throw headerTooLong(o.length);
    out.push(oversizedRecord(++rowNo, o.line, o.start, o.length));
  };

  /** Counts an oversized line's characters in `text`; returns what follows its line break (or '' when it goes on). */
  const skipOversized = (text: string): string => {
    const cr = text.indexOf('\r');
    const lf = text.indexOf('\n');
    const at = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
    if (at === -1) {
      oversized!.length += text.length;
      return '';
    }
    oversized!.length += at;
    endOversized();
    const crlf = text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10;
    skipLf = text.charCodeAt(at) === 13 && at === text.length - 1;
    return text.slice(at + (crlf ? 2 : 1));
  };

  async function* batches(): AsyncGenerator<ParsedRecord[]> {
    let carry = '';
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      hasher?.update(chunk as Buffer);
      let text = decodeOrFail(decoder, chunk as Buffer, encoding);
      if (skipLf && text.charCodeAt(0) === 10) text = text.slice(1);
      skipLf = false;
      if (oversized) text = skipOversized(text);
      if (!oversized) {
        carry = splitLines(carry + text, false);
        if (carry.length > MAX_RECORD_CHARS) {
          beginOversized(carry);
          carry = '';
        }
      }
      if (out.length) {
        yield out;
        out = [];
      }
    }
    const tail = decodeOrFail(decoder, undefined, encoding);
    if (oversized) {
      oversized.length += tail.length;
      endOversized();
    } else {
      splitLines(carry + tail, true);
    }
    digest = hasher?.digest('hex') ?? null;
    // A quote still open at the end of the file: quarantine its first line, re-read the rest.
    while (pending) {
      const p: Pending = pending;
      pending = null;
      for (const line of quarantineOpen(p)) feed(line);
    }
    if (out.length) yield out;
  }

  return headersFirst(batches(), () => headers, { bytesRead: () => bytes, contentHash: () => digest });
}

function headerTooLong(length: number): AppError {
  return new AppError('file_unreadable', `The first line of the file is ${length.toLocaleString('en')} characters long: it is not a header row.`);
}

/** Decodes a chunk (or flushes at the end); a fatal decoder's failure becomes an encoding_mismatch error. */
function decodeOrFail(decoder: TextDecoder, chunk: Buffer | undefined, encoding: Encoding): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new AppError('encoding_mismatch', `The file is not all ${encoding}: it changes encoding after its first part.`);
  }
}
