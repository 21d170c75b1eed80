/**
 * RFM scores 1 to 5 by quintiles. A value's score is 1 + floor(5 * w / n),
 * where n is the number of customers scored and w the number whose value is
 * strictly worse (fewer purchases, less money, a longer time since the last
 * purchase). Ties share a score, so the quintiles are of rank, not of value,
 * and the result does not depend on the order rows arrive in: the bottom
 * fifth scores 1, the top fifth 5, and a value held by many customers is
 * scored where the first of them stands.
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  // Worse values first; the native sort of a typed array takes a million values in milliseconds, where an
  // index sort with a comparator took a second. A value's w is then the position of its first copy.
  const sign = higherIsBetter ? 1 : -1;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = sign * values[i];
  sorted.sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[i] = 1 + Math.floor((5 * firstAtLeast(sorted, sign * values[i])) / n);
  return scores;
}

/** The index of the first element not below `v` in an ascending array. */
function firstAtLeast(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const DAY_MS = 86_400_000;

/** Whole days from an ISO date to the as-of date (both yyyy-MM-dd, read as UTC midnights). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS);
}

/** Today as yyyy-MM-dd in UTC: the default as-of date. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
