/**
 * Title case for addresses and place names written ALL UPPER or all lower
 * (mixed case is left as written: "51 rue des Tilleuls" is correct French).
 * Kept: directions (NW, SE, N) in English-speaking countries, "PO Box",
 * ordinals (1st, 22nd), house numbers with letters as written (12a, 12A),
 * "c/o". Particles inside a name stay lower (Rue de la Paix, Frankfurt am
 * Main, Avenue of the Americas, Aix-en-Provence, 's-Gravenhage).
 */
import { hasCjk } from './standardise-name.ts';
import { change, type Change } from './standardiser.ts';

const PARTICLES = new Set([
  'de', 'la', 'le', 'les', 'des', 'du', 'del', 'della', 'delle', 'dei', 'degli', 'di', 'da', 'do', 'dos', 'das', 'van', 'von', 'der', 'den',
  'zu', 'zum', 'zur', 'am', 'an', 'im', 'auf', 'of', 'the', 'and', 'et', 'en', 'sur', 'sous', 'lès', 'aan', 'op', 'bij', 'het', 'upon', 'on', 'by',
]);
/** "y" and "e" join names in Spanish, Italian and Portuguese; elsewhere E is East. */
const ROMANCE_AND = new Set(['y', 'e']);
/** German floor and building abbreviations, kept in capitals: 5. OG (Obergeschoss), EG, DG, UG, HH (Hinterhaus), VH. */
const GERMAN_CAPS = new Set(['og', 'eg', 'dg', 'ug', 'hh', 'vh', 'sb']);
const GERMAN = new Set(['DE', 'AT', 'CH', 'LI']);
const DIRECTIONS = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'nne', 'ene', 'ese', 'sse', 'ssw', 'wsw', 'wnw', 'nnw']);

/** "P.O. Box", "p o box", "Po Box", "POB 12": all "PO Box". */
export const PO_BOX = /\bp\.?\s?o\.?\s?box\b|\bp\.?o\.?b\.?(?=\s\d)/gi;

export const ENGLISH_ADDRESSES = new Set(['US', 'GB', 'CA', 'AU', 'NZ', 'IE', 'ZA', 'IN', 'SG', 'PH']);
export const ROMANCE_ADDRESSES = new Set(['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'UY', 'PY', 'BO', 'IT', 'SM', 'PT', 'BR']);

/** Whether a value is written all in one case (and has letters with case). */
export function isSingleCase(v: string): boolean {
  // ASCII by character codes (the common case); anything else by the case mappings.
  let hasUpper = false;
  let hasLower = false;
  let ascii = true;
  for (let i = 0; i < v.length && ascii; i++) {
    const c = v.charCodeAt(i);
    if (c > 127) ascii = false;
    else if (c >= 65 && c <= 90) hasUpper = true;
    else if (c >= 97 && c <= 122) hasLower = true;
  }
  if (ascii) return hasUpper !== hasLower;
  const upper = v.toUpperCase();
  const lower = v.toLowerCase();
  return upper !== lower && (v === upper || v === lower);
}

const capFirstLetter = (s: string): string => s.replace(/\p{L}/u, (c) => c.toUpperCase());

function casePart(part: string, first: boolean, country: string | undefined): string {
  if (/^'[a-z]$/.test(part)) return part; // Dutch 's-Gravenhage, 't Zand
  const bare = part.replace(/[.,;:]+$/, '');
  if (!first && (PARTICLES.has(bare) || (country && ROMANCE_ADDRESSES.has(country) && ROMANCE_AND.has(bare)))) return part;
  if (/^\d/.test(part)) return part;
  const elided = /^([dl])['’](\p{L}.*)$/u.exec(part);
  if (elided) return `${first ? elided[1].toUpperCase() : elided[1]}'${capFirstLetter(elided[2])}`;
  const irish = /^o['’](\p{L}.*)$/u.exec(part);
  if (irish) return `O'${capFirstLetter(irish[1])}`;
  const mc = /^mc(\p{L}{2,})$/u.exec(part);
  if (mc) return `Mc${capFirstLetter(mc[1])}`;
  if (country === 'NL' && /^ij/.test(part)) return `IJ${part.slice(2)}`;
  return capFirstLetter(part);
}

/**
 * Title case of a single-case address or place (its letters lower-cased
 * first). Digit words keep their letters as written, except ordinals, which
 * are lower (1ST → 1st).
 */
export function titleCaseAddress(v: string, country: string | undefined): string {
  const english = !country || ENGLISH_ADDRESSES.has(country);
  const original = v.split(' ');
  const words = v.toLowerCase().split(' ');
  const out = words.map((word, i) => {
    const bare = word.replace(/[.,;:]+$/, '');
    if (/^\d/.test(word)) return /^\d+(?:st|nd|rd|th)[.,;:]*$/.test(word) ? word : original[i];
    if (english && DIRECTIONS.has(bare) && (i > 0 || words.length > 1)) return word.toUpperCase();
    if (word === 'c/o') return word;
    if (country && GERMAN.has(country) && GERMAN_CAPS.has(bare)) return word.toUpperCase();
    return word
      .split('-')
      .map((part, j) => casePart(part, i === 0 && j === 0, country))
      .join('-');
  });
  return out.join(' ').replace(PO_BOX, 'PO Box');
}

/**
 * A city or region written all upper or all lower, title-cased (rule
 * address_case). Short single words (CA, NSW, NYC, "by") may be codes and are
 * left alone, as are Chinese, Japanese and Korean names.
 */
export function standardisePlace(v: string, country: string | undefined): Change | null {
  if (!isSingleCase(v) || (v.length <= 3 && !v.includes(' ')) || hasCjk(v)) return null;
  const cased = titleCaseAddress(v, country);
  return cased === v ? null : change(cased, 'address_case', 0.85);
}
