/**
 * What a file is when its first bytes say it is not text: images, documents,
 * archives, programs. A file picked by mistake must be refused by name before
 * anything reads it as a CSV (a PNG read as Windows-1252 "imports" hundreds
 * of empty customers). Zip archives are not here: an XLSX is one, so they are
 * told apart by the parts they hold (zip-kind.ts).
 */
interface Signature {
  /** Bytes at `offset`; a string is compared as Latin-1. */
  bytes: string | number[];
  offset?: number;
  what: string;
  /** Extra condition for short signatures that plain text could start with. */
  also?: (head: Buffer) => boolean;
  /** A hint for files a steward can turn into something we read. */
  hint?: string;
}

const saveAsXlsx = 'Open it in a spreadsheet program and save it as XLSX or CSV, then import that.';

const signatures: Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: 'GIF87a', what: 'a GIF image' },
  { bytes: 'GIF89a', what: 'a GIF image' },
  { bytes: 'BM', what: 'a BMP image', also: (h) => h.length >= 14 && h.readUInt32LE(6) === 0 && h.readUInt32LE(2) > 14 },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { bytes: 'WEBP', offset: 8, what: 'a WebP image', also: (h) => h.toString('latin1', 0, 4) === 'RIFF' },
  { bytes: 'WAVE', offset: 8, what: 'a WAV sound file', also: (h) => h.toString('latin1', 0, 4) === 'RIFF' },
  { bytes: 'AVI ', offset: 8, what: 'an AVI video', also: (h) => h.toString('latin1', 0, 4) === 'RIFF' },
  { bytes: [0x00, 0x00, 0x01, 0x00], what: 'an icon file' },
  { bytes: 'ftyp', offset: 4, what: 'a video or audio file (MP4, MOV, HEIC)' },
  { bytes: 'ID3', what: 'an MP3 sound file' },
  { bytes: '%PDF-', what: 'a PDF document' },
  { bytes: '{\\rtf', what: 'an RTF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an Excel 97–2003 workbook (.xls) or another old Office document', hint: saveAsXlsx },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive', hint: 'Unpack it and import the files inside.' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', hint: 'Unpack it and import the files inside.' },
  { bytes: 'Rar!', what: 'a RAR archive', hint: 'Unpack it and import the files inside.' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz archive', hint: 'Unpack it and import the files inside.' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a Zstandard archive', hint: 'Unpack it and import the files inside.' },
  { bytes: 'BZh', what: 'a bzip2 archive', also: (h) => h.toString('latin1', 4, 10) === '1AY&SY', hint: 'Unpack it and import the files inside.' },
  { bytes: 'MZ', what: 'a Windows program', also: isWindowsProgram },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a Linux program' },
  { bytes: [0xfe, 0xed, 0xfa, 0xce], what: 'a macOS program' },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], what: 'a macOS program' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], what: 'a macOS program' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS program' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'a program (Java class or macOS universal binary)' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly program' },
  { bytes: 'SQLite format 3\u0000', what: 'an SQLite database', hint: 'If it is a CRM Steward project, open it from the start screen instead.' },
  { bytes: 'PAR1', what: 'a Parquet data file', hint: 'Export the data as CSV, then import that.' },
];

function isWindowsProgram(head: Buffer): boolean {
  if (head.length < 0x40) return false;
  const pe = head.readUInt32LE(0x3c);
  return (pe + 4 <= head.length && head.toString('latin1', pe, pe + 4) === 'PE\u0000\u0000') || head.includes('This program cannot be run in DOS mode', 0, 'latin1');
}

function matches(head: Buffer, s: Signature): boolean {
  const offset = s.offset ?? 0;
  const bytes = typeof s.bytes === 'string' ? Buffer.from(s.bytes, 'latin1') : Buffer.from(s.bytes);
  if (head.length < offset + bytes.length || !head.subarray(offset, offset + bytes.length).equals(bytes)) return false;
  return s.also ? s.also(head) : true;
}

/** What a file's first bytes say it is, when that is a kind of file we cannot import; null for anything else. */
export function binaryKind(head: Buffer): { what: string; hint?: string } | null {
  const found = signatures.find((s) => matches(head, s));
  return found ? { what: found.what, hint: found.hint } : null;
}

/** True when the file starts like a zip archive (an XLSX is one). */
export function isZip(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6) || (head[2] === 7 && head[3] === 8));
}

/** Markup documents that programs save under spreadsheet names (".xls" web pages, Excel 2003 XML). */
export function markupKind(text: string): { what: string; hint: string } | null {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 1024).toLowerCase();
  if (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { what: 'an Excel 2003 XML spreadsheet', hint: saveAsXlsx };
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<table')) {
    return { what: 'a web page (HTML), as some systems save under an .xls name', hint: saveAsXlsx };
  }
  if (start.startsWith('<?xml')) return { what: 'an XML document', hint: 'Export the data as CSV, XLSX or JSON, then import that.' };
  return null;
}

/**
 * Share of characters no text file holds: C0 control characters other than
 * tab, line breaks, form feed and NUL (NUL-padded fields occur in real ERP
 * exports and are cleaned on import), DEL, replacement characters from bytes
 * that do not decode, and lone surrogates. Compressed or machine data decoded
 * as text gives about one in ten; text gives none, or a stray few.
 */
export function strangeCharacterShare(text: string): { share: number; count: number } {
  let count = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x00) count++;
    } else if (c === 0x7f || c === 0xfffd) {
      count++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff ? text.charCodeAt(i + 1) : -1;
      if (pair >= 0xdc00 && pair <= 0xdfff) i++;
      else count++;
    }
  }
  return { share: n === 0 ? 0 : count / n, count };
}

/** More than this share (and at least MIN_STRANGE characters) of strange characters makes a file binary. */
export const BINARY_SHARE = 0.05;
export const MIN_STRANGE = 16;
