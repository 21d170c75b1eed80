/**
 * Shared text folding: every comparison works on lower-case ASCII so that
 * "Müller", "MULLER" and "muller" agree, and Hanzi is read as pinyin so that
 * 王伟 and "Wang Wei" agree.
 */
import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/**
 * Pinyin of one Han run, memoised: pinyin-pro segments words, which is the
 * costliest part of preparing Chinese records, and runs repeat (street and
 * place names, common given names). Each run is read on its own, so the
 * memo changes nothing.
 */
const runCache = new Map<string, string>();
function runPinyin(run: string, surname: boolean): string {
  const key = surname ? `\u0001${run}` : run;
  let hit = runCache.get(key);
  if (hit === undefined) {
    const syllables = pinyin(run, { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off', v: true });
    hit = ` ${syllables.join(' ')} `;
    if (runCache.size >= 50_000) runCache.clear();
    runCache.set(key, hit);
  }
  return hit;
}

/** Pinyin without tones, one syllable per Han character, other characters kept. */
export function hanToPinyin(s: string, surnameFirst = false): string {
  // Only Han runs go through pinyin-pro: in array mode it would split Latin text into letters.
  return s.replace(HAN_RUN, (run, offset: number) => runPinyin(run, surnameFirst && offset === 0)).trim();
}

/** Lower-case ASCII words separated by single spaces; punctuation becomes a space. */
export function fold(raw: string): string {
  let s = raw;
  if (NON_ASCII.test(s)) s = hasHan(s) ? anyAscii(hanToPinyin(s)) : anyAscii(s);
  s = s.toLowerCase();
  // One pass replacing runs of non-alphanumerics keeps this cheap at a million rows.
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Like fold but keeps no spaces: for codes such as postcodes. */
export function foldCompact(raw: string): string {
  return fold(raw).replace(/ /g, '');
}

export function asText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(v) : v.trim();
}
