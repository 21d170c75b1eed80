/**
 * A small seeded PRNG. Every generated file must be reproducible from its seed
 * (benchmarks compare runs, tests assert exact truth), so nothing in the
 * generator may call Math.random or read the clock.
 */

/** mulberry32: 32-bit state, fast, good enough for test data (not for cryptography). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bijective 32-bit mixer: distinct inputs give distinct outputs, so ids built from it never collide. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Derives an independent stream's seed, so adding draws to one stream does not shift another. */
export function deriveSeed(seed: number, salt: string): number {
  let h = mix32(seed ^ 0x9e3779b9);
  for (let i = 0; i < salt.length; i++) h = mix32(h ^ salt.charCodeAt(i));
  return h;
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A digit string of the given length (leading zeros allowed). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }

  /** Standard normal draw (Box-Muller); incomes are log-normal. */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** A weighted choice, prepared once so each draw is a short scan. */
export type Picker<T> = (rng: Rng) => T;

export function weighted<T>(pairs: readonly (readonly [T, number])[]): Picker<T> {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of pairs) cumulative.push((acc += w / total));
  return (rng) => {
    const r = rng.float();
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return pairs[i][0];
    return pairs[pairs.length - 1][0];
  };
}

/**
 * Digits that are unique per serial number: an affine permutation of
 * [0, 10^k) (the multiplier ends in 1, so it is coprime with 10). Phone
 * numbers built on it never collide between different people, so a shared
 * number in the data always means a shared household line, never chance.
 */
export function uniqueDigits(serial: number, k: number, salt: number): string {
  const m = 10 ** k;
  const a = 7_654_321 % m || 1;
  const p = (((serial % m) * a) % m + (salt % m)) % m;
  return String(p).padStart(k, '0');
}
