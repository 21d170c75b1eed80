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
  const eastAsian: Encoding = name === 'big5' ? 'big5' : name === 'shift_jis' ? 'shift_jis' : name === 'euc-kr' ? 'euc-kr' : 'gb18030';
  // chardet alone mistakes accented Western text for GB18030 ("Comté|" is a valid
  // GB byte pair); the decoded text tells them apart: Chinese comes in runs of
  // ideographs, misread Latin-1 gives lone ideographs glued to Latin letters.
  if (readsAsEastAsian(new TextDecoder(eastAsian).decode(head))) return eastAsian;
  // chardet reports Windows-1252 as ISO-8859-1; 1252 is its superset (€, curly quotes in 0x80-0x9F).
  return 'windows-1252';
}

const ideograph = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

/** True when most ideographs of the decoded sample stand next to another ideograph. */
export function readsAsEastAsian(text: string): boolean {
  let inRuns = 0;
  let lone = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    if (!ideograph.test(chars[i])) continue;
    if (ideograph.test(chars[i - 1] ?? '') || ideograph.test(chars[i + 1] ?? '')) inRuns++;
    else lone++;
  }
  return inRuns + lone > 0 && inRuns >= 2 * lone;
}

/** A streaming decoder; TextDecoder strips a leading BOM for us. */
export function makeDecoder(encoding: Encoding): TextDecoder {
  return new TextDecoder(encoding);
}
