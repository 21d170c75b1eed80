/**
 * Comparison functions: each maps a pair of prepared records to a level.
 * Level 0 always means "a value is missing" and carries weight 0; the last
 * level is plain disagreement. Levels are tested strongest first, so a pair
 * gets the most specific evidence it has.
 */
import { nicknamesOf, text, texts, type CodeColumn, type Dict, type Prepared, type PreparedColumn } from './prepare.ts';
import { jaroWinklerCodes, jaroWinklerRange, sameChars } from './similarity.ts';
import { sameNicknameGroup } from './nicknames.ts';

export interface Comparison {
  name: string;
  levels: string[];
  /** Columns the comparison reads; also used to tell which EM sessions may estimate it. */
  columns: PreparedColumn[];
  /** Level whose weight gets a term-frequency adjustment, or -1. */
  tfLevel: number;
  /** Column holding the value whose frequency adjusts the tfLevel weight. */
  tfColumn?: CodeColumn;
  level(p: Prepared, i: number, j: number): number;
}

function metaEqual(a1: number, a2: number, b1: number, b2: number): boolean {
  return a1 === b1 || (a2 !== 0 && (a2 === b1 || a2 === b2)) || (b2 !== 0 && a1 === b2);
}

/**
 * Name a of one record matches the other name slot of the other record, and
 * the remaining pair agrees too or one side of it is missing (a given name
 * typed into the surname box of a record with no given name). Arguments are
 * codes into the names dictionary.
 */
function swapped(d: Dict, a: number, otherSlotOfB: number, b: number, otherSlotOfA: number): boolean {
  if (!otherSlotOfB) return false;
  // Jaro-Winkler ≥ 0.92 between names nearly always shares the first or second letter: a cheap gate.
  const sa = d.start[a];
  const so = d.start[otherSlotOfB];
  const first = d.chars[sa] === d.chars[so];
  // (A one-letter name has no second letter: the string version compared undefined with undefined, or a letter.)
  const la = d.start[a + 1] - sa;
  const lo = d.start[otherSlotOfB + 1] - so;
  const second = la > 1 && lo > 1 ? d.chars[sa + 1] === d.chars[so + 1] : la <= 1 && lo <= 1;
  if (!first && !second) return false;
  if (jaroWinklerCodes(d, a, otherSlotOfB) < 0.92) return false;
  return !otherSlotOfA || jaroWinklerCodes(d, b, otherSlotOfA) >= 0.92;
}

/** Given name: one is an initial of the other counts for something on sparse forms. */
export const givenName: Comparison = {
  name: 'given_name',
  levels: ['missing', 'exact', 'nickname', 'jaro-winkler ≥ 0.92', 'swapped with family name', 'double metaphone', 'jaro-winkler ≥ 0.80', 'initial', 'different'],
  columns: ['given'],
  tfLevel: 1,
  tfColumn: 'given',
  level(p, i, j) {
    const a = p.given[i];
    const b = p.given[j];
    if (!a || !b) return 0;
    if (a === b) return 1;
    const nick = nicknamesOf(p);
    if (sameNicknameGroup(nick[a], nick[b])) return 2;
    const d = p.dicts.names;
    const jw = jaroWinklerCodes(d, a, b);
    if (jw >= 0.92) return 3;
    if (swapped(d, a, p.family[j], b, p.family[i])) return 4;
    if (metaEqual(p.givenMeta[i], p.givenMeta2[i], p.givenMeta[j], p.givenMeta2[j]) && p.givenMeta[i] !== 0) return 5;
    if (jw >= 0.8) return 6;
    const la = d.start[a + 1] - d.start[a];
    const lb = d.start[b + 1] - d.start[b];
    if ((la === 1 || lb === 1) && d.chars[d.start[a]] === d.chars[d.start[b]]) return 7;
    return 8;
  },
};

export const familyName: Comparison = {
  name: 'family_name',
  levels: ['missing', 'exact', 'swapped with given name', 'jaro-winkler ≥ 0.92', 'double metaphone', 'jaro-winkler ≥ 0.80', 'different'],
  columns: ['family'],
  tfLevel: 1,
  tfColumn: 'family',
  level(p, i, j) {
    const a = p.family[i];
    const b = p.family[j];
    if (!a || !b) return 0;
    if (a === b) return 1;
    const d = p.dicts.names;
    const jw = jaroWinklerCodes(d, a, b);
    if (jw >= 0.92) return 3;
    if (swapped(d, a, p.given[j], b, p.given[i])) return 2;
    if (metaEqual(p.familyMeta[i], p.familyMeta2[i], p.familyMeta[j], p.familyMeta2[j]) && p.familyMeta[i] !== 0) return 4;
    if (jw >= 0.8) return 5;
    return 6;
  },
};

/** Dates are YYYYMMDD: characters k of both entries equal. */
function sameAt(ch: Uint16Array, a: number, b: number, k: number): boolean {
  return ch[a + k] === ch[b + k];
}

