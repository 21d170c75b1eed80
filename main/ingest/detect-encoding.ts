import chardet from 'chardet';
import type { FileScan } from './scan-file.ts';

/** Encodings we decode; names are WHATWG labels that TextDecoder understands. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'gb18030' | 'big5' | 'shift_jis' | 'euc-kr';

export const supportedEncodings: Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'gb18030', 'big5', 'shift_jis', 'euc-kr'];

/**
 * Order matters: a BOM is proof; then UTF-16 without BOM shows as many zero
 * bytes; then strict UTF-8 over the whole file (legacy encodings almost never
 * validate as UTF-8 by accident); only then a statistical guess.
 */
export function detectEncoding(scan: FileScan): Encoding {
  if (scan.bom === 'utf8') return 'utf-8';
  if (scan.bom === 'utf16le') return 'utf-16le';
  if (scan.bom === 'utf16be') return 'utf-16be';
  const zeros = zeroByteShare(scan.head);
  if (zeros.odd > 0.3 && zeros.even < 0.05) return 'utf-16le';
  if (zeros.even > 0.3 && zeros.odd < 0.05) return 'utf-16be';
  if (scan.validUtf8) return 'utf-8';
  return guessLegacy(scan.head);
}

function zeroByteShare(head: Buffer): { even: number; odd: number } {
  const n = Math.min(head.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half };
}

function guessLegacy(head: Buffer): Encoding {
  const name = (chardet.detect(head) ?? '').toLowerCase();
  if (name.startsWith('gb') || name === 'gbk') return 'gb18030';
  if (name === 'big5') return 'big5';
  if (name === 'shift_jis') return 'shift_jis';
  if (name === 'euc-kr') return 'euc-kr';
  // chardet reports Windows-1252 as ISO-8859-1; 1252 is its superset (€, curly quotes in 0x80-0x9F).
  if (looksLikeGb(head)) return 'gb18030';
  return 'windows-1252';
}

/** Many high bytes in lead/trail pairs, as Chinese text has, and as Western text does not. */
function looksLikeGb(head: Buffer): boolean {
  let pairs = 0;
  let high = 0;
  for (let i = 0; i < head.length - 1; i++) {
    if (head[i] >= 0x81) {
      high++;
      if (head[i] <= 0xfe && head[i + 1] >= 0x40 && head[i + 1] <= 0xfe && head[i + 1] !== 0x7f) {
        pairs++;
        i++;
      }
    }
  }
  return high > 20 && pairs / high > 0.9;
}

/** A streaming decoder; TextDecoder strips a leading BOM for us. */
export function makeDecoder(encoding: Encoding): TextDecoder {
  return new TextDecoder(encoding);
}
