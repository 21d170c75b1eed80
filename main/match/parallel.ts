/**
 * Placeholder: computes comparison vectors on this thread until the worker
 * split is written.
 */
import type { Comparison } from './comparisons.ts';
import type { Prepared } from './prepare.ts';
import type { RunOptions } from './types.ts';
import { computeGammas } from './gammas.ts';

export async function computeGammasParallel(
  p: Prepared, comps: readonly Comparison[], a: Int32Array, b: Int32Array, opts: RunOptions & { workers: number },
): Promise<Uint8Array> {
  return computeGammas(p, comps, a, b, opts);
}
