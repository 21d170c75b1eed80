/**
 * A full name split into given and family name, for records that have only
 * the full name. The parts keep the full name's script and letters (王伟 →
 * family 王, given 伟; not pinyin as the matching keys are): they are cut
 * from the name as it will read after its own standardisation (spaces
 * cleaned, re-cased when it was all upper or all lower), so the new fields do
 * not need a second proposal.
 *
 * Confidence follows how much the order and the cut are guessed:
 *   0.9  Chinese 2–3 characters (one-character family name, or a known
 *        two-character one: 欧阳, 司马…); Korean 2–3 syllables; CJK with a space
 *   0.85 "Family, Given"; two Latin words; a family name in capitals
 *        ("WANG Wei", "Anna SCHMIDT")
 *   0.8  a foreign name in Chinese with a middle dot (约翰·史密斯: given first)
 *   0.75 a family name starting at a particle (Ludwig van Beethoven)
 *   0.6  three or more words otherwise (given = all but the last; for
 *        Spanish-speaking countries the last two are the family names); four
 *        Chinese characters without a known compound surname
 * Latin-script names in East Asian records are 0.2 lower (their order is
 * written both ways). Japanese names in Han characters without a space, and
 * single words, are not split.
 */
import { COMPOUND_SURNAMES, SUFFIXES, TITLES } from './names.ts';

export interface SplitName {
  given: string;
  family: string;
  confidence: number;
}

const HAN_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const HANGUL_ONLY = /^[\uac00-\ud7af]+$/;
const KANA = /[\u3040-\u30ff]/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const KOREAN_COMPOUND = new Set(['남궁', '제갈', '선우', '황보', '독고', '사공', '서문', '동방']);
const FAMILY_PARTICLES = new Set(['van', 'von', 'de', 'del', 'della', 'di', 'da', 'du', 'des', 'dos', 'das', 'do', 'ten', 'ter', 'zu', 'bin', 'al', 'el', 'la', 'le', 'st', 'st.', 'mac', 'mc']);
const SPANISH_NAMING = new Set(['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'PR']);
const EAST_ASIAN = new Set(['CN', 'TW', 'HK', 'MO', 'SG', 'KR', 'JP', 'VN']);

const bareWord = (w: string): string => w.toLowerCase().replace(/\.$/, '');

function splitCjk(name: string, country: string | undefined): SplitName | undefined {
  const dotted = name.split(/\s*[·•・]\s*/);
  if (dotted.length > 1 && dotted.every((p) => p.length > 0)) {
    return { given: dotted[0], family: dotted[dotted.length - 1], confidence: 0.8 };
  }
  const words = name.split(' ');
  if (words.length > 1) return { family: words[0], given: words.slice(1).join(' '), confidence: 0.9 };
  if (KANA.test(name)) return undefined;
  if (HANGUL_ONLY.test(name)) {
    if (name.length === 2 || name.length === 3) return { family: name[0], given: name.slice(1), confidence: 0.9 };
    if (name.length === 4 && KOREAN_COMPOUND.has(name.slice(0, 2))) return { family: name.slice(0, 2), given: name.slice(2), confidence: 0.9 };
    return undefined;
  }
  if (!HAN_ONLY.test(name) || country === 'JP' || name.length < 2 || name.length > 4) return undefined;
  const compound = COMPOUND_SURNAMES.has(name.slice(0, 2));
  if (compound && name.length === 2) return undefined;
  const cut = compound ? 2 : 1;
  const confidence = name.length <= 3 || compound ? 0.9 : 0.6;
  return { family: name.slice(0, cut), given: name.slice(cut), confidence };
}

function stripDecorations(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end - 1 && TITLES.has(bareWord(words[start]))) start++;
  while (end > start + 1 && SUFFIXES.has(bareWord(words[end - 1]).replace(/,$/, ''))) end--;
  return words.slice(start, end).map((w) => w.replace(/,$/, ''));
}

const isCaps = (w: string): boolean => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();

function splitLatin(name: string, country: string | undefined): SplitName | undefined {
  const comma = name.indexOf(',');
  if (comma > 0) {
    const before = name.slice(0, comma).trim().split(' ').filter(Boolean);
    const after = stripDecorations(name.slice(comma + 1).trim().split(' ').filter(Boolean));
    if (after.length >= 1 && after.length <= 2 && before.length <= 3 && !SUFFIXES.has(bareWord(after[0])) && !/\d/.test(name)) {
      return { family: before.join(' '), given: after.join(' '), confidence: 0.85 };
    }
    return undefined;
  }
  const words = stripDecorations(name.split(' '));
  if (words.length < 2) return undefined;
  const penalty = country && EAST_ASIAN.has(country) ? 0.2 : 0;
  // A family name in capitals among capitalised words: "WANG Wei", "Anna SCHMIDT".
  const caps = words.filter(isCaps);
  if (caps.length === 1 && words.some((w) => !isCaps(w) && w !== w.toLowerCase())) {
    const i = words.indexOf(caps[0]);
    if (i === 0 || i === words.length - 1) {
      return { family: caps[0], given: words.filter((_, j) => j !== i).join(' '), confidence: 0.85 };
    }
  }
  if (words.length === 2) return { given: words[0], family: words[1], confidence: 0.85 - penalty };
  const particle = words.findIndex((w, i) => i > 0 && i < words.length - 1 && FAMILY_PARTICLES.has(bareWord(w)));
  if (particle > 0) return { given: words.slice(0, particle).join(' '), family: words.slice(particle).join(' '), confidence: 0.75 - penalty };
  if (country && SPANISH_NAMING.has(country)) {
    const cut = words.length - 2;
    return { given: words.slice(0, cut).join(' '), family: words.slice(cut).join(' '), confidence: 0.6 };
  }
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1], confidence: 0.6 - penalty };
}

/** Given and family name of a cleaned full name, or undefined when it cannot be split with any confidence. */
export function splitName(full: string, country: string | undefined): SplitName | undefined {
  if (!full || /[\d@]/.test(full)) return undefined;
  const split = CJK.test(full) ? splitCjk(full, country) : splitLatin(full, country);
  if (split) split.confidence = Math.round(split.confidence * 100) / 100;
  return split;
}
