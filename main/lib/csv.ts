/**
 * Every CSV the product writes goes through here: RFC 4180 quoting, and
 * cells a spreadsheet would run as a formula neutralised. Customer data
 * comes from files anyone could have written; a cell such as
 * `=HYPERLINK("http://evil", "Click")` or `@SUM(1+1)*cmd|' /C calc'!A0`
 * must open as text, not run (OWASP "CSV injection"). A leading apostrophe
 * is what Excel, LibreOffice and Google Sheets all read as "this is text".
 */
import { closeSync, fsyncSync, writeSync } from 'node:fs';
import { openPrivateFile } from './private-files.ts';

export type CsvValue = string | number | null | undefined;

/**
 * Starting with + or - is dangerous only when the cell is not a plain
 * number (-12.50, +3e5) or phone number (+4930123456, +1 (415) 555-2671,
 * -0800): those hold no function call and must stay exactly as they are.
 */
const numberLike = /^[+-][\d\s().\-/]*\d[\d\s().\-/]*$|^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function neutraliseFormula(text: string): string {
  if (text === '') return text;
  const c = text.charCodeAt(0);
  // = and @ always; + - TAB CR unless the cell is a number or a phone number.
  if (c === 61 || c === 64) return `'${text}`;
  if ((c === 43 || c === 45 || c === 9 || c === 13) && !numberLike.test(text)) return `'${text}`;
  return text;
}

const needsQuotes = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = neutraliseFormula(typeof value === 'number' ? String(value) : value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i > 0 ? ',' : '') + csvCell(values[i]);
  return `${line}\n`;
}

/**
 * A CSV file written in chunks of about a megabyte, synchronously: callers
 * stream rows straight from an SQLite statement, which must not stay open
 * across an await, and a million rows must never sit in memory as one
 * string. `bom` writes UTF-8's byte-order mark, which Excel needs to read
 * UTF-8 rather than the machine's legacy code page. Created readable by the
 * owner only: it holds personal data.
 */
export class CsvFileWriter {
  private readonly fd: number;
  private buffer = '';

  constructor(path: string, opts: { bom?: boolean } = {}) {
    this.fd = openPrivateFile(path);
    if (opts.bom) this.buffer = '\ufeff';
  }

  row(values: readonly CsvValue[]): void {
    this.buffer += csvLine(values);
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer, null, 'utf8');
    this.buffer = '';
  }

  close(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  /** Stops writing (after a failure or a cancel); the caller removes the partial file. */
  abandon(): void {
    closeSync(this.fd);
  }
}
