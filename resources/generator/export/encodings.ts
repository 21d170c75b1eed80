import iconv from 'iconv-lite';

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'windows-1252' | 'gb18030';

export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf8', 'utf8-bom', 'utf16le', 'windows-1252', 'gb18030'];

/** The byte-order mark a file starts with, as Excel and Windows tools write it. */
export function bomFor(encoding: CsvEncoding): Buffer {
  if (encoding === 'utf8-bom') return Buffer.from([0xef, 0xbb, 0xbf]);
  if (encoding === 'utf16le') return Buffer.from([0xff, 0xfe]);
  return Buffer.alloc(0);
}

// Latin-1 plus the 27 characters Windows-1252 puts in 0x80-0x9F.
const NOT_CP1252 = /[^\x00-\x7f\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/u;

/**
 * Encodes text. Windows-1252 refuses characters it cannot hold instead of
 * writing '?' as iconv-lite would: a silently damaged test file would make the
 * importer look wrong for the generator's mistake.
 */
export function encodeText(text: string, encoding: CsvEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
    case 'utf8-bom':
      return Buffer.from(text, 'utf8');
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'windows-1252': {
      const bad = NOT_CP1252.exec(text);
      if (bad) throw new Error(`"${bad[0]}" (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase()}) cannot be written in Windows-1252; generate Western locales only for such files.`);
      return iconv.encode(text, 'win1252');
    }
  }
}
