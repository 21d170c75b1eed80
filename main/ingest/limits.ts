import type { BrokenRecord } from './records.ts';

/**
 * Caps that keep an import's memory bounded whatever the file holds. A record
 * past MAX_RECORD_CHARS is no customer record (a pasted attachment, a binary
 * blob, a file that lost its line breaks): it is quarantined with its first
 * MAX_RECORD_CHARS characters, and the detail says where the rest is.
 */
export const MAX_RECORD_CHARS = 1 << 20;

/** JSON is parsed whole: a file larger than this is refused rather than read into memory. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Nesting deeper than this is no CRM record, and would overflow the stack when written back as text. */
export const MAX_JSON_DEPTH = 100;

const fmt = (n: number): string => n.toLocaleString('en');

/** The quarantine entry for a record longer than MAX_RECORD_CHARS; `length` is its full length in characters. */
export function oversizedRecord(rowNumber: number, lineNumber: number, start: string, length: number): BrokenRecord {
  return {
    ok: false,
    rowNumber,
    lineNumber,
    rawText: start.slice(0, MAX_RECORD_CHARS),
    reason: 'record_too_large',
    detail: `The record is ${fmt(length)} characters long; one record may hold at most ${fmt(MAX_RECORD_CHARS)}. Its first ${fmt(MAX_RECORD_CHARS)} characters are kept here; the whole record starts on line ${fmt(lineNumber)} of the file.`,
  };
}
