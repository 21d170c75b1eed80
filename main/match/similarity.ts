/**
 * String similarity hot loops. Jaro-Winkler runs tens of millions of times
 * at scale, so it reuses two preallocated flag buffers instead of allocating
 * per call.
 */
const MAX = 256;
const flagsA = new Uint8Array(MAX);
const flagsB = new Uint8Array(MAX);

/** Characters of the two strings jaro() compares, laid out as jaroRange reads them: a at 0, b at MAX. */
const scratch = new Uint16Array(2 * MAX);

export function jaro(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  // Long strings (free-text addresses) are cut: the prefix carries the evidence.
  const la = Math.min(a.length, MAX);
  const lb = Math.min(b.length, MAX);
  for (let i = 0; i < la; i++) scratch[i] = a.charCodeAt(i);
  for (let j = 0; j < lb; j++) scratch[MAX + j] = b.charCodeAt(j);
  return jaroRange(scratch, 0, la, MAX, lb);
}

/** Jaro-Winkler with the usual prefix scale 0.1 over at most four characters. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j < 0.7) return j;
  const max = Math.min(4, a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return j + p * 0.1 * (1 - j);
}

/** True when the strings are equal or differ by one edit (substitution, insertion, deletion or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Shared tokens over the smaller token set: 1 when one address is contained in the other. */
export function overlapCoefficient(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let shared = 0;
  for (const t of a) if (b.includes(t)) shared++;
  return shared / Math.min(a.length, b.length);
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let shared = 0;
  for (const t of a) if (b.includes(t)) shared++;
  return shared / (a.length + b.length - shared);
}

/**
 * The same measures on two entries of one packed dictionary (prepare.ts),
 * without making strings: the comparison threads read the characters in place.
 */
interface Packed {
  start: Int32Array;
  chars: Uint16Array;
}

/** Jaro of dictionary entries x and y (as jaro() on their strings). */
export function jaroCodes(d: Packed, x: number, y: number): number {
  const sa = d.start[x];
  const la = d.start[x + 1] - sa;
  if (x === y) return la ? 1 : 0;
  const sb = d.start[y];
  return jaroRange(d.chars, sa, la, sb, d.start[y + 1] - sb);
}

/**
 * Jaro of the character runs ch[sa .. sa + la) and ch[sb .. sb + lb). With
 * `need`, it gives up (returns 0) as soon as fewer than `need` characters can
 * still match: see jaroWinklerRange.
 */
