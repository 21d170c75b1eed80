import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../main/ingest/detect-encoding.ts';
import { detectBom } from '../../../main/ingest/scan-file.ts';

/** A scan as scanFile makes it, for bytes already in memory. */
function scanOf(bytes: Buffer) {
  return { size: bytes.length, hash: '', bom: detectBom(bytes), validUtf8: isUtf8(bytes), head: bytes, complete: true };
}
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const french = 'id|prénom|nom|région\n1|Léa|Bonnet|Bourgogne-Franche-Comté|21009\n2|Zoé|Lefèvre|Île-de-France|75001\n3|Hélène|Méndez|Provence-Alpes-Côte d’Azur|13001\n';
const chinese = '客户编号,姓名,地址,城市\nC1,王伟,北京市朝阳区建国路88号,北京\nC2,李娜,上海市浦东新区世纪大道100号,上海\nC3,张敏,广州市天河区体育西路1号,广州\n';

describe('detectEncoding', () => {
  it.each([
    ['UTF-8', Buffer.from(french), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)]), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(french, 'utf-16le')]), 'utf-16le'],
    ['UTF-16LE without BOM', iconv.encode(french, 'utf-16le'), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(chinese, 'utf-16be')]), 'utf-16be'],
    ['Windows-1252 French whose accents form valid GB byte pairs', iconv.encode(french.repeat(3), 'windows-1252'), 'windows-1252'],
    ['Windows-1252 German', iconv.encode('Name;Straße;Ort\nJürgen Müller;Hauptstraße 5;Köln\nÄnne Weiß;Lindenallee 2;Düsseldorf\n'.repeat(3), 'windows-1252'), 'windows-1252'],
    ['GB18030 Chinese', iconv.encode(chinese.repeat(3), 'gb18030'), 'gb18030'],
  ])('%s', (_name, bytes, expected) => {
    expect(detectEncoding(scanOf(bytes))).toBe(expected);
  });
});
