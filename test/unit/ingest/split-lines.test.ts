import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Encoding } from '../../../main/ingest/detect-encoding.ts';
import { lineSplitter, type SplitLine } from '../../../main/ingest/split-lines.ts';

/** The file's lines as the reader sees them, fed in chunks of `size` bytes (every chunk boundary a real read could make). */
function splitInChunks(bytes: Buffer, encoding: Encoding, size: number, fatal = false): string[] {
  const splitter = lineSplitter(encoding, fatal);
  const lines: string[] = [];
  const note = (l: SplitLine) => lines.push(`${l.text}${JSON.stringify(l.brk)}`);
  for (let i = 0; i < bytes.length; i += size) splitter.lines(bytes.subarray(i, i + size)).forEach(note);
  splitter.end().forEach(note);
  return lines;
}

/**
 * The oracle: the whole file decoded at once by the platform's decoder, then
 * split at CRLF, LF and lone CR, each line noted with the break that ended it.
 */
function expected(bytes: Buffer, encoding: Encoding): string[] {
  const text = new TextDecoder(encoding).decode(bytes);
  const out: string[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(`${text.slice(start, m.index)}${JSON.stringify(m[0] === '\r' ? '\r' : '\n')}`);
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push(`${text.slice(start)}""`);
  return out;
}

const text = [
  'Contact ID,First Name,Last Name,City,Notes\r',
  '1,Léa,Bonnet,Île-de-France,"two\r',
  'lines"\r',
  '2,王伟,张,北京,客户 ⚠ 🙂\r',
  '3,Jürgen,Weiß,Köln,\uFEFFstarts with a zero-width no-break space\r',
  '',
  '4,Zoë,Ångström,Malmö,no line break at the end',
].join('\n');

describe('lineSplitter', () => {
  it.each<[string, Encoding, Buffer]>([
    ['UTF-8', 'utf-8', Buffer.from(text)],
    ['UTF-8 with a byte-order mark (dropped, as TextDecoder drops it)', 'utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['GB18030', 'gb18030', iconv.encode(text.replace(/[⚠🙂\uFEFF]/g, ''), 'gb18030')],
    ['Shift_JIS', 'shift_jis', iconv.encode('名前,住所\n山田,東京都港区\n表示,ソフト\n', 'shift_jis')],
    ['Big5', 'big5', iconv.encode('姓名,地址\n王偉,台北市\n許功蓋,高雄\n', 'big5')],
    ['Windows-1252', 'windows-1252', iconv.encode('Name;Straße\r\nJürgen Müller;Hauptstraße 5 €\r\n', 'windows-1252')],
    ['UTF-16LE with a byte-order mark', 'utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['UTF-16BE', 'utf-16be', iconv.encode(text, 'utf-16be')],
  ])('gives the same lines as decoding the whole file, wherever the chunks end: %s', (_name, encoding, bytes) => {
    for (const size of [1, 2, 3, 5, 7, 64, bytes.length]) {
      expect(splitInChunks(bytes, encoding, size), `chunks of ${size} bytes`).toEqual(expected(bytes, encoding));
      expect(splitInChunks(bytes, encoding, size, true), `fatal, chunks of ${size} bytes`).toEqual(expected(bytes, encoding));
    }
  });

  it('keeps a mark that is not at the start of the file, and an empty file has no lines', () => {
    const bytes = Buffer.from('a\n\uFEFFb\n');
    expect(splitInChunks(bytes, 'utf-8', 1)).toEqual(['a"\\n"', '\uFEFFb"\\n"']);
    expect(splitInChunks(Buffer.alloc(0), 'utf-8', 1)).toEqual([]);
  });

  it('ends lines at a lone CR too (old Mac "CSV (Macintosh)"), and a CR split from its LF between chunks counts once', () => {
    for (const size of [1, 2, 3, 64]) {
      expect(splitInChunks(Buffer.from('a\rb\r\nc\nd\r'), 'utf-8', size)).toEqual(['a"\\r"', 'b"\\n"', 'c"\\n"', 'd"\\r"']);
    }
  });

  // (A long line that arrives whole inside one chunk is handed on whole; the reader quarantines it. What the
  // splitter guarantees is that it never carries more than a record's worth between chunks.)
  it('carries only the start of a line longer than a record may be and counts the rest', () => {
    const long = 'x'.repeat((1 << 20) + 300_000);
    for (const size of [1 << 12, 1 << 16]) {
      const splitter = lineSplitter('utf-8', false);
      const bytes = Buffer.from(`head\n${long}\rnext\n`);
      const lines: SplitLine[] = [];
      for (let i = 0; i < bytes.length; i += size) lines.push(...splitter.lines(bytes.subarray(i, i + size)));
      lines.push(...splitter.end());
      expect(lines.map((l) => [l.text.length, l.brk, l.oversized])).toEqual([[4, '\n', undefined], [1 << 20, '\r', long.length], [4, '\n', undefined]]);
    }
  });

  it('replaces bytes that are not UTF-8 as the platform decoder does, or with fatal refuses them wherever they are', () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,ok\n2,'), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('\n3,'), Buffer.from([0xc3])]);
    for (const size of [1, 4, bytes.length]) expect(splitInChunks(bytes, 'utf-8', size)).toEqual(expected(bytes, 'utf-8'));
    for (const size of [1, 4, bytes.length]) expect(() => splitInChunks(bytes, 'utf-8', size, true)).toThrow(/not all utf-8/);
    const tailOnly = Buffer.concat([Buffer.from('id\n1\n'), Buffer.from([0xff])]);
    expect(() => splitInChunks(tailOnly, 'utf-8', 64, true)).toThrow(/not all utf-8/);
    expect(() => splitInChunks(Buffer.from([0x61, 0x0a, 0x81, 0x0a]), 'shift_jis', 1, true)).toThrow(/not all shift_jis/);
  });
});
