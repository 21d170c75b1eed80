/**
 * A small deterministic PRNG (mulberry32) for engines whose results must be
 * reproducible from a seed: the same data always gives the same match model
 * and the same segmentation. Not for anything secret.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` distinct indexes below `n`, in increasing order (all of them when n ≤ size): a seeded sample. */
export function sampleIndexes(n: number, size: number, seed: number): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
  // Floyd's algorithm: exactly `size` draws, no array of n.
  const next = rng(seed);
  const chosen = new Set<number>();
  for (let j = n - size; j < n; j++) {
    const t = Math.floor(next() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
