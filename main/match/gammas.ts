/**
 * Comparison vectors ("gammas") of candidate pairs: one level per comparison
 * per pair in a flat Uint8Array. Computed once, then used both to train the
 * model and to score. Runs in chunks so a job can report progress and stop.
 */
import type { Comparison } from './comparisons.ts';
import type { Prepared } from './prepare.ts';
import type { RunOptions } from './types.ts';

export const CHUNK = 50_000;

/** Lets a pending abort or progress message through between chunks. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function gammaRange(
  p: Prepared, comps: readonly Comparison[], a: Int32Array, b: Int32Array,
  out: Uint8Array, from: number, to: number,
): void {
  const k = comps.length;
  // One comparison at a time over the range: each call site then sees one level function (a call
  // site cycling through eleven is megamorphic and about a third slower).
  for (let c = 0; c < k; c++) {
    const comp = comps[c];
    for (let x = from; x < to; x++) out[x * k + c] = comp.level(p, a[x], b[x]);
  }
}

export async function computeGammas(
  p: Prepared, comps: readonly Comparison[], a: Int32Array, b: Int32Array, opts: RunOptions = {},
): Promise<Uint8Array> {
  const n = a.length;
  const out = new Uint8Array(n * comps.length);
  for (let from = 0; from < n; from += CHUNK) {
    opts.signal?.throwIfAborted();
    gammaRange(p, comps, a, b, out, from, Math.min(n, from + CHUNK));
    opts.onProgress?.({ step: 'score', done: Math.min(n, from + CHUNK), total: n });
    await yieldToLoop();
  }
  opts.signal?.throwIfAborted();
  return out;
}
