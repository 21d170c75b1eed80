/**
 * A second thread computing comparison vectors for its share of the
 * candidate pairs. It shares the prepared columns (SharedArrayBuffers, no
 * copy), gets the pair indices (transferred), and sends back the levels
 * (transferred).
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
}

const work = workerData as CompareWork;
const comps = work.comparisons.map(comparisonByName);
const out = new Uint8Array(work.a.length * comps.length);
gammaRange(work.p, comps, work.a, work.b, out, 0, work.a.length);
parentPort!.postMessage(out, [out.buffer]);
