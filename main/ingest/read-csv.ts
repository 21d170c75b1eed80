import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { Encoding } from './detect-encoding.ts';
import { MAX_RECORD_CHARS, oversizedRecord } from './limits.ts';
import { parseCsvRecord } from './parse-csv-line.ts';
import { checkFieldCount, headersFirst, normaliseHeaders, type ParsedRecord, type RecordStream } from './records.ts';
import { lineSplitter, type SplitLine } from './split-lines.ts';

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
  const splitter = lineSplitter(encoding, opts.verify ?? false);
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

  /** Feeds one physical line from the splitter; an oversized one is quarantined with its start and length. */
  const take = (l: SplitLine): void => {
    const line = ++lineNo;
    if (l.oversized === undefined) return feed({ text: l.text, line, brk: l.brk });
    // A quoted record still open cannot include this line: its opening line is quarantined and the rest read again.
    while (pending) {
      const p: Pending = pending;
      pending = null;
      for (const q of quarantineOpen(p)) feed(q);
    }
    if (headers === null) throw headerTooLong(l.oversized);
    out.push(oversizedRecord(++rowNo, line, l.text, l.oversized));
  };

  async function* batches(): AsyncGenerator<ParsedRecord[]> {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      hasher?.update(chunk as Buffer);
      for (const line of splitter.lines(chunk as Buffer)) take(line);
      if (out.length) {
        yield out;
        out = [];
      }
    }
    for (const line of splitter.end()) take(line);
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
