import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Encoding } from './detect-encoding.ts';
import { parseCsvRecord } from './parse-csv-line.ts';
import { checkFieldCount, headersFirst, normaliseHeaders, type ParsedRecord, type RecordStream } from './records.ts';
import { lineSplitter } from './split-lines.ts';

/** A quoted field longer than this many lines is taken to be an unclosed quote, not a long note. */
const MAX_RECORD_LINES = 100;
const MAX_RECORD_CHARS = 1 << 20;

interface Pending {
  lines: string[];
  startLine: number;
  chars: number;
  /** The opening line already had text after a closing quote: the record is broken but continues. */
  brokenStart: boolean;
}

/**
 * Streams a delimited text file as records. Works line by line: a line that
 * opens a quoted field pulls the following lines in until the quote closes.
 * If it never closes (within MAX_RECORD_LINES or by the end of the file), only
 * the opening line is quarantined and reading resumes on the next line, so one
 * stray quote cannot swallow the rest of the file.
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

  const quarantineOpen = (p: Pending): string[] => {
    rowNo++;
    out.push({ ok: false, rowNumber: rowNo, lineNumber: p.startLine, rawText: p.lines[0], reason: 'unterminated_quote', detail: 'A quoted field opens on this line and is never closed.' });
    return p.lines.slice(1);
  };

  // Feeds physical lines; a work list lets quarantined multi-line attempts be re-read.
  const feed = (first: string): void => {
    const work: { text: string; line: number }[] = [{ text: first, line: ++lineNo }];
    while (work.length) {
      const { text: raw, line } = work.shift()!;
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (pending) {
        pending.lines.push(text);
        pending.chars += text.length;
        const joined = pending.lines.join('\n');
        const parsed = parseCsvRecord(joined, delimiter);
        if (parsed.status === 'ok' || (parsed.status === 'text_after_quote' && pending.brokenStart)) {
          const start = pending.startLine;
          pending = null;
          emit(joined, start);
        } else if (parsed.status !== 'open') {
          // The quote "closed" only by running into a later field's opening quote:
          // the opening line is the broken one; the lines it swallowed are read again.
          // (A record whose quotes balance is one record even with the wrong field
          // count: it is quarantined whole, as a spreadsheet would show it.)
          const start = pending.startLine;
          const rest = quarantineOpen(pending);
          pending = null;
          work.unshift(...rest.map((t, k) => ({ text: t, line: start + 1 + k })));
        } else if (pending.lines.length > MAX_RECORD_LINES || pending.chars > MAX_RECORD_CHARS) {
          const start = pending.startLine;
          const rest = quarantineOpen(pending);
          pending = null;
          work.unshift(...rest.map((t, k) => ({ text: t, line: start + 1 + k })));
        }
        continue;
      }
      if (text.trim() === '') continue;
      if (text.indexOf('"') !== -1) {
        const first = parseCsvRecord(text, delimiter);
        if (first.status === 'open') {
          pending = { lines: [text], startLine: line, chars: text.length, brokenStart: first.brokenColumn !== undefined };
          continue;
        }
      }
      emit(text, line);
    }
  };

  async function* batches(): AsyncGenerator<ParsedRecord[]> {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      hasher?.update(chunk as Buffer);
      for (const line of splitter.lines(chunk as Buffer)) feed(line);
      if (out.length) {
        yield out;
        out = [];
      }
    }
    const tail = splitter.end();
    digest = hasher?.digest('hex') ?? null;
    if (tail !== '') feed(tail);
    // A quote still open at the end of the file: quarantine its first line, re-read the rest.
    while (pending) {
      const p: Pending = pending;
      pending = null;
      const rest = quarantineOpen(p);
      lineNo = p.startLine;
      for (const line of rest) feed(line);
    }
    if (out.length) yield out;
  }

  return headersFirst(batches(), () => headers, { bytesRead: () => bytes, contentHash: () => digest });
}
