/**
 * Person names re-cased. Only names written ALL UPPER or all lower are
 * touched: a name in mixed case ("DeShawn", "McArthur", "de Vries") was
 * written by someone who knew it. Chinese, Japanese and Korean names have no
 * case and are left alone.
 *
 * Rules, each word (hyphenated parts each: Jean-Luc, Müller-Lüdenscheidt):
 *   - capital first letter, the rest lower;
 *   - letter + apostrophe: O'Brien, D'Angelo, N'Diaye, Dell'Acqua;
 *   - family names (the family field, or a full name's later words):
 *     Mc + 2 letters → McDonald; Mac + 3 or more letters → MacLeod, unless the
 *     word ends in a, c, i, o, z or j or is a known exception (Macias, Mackie,
 *     Machado…), so Mack, Macy, Macon, Maciej stay (the rule of Perl's
 *     Lingua::EN::NameCase);
 *   - particles inside a name stay lower (van der Berg, von Müller, de la
 *     Cruz, Maria del Carmen, da Silva); in the family field they stay lower
 *     at its start too ("van der Berg" follows a given name when written in
 *     full), except for Italian records, where De Luca and Di Maio are
 *     capitalised by convention. A particle that is the last word (the
 *     Vietnamese family name Le, the Dutch "Van") is capitalised;
 *   - la, le, los, las after a particle stay lower (de la Cruz) but are
 *     capitalised on their own (La Fontaine, Le Pen);
 *   - generational suffixes: Jr, Sr, II, III, IV.
 */
import { change, type Change } from './standardiser.ts';

export type NameField = 'full_name' | 'given_name' | 'family_name';

const CJK = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'delle', 'dei', 'degli', 'di', 'da', 'du', 'des', 'dos', 'das', 'do',
  'ten', 'ter', 'te', 'het', 'zu', 'vom', 'zum', 'zur', 'bin', 'binti', 'bint', 'af', 'av', 'y', 'e', "van't",
]);
const ARTICLES = new Set(['la', 'le', 'los', 'las', 'lo', "'t"]);
const ROMAN = new Set(['ii', 'iii', 'iv', 'vi', 'vii', 'viii']);
const MAC_EXCEPTIONS = new Set([
  'macevicius', 'machado', 'machar', 'machin', 'machlin', 'macias', 'maciulis', 'mackie', 'mackle', 'macklin', 'mackmin', 'macquarie',
  'macomber', 'macin', 'mackintosh', 'macken', 'machen', 'machiel', 'maciol', 'mackell', 'macklem', 'mackrell', 'maclin', 'mackey',
  'mackley', 'machell', 'machon', 'macedo', 'macario', 'macek', 'machek', 'machala', 'macha', 'macho', 'machut',
]);

export function hasCjk(s: string): boolean {
  return CJK.test(s);
}

const cap = (s: string): string => (s.length === 0 ? s : s[0].toUpperCase() + s.slice(1));

interface Cased {
  text: string;
  /** A Mc/Mac, particle, article or apostrophe rule decided a letter. */
  special: boolean;
}

function casePart(part: string, familyWord: boolean): Cased {
  if (familyWord) {
    const mc = /^mc(\p{L}{2,})$/u.exec(part);
    if (mc) return { text: `Mc${cap(mc[1])}`, special: true };
    const mac = /^mac(\p{L}{3,})$/u.exec(part);
    if (mac && !/[aciozj]$/.test(part) && !MAC_EXCEPTIONS.has(part)) return { text: `Mac${cap(mac[1])}`, special: true };
  }
  if (/['’]/.test(part)) {
    const pieces = part.split(/(['’])/);
    return { text: pieces.map((p, i) => (i === 0 || (i % 2 === 0 && p.length >= 2) ? cap(p) : p)).join(''), special: true };
  }
  return { text: cap(part), special: false };
}

/** The re-cased name (from its lower-case form), or undefined when the rules change nothing. */
export function caseName(lower: string, field: NameField, country: string | undefined): Cased {
  const words = lower.split(' ');
  let special = false;
  let prevParticle = false;
  const out = words.map((word, i) => {
    const first = i === 0;
    const last = i === words.length - 1;
    const bare = word.replace(/\.$/, '');
    if (!last && PARTICLES.has(word) && (!first || field === 'family_name')) {
      const italianStart = country === 'IT' && (first || (field === 'full_name' && !prevParticle && i === 1));
      prevParticle = !italianStart;
      special = true;
      return italianStart ? cap(word) : word;
    }
    if (!last && prevParticle && ARTICLES.has(word)) {
      special = true;
      return word;
    }
    prevParticle = false;
    if (!first && ROMAN.has(bare)) return word.toUpperCase();
    const familyWord = field === 'family_name' || (field === 'full_name' && !first);
    return word
      .split('-')
      .map((part) => {
        const c = casePart(part, familyWord);
        if (c.special) special = true;
        return c.text;
      })
      .join('-');
  });
  return { text: out.join(' '), special };
}

/** An ASCII name with both capitals and small letters: mixed case, left as written (the common case, by character codes). */
function isMixedAscii(v: string): boolean {
  let upper = false;
  let lower = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 127) return false;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  return upper && lower;
}

/**
 * A name field's value (already cleaned of spaces): the re-cased name with
 * rule name_case, or null when it is mixed case, has no letters with case,
 * is Chinese, Japanese or Korean, or is already right.
 */
export function standardiseName(v: string, field: NameField, country: string | undefined): Change | null {
  if (isMixedAscii(v)) return null;
  const upper = v.toUpperCase();
  const lower = v.toLowerCase();
  if (upper === lower || (v !== upper && v !== lower) || hasCjk(v)) return null;
  const cased = caseName(lower, field, country);
  if (cased.text === v) return null;
  return change(cased.text, 'name_case', cased.special ? 0.75 : 0.9);
}
