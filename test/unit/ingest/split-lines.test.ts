import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Encoding } from '../../../main/ingest/detect-encoding.ts';
import { lineSplitter } from '../../../main/ingest/split-lines.ts';

/** The file's lines as the reader sees them, fed in chunks of `size` bytes (every chunk boundary a real read could make). */
function splitInChunks(bytes: Buffer, encoding: Encoding, size: number, fatal = false): string[] {
  const splitter = lineSplitter(encoding, fatal);
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += size) lines.push(...splitter.lines(bytes.subarray(i, i + size)));
  lines.push(splitter.end());
  return lines;
}

/** The oracle: the whole file decoded at once by the platform's decoder, then split at line feeds. */
const expected = (bytes: Buffer, encoding: Encoding): string[] => new TextDecoder(encoding).decode(bytes).split('\n');

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

  it('keeps a mark that is not at the start of the file, and an empty file is one empty line', () => {
    const bytes = Buffer.from('a\n\uFEFFb\n');
    expect(splitInChunks(bytes, 'utf-8', 1)).toEqual(['a', '\uFEFFb', '']);
    expect(splitInChunks(Buffer.alloc(0), 'utf-8', 1)).toEqual(['']);
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
