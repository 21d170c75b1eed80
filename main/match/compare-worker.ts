/**
 * A second thread computing comparison vectors. It shares the prepared
 * columns, the pair indices and the output (SharedArrayBuffers, no copy) and
 * takes chunks of pairs from the shared counter until none are left or it is
 * told to stop (parallel.ts); then it says so.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { comparisonByName } from './comparison-set.ts';
import { gammaRange } from './gammas.ts';
import type { Prepared } from './prepare.ts';

export interface CompareWork {
  p: Prepared;
  comparisons: string[];
  a: Int32Array;
  b: Int32Array;
  out: Uint8Array;
  /** [0]: first pair of the next chunk to take; [1]: 1 when the thread should stop. */
  next: Int32Array;
  chunk: number;
}

const work = workerData as CompareWork;
const comps = work.comparisons.map(comparisonByName);
const n = work.a.length;
while (Atomics.load(work.next, 1) === 0) {
  const from = Atomics.add(work.next, 0, work.chunk);
  if (from >= n) break;
  gammaRange(work.p, comps, work.a, work.b, work.out, from, Math.min(n, from + work.chunk));
}
parentPort!.postMessage('done');
