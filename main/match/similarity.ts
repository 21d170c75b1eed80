/**
 * String similarity hot loops. Jaro-Winkler runs tens of millions of times
 * at scale, so it reuses two preallocated flag buffers instead of allocating
 * per call.
 */
const MAX = 256;
const flagsA = new Uint8Array(MAX);
const flagsB = new Uint8Array(MAX);

export function jaro(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  // Long strings (free-text addresses) are cut: the prefix carries the evidence.
  if (la > MAX || lb > MAX) return jaro(a.slice(0, MAX), b.slice(0, MAX));
  // Even if every character of the shorter string matched, Jaro could not reach 0.6: skip the scan.
  if ((2 + Math.min(la, lb) / Math.max(la, lb)) / 3 < 0.6) return 0;
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = Math.min(i + window + 1, lb);
    const c = a.charCodeAt(i);
    for (let j = lo; j < hi; j++) {
      if (!flagsB[j] && b.charCodeAt(j) === c) {
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
    if (a.charCodeAt(i) !== b.charCodeAt(j)) t++;
    j++;
  }
  return (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
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
