/**
 * Person names: folding, splitting a full name into given and family parts,
 * and the derived keys the comparisons use (phonetic code, nickname groups).
 */
import { fold, hasHan, hanToPinyin } from './text.ts';

export interface NameParts {
  given: string;
  family: string;
}

/** Titles and honorifics before a name, lower-case without the dot. */
export const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord',
  'rev', 'reverend', 'fr', 'father', 'sister', 'brother', 'herr', 'frau', 'mme', 'mlle', 'sr', 'sra',
  'srta', 'don', 'dona', 'ing', 'mag', 'dipl',
]);
/** Generational and degree suffixes after a name. */
export const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'dds', 'mba', 'jnr', 'snr']);

// Two-character Chinese surnames; anything else takes the first character as the surname.
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木',
]);

/** Folded name with spaces removed: "Mary-Jane" and "Mary Jane" agree. */
export function compactName(raw: string): string {
  return fold(raw).replace(/ /g, '');
}

function splitHan(raw: string): NameParts {
  const s = raw.replace(/[\s·•.]/g, '');
  const cut = COMPOUND_SURNAMES.has(s.slice(0, 2)) ? 2 : 1;
  return {
    family: compactName(hanToPinyin(s.slice(0, cut), true)),
    given: compactName(hanToPinyin(s.slice(cut))),
  };
}

function stripDecorations(tokens: string[]): string[] {
  let start = 0;
  let end = tokens.length;
  while (start < end - 1 && TITLES.has(tokens[start])) start++;
  while (end > start + 1 && SUFFIXES.has(tokens[end - 1])) end--;
  return tokens.slice(start, end);
}

/**
 * Splits a full name. Han names put the family name first; "Family, Given"
 * is recognised when the part after the comma is a short given name (not
 * "1st baron of ..."); otherwise the first word is the given name and the last
 * the family name, since middle names are the least stable part.
 */
export function splitFullName(raw: string): NameParts {
  const text = raw.trim();
  if (!text) return { given: '', family: '' };
  if (hasHan(text) && !/[a-z]/i.test(text)) return splitHan(text);
  const comma = text.indexOf(',');
  if (comma > 0) {
    const after = fold(text.slice(comma + 1)).split(' ').filter(Boolean);
    const before = fold(text.slice(0, comma)).split(' ').filter(Boolean);
    const looksLikeGiven = after.length > 0 && after.length <= 2 && !/\d/.test(after.join(''));
    if (looksLikeGiven && before.length <= 2 && !SUFFIXES.has(after[0])) {
      return { family: before.join(''), given: stripDecorations(after)[0] ?? '' };
    }
    return splitFullName(text.slice(0, comma));
  }
  const tokens = stripDecorations(fold(text).split(' ').filter(Boolean));
  if (tokens.length === 0) return { given: '', family: '' };
  if (tokens.length === 1) return { given: '', family: tokens[0] };
  return { given: tokens[0], family: tokens[tokens.length - 1] };
}

/** A given name without titles or trailing middle initials ("John A." is "john"). */
function givenKey(raw: string): string {
  const tokens = stripDecorations(fold(raw).split(' ').filter(Boolean));
  return tokens.filter((t, i) => i === 0 || t.length > 1).join('');
}

/** Given and family name of a record, from the split fields or else from the full name. */
export function nameParts(given: string, family: string, full: string): NameParts {
  if (given || family) {
    const g = hasHan(given) ? compactName(hanToPinyin(given)) : givenKey(given);
    const f = hasHan(family) ? compactName(hanToPinyin(family, true)) : compactName(family);
    return { given: g, family: f };
  }
  return splitFullName(full);
}