export function jaroRange(ch: Uint16Array, sa: number, la: number, sb: number, lb: number, need = 0): number {
  if (!la || !lb) return 0;
  if (la > MAX) la = MAX;
  if (lb > MAX) lb = MAX;
  if ((2 + Math.min(la, lb) / Math.max(la, lb)) / 3 < 0.6) return 0;
  if (Math.min(la, lb) < need) return 0;
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    if (matches + la - i < need) return 0;
    const lo = i > window ? i - window : 0;
    const hi = Math.min(i + window + 1, lb);
    const c = ch[sa + i];
    for (let j = lo; j < hi; j++) {
      if (!flagsB[j] && ch[sb + j] === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!flagsA[i]) continue;
    while (!flagsB[j]) j++;
    if (ch[sa + i] !== ch[sb + j]) t++;
    j++;
  }
  return (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
}

/** Jaro-Winkler of dictionary entries x and y (as jaroWinkler() on their strings); `atLeast`: see jaroWinklerRange. */
export function jaroWinklerCodes(d: Packed, x: number, y: number, atLeast = 0): number {
  const sa = d.start[x];
  const sb = d.start[y];
  if (x === y) return d.start[x + 1] - sa ? 1 : 0;
  return jaroWinklerRange(d.chars, sa, d.start[x + 1] - sa, sb, d.start[y + 1] - sb, atLeast);
}

/**
 * Jaro-Winkler of two character runs. A caller that only asks whether it is
 * at least `atLeast` (> 0.7) may pass it: then a value that cannot reach it
 * may come back as 0 early. Jaro-Winkler ≤ 0.4 + 0.6·jaro (at most four prefix
 * characters), and jaro ≤ (m/la + m/lb + 1)/3 with m matching characters, so
 * fewer than `need` possible matches cannot reach it (with a margin for
 * rounding): the answer to "≥ atLeast" is exactly the same.
 */
export function jaroWinklerRange(ch: Uint16Array, sa: number, la: number, sb: number, lb: number, atLeast = 0): number {
  let need = 0;
  if (atLeast > 0.7) {
    const jmin = (atLeast - 0.4) / 0.6 - 1e-9;
    need = (3 * jmin - 1) / (1 / Math.min(la, MAX) + 1 / Math.min(lb, MAX)) - 1e-9;
  }
  const j = jaroRange(ch, sa, la, sb, lb, need);
  if (j < 0.7) return j;
  const max = Math.min(4, la, lb);
  let p = 0;
  while (p < max && ch[sa + p] === ch[sb + p]) p++;
  return j + p * 0.1 * (1 - j);
}

/** The runs ch[a .. a + la) and ch[b .. b + lb) hold the same characters. */
export function sameChars(ch: Uint16Array, a: number, la: number, b: number, lb: number): boolean {
  return la === lb && sameRun(ch, a, b, la);
}

/** End of the token starting at k: the next space or `end`. Tokens are joined by single spaces (prepare.ts). */
export function tokenEnd(ch: Uint16Array, k: number, end: number): number {
  while (k < end && ch[k] !== 32) k++;
  return k;
}

/** overlapCoefficient() of the tokens of two runs of space-joined tokens. */
export function tokenOverlapRange(ch: Uint16Array, a0: number, a1: number, b0: number, b1: number): number {
  if (a0 === a1 || b0 === b1) return 0;
  let nb = 0;
  for (let y = b0; y < b1; y = tokenEnd(ch, y, b1) + 1) nb++;
  let na = 0;
  let shared = 0;
  for (let x = a0; x < a1; ) {
    const xe = tokenEnd(ch, x, a1);
    na++;
    for (let y = b0; y < b1; ) {
      const ye = tokenEnd(ch, y, b1);
      if (sameChars(ch, x, xe - x, y, ye - y)) {
        shared++;
        break;
      }
      y = ye + 1;
    }
    x = xe + 1;
  }
  return shared / Math.min(na, nb);
}

/** Start of the first token that begins with a digit (a house number), or -1. */
export function numberToken(ch: Uint16Array, from: number, to: number): number {
  for (let x = from; x < to; x = tokenEnd(ch, x, to) + 1) if (ch[x] >= 48 && ch[x] <= 57) return x;
  return -1;
}

function sameRun(ch: Uint16Array, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (ch[a + k] !== ch[b + k]) return false;
  return true;
}

/** withinOneEdit() of dictionary entries x and y. */
export function withinOneEditCodes(d: Packed, x: number, y: number): boolean {
  if (x === y) return true;
  const ch = d.chars;
  const sa = d.start[x];
  const sb = d.start[y];
  const la = d.start[x + 1] - sa;
  const lb = d.start[y + 1] - sb;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && ch[sa + i] === ch[sb + i]) i++;
  if (la === lb) {
    // Substitution at i, or the characters at i and i + 1 swapped.
    if (sameRun(ch, sa + i + 1, sb + i + 1, la - i - 1)) return true;
    return i + 1 < la && ch[sa + i] === ch[sb + i + 1] && ch[sa + i + 1] === ch[sb + i] && sameRun(ch, sa + i + 2, sb + i + 2, la - i - 2);
  }
  return la > lb ? sameRun(ch, sa + i + 1, sb + i, lb - i) : sameRun(ch, sa + i, sb + i + 1, la - i);
}