function sameYear(ch: Uint16Array, a: number, b: number): boolean {
  return sameAt(ch, a, b, 0) && sameAt(ch, a, b, 1) && sameAt(ch, a, b, 2) && sameAt(ch, a, b, 3);
}

function dayMonthSwapped(ch: Uint16Array, a: number, b: number): boolean {
  return sameYear(ch, a, b) && ch[a + 4] === ch[b + 6] && ch[a + 5] === ch[b + 7] && ch[a + 6] === ch[b + 4] && ch[a + 7] === ch[b + 5];
}

export const birthDate: Comparison = {
  name: 'birth_date',
  levels: ['missing', 'exact', 'day and month swapped', 'one digit off', 'same year', 'different'],
  columns: ['dob'],
  tfLevel: -1,
  level(p, i, j) {
    const x = p.dob[i];
    const y = p.dob[j];
    if (!x || !y) return 0;
    if (x === y) return 1;
    // Every parsed date has eight characters.
    const ch = p.dicts.dob.chars;
    const a = p.dicts.dob.start[x];
    const b = p.dicts.dob.start[y];
    if (dayMonthSwapped(ch, a, b)) return 2;
    let diff = 0;
    for (let k = 0; k < 8 && diff < 2; k++) if (ch[a + k] !== ch[b + k]) diff++;
    if (diff === 1) return 3;
    if (sameYear(ch, a, b)) return 4;
    return 5;
  },
};

/** Letters only: local parts decorate names with digits, dots and dashes (jose.ortiz47). */
export function letters(s: string): string {
  return s.replace(/[^\p{L}]/gu, '');
}

/**
 * Both local parts contain the start of a name both records carry (folded names lose their spaces, so
 * "Fernández Lozano" is fernandezlozano; five letters identify the name and survive compound names).
 */
function builtFromSharedName(p: Prepared, i: number, j: number, la: string, lb: string): boolean {
  const names = texts(p, 'names');
  const a = letters(la);
  const b = letters(lb);
  for (const name of [names[p.family[i]]]) {
    const piece = name.slice(0, 5);
    if (piece.length < 3 || !(names[p.family[j]].includes(piece) || names[p.given[j]].includes(piece))) continue;
    if (a.includes(piece) && b.includes(piece)) return true;
  }
  return false;
}

export const email: Comparison = {
  name: 'email',
  levels: ['missing', 'exact (canonical)', 'same local part', 'local part jaro-winkler ≥ 0.95', 'different'],
  columns: ['email', 'emailLocal'],
  tfLevel: 1,
  tfColumn: 'email',
  level(p, i, j) {
    const a = p.email[i];
    const b = p.email[j];
    if (!a || !b) return 0;
    if (a === b) return 1;
    // Local parts are the characters before emailAt (their last '@').
    const { start, chars } = p.dicts.email;
    const la = p.emailAt[a];
    const lb = p.emailAt[b];
    // Agreeing local parts built from a family name both records share (john.smith@a, john.smith49@b)
    // are implied by the name agreement the name comparisons already count: P(agree | match) ≈
    // P(agree | namesake), so they add 0 bits (level 0) instead of re-counting the name as 12 bits.
    const level = sameChars(chars, start[a], la, start[b], lb) ? 2 : jaroWinklerRange(chars, start[a], la, start[b], lb, 0.95) >= 0.95 ? 3 : 4;
    // Only near-identical local parts (a typo) count: addresses are usually built from the name, so a
    // looser similarity mostly re-counts the name agreement that the name comparisons already weigh.
    return level < 4 && builtFromSharedName(p, i, j, text(p.dicts.email, a).slice(0, la), text(p.dicts.email, b).slice(0, lb)) ? 0 : level;
  },
};

export const phone: Comparison = {
  name: 'phone',
  levels: ['missing', 'exact (E.164)', 'same last 7 digits', 'different'],
  columns: ['phone', 'phoneLast7', 'mobile', 'mobileLast7'],
  // A switchboard number shared by many records says less than a private line.
  tfLevel: 1,
  tfColumn: 'phone',
  level(p, i, j) {
    // Phone and mobile share one dictionary (and their last seven digits are numbers): codes compare across them.
    const a1 = p.phone[i];
    const a2 = p.mobile[i];
    const b1 = p.phone[j];
    const b2 = p.mobile[j];
    if ((!a1 && !a2) || (!b1 && !b2)) return 0;
    if ((a1 && (a1 === b1 || a1 === b2)) || (a2 && (a2 === b1 || a2 === b2))) return 1;
    const c1 = p.phoneLast7[i];
    const c2 = p.mobileLast7[i];
    const d1 = p.phoneLast7[j];
    const d2 = p.mobileLast7[j];
    if ((c1 && (c1 === d1 || c1 === d2)) || (c2 && (c2 === d1 || c2 === d2))) return 2;
    return 3;
  },
};
