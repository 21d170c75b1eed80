/**
 * Comparison vectors on two threads: a worker takes the second half of the
 * pairs while this thread computes the first half in chunks (so progress and
 * cancel still work here). The prepared columns are SharedArrayBuffers, so
 * the worker reads them in place; starting a thread still costs a little, so
 * this pays only for large runs.
 */
import type { Comparison } from './comparisons.ts';
import { shareable, type Prepared } from './prepare.ts';
import type { RunOptions } from './types.ts';
import { CHUNK, gammaRange, yieldToLoop } from './gammas.ts';
import type { CompareWork } from './compare-worker.ts';
import { siblingModule, spawnWorker } from '../jobs/spawn-worker.ts';

function startWorker(work: CompareWork): { done: Promise<Uint8Array>; stop: () => Promise<number> } {
  const worker = spawnWorker(siblingModule(import.meta.url, 'compare-worker'), { workerData: work, transferList: [work.a.buffer, work.b.buffer] as ArrayBuffer[] });
  const done = new Promise<Uint8Array>((resolve, reject) => {
    worker.once('message', (m: Uint8Array) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the comparison thread stopped (exit ${code})`)));
  });
  return { done, stop: () => worker.terminate() };
}

export async function computeGammasParallel(
  p: Prepared, comps: readonly Comparison[], a: Int32Array, b: Int32Array, opts: RunOptions & { workers: number },
): Promise<Uint8Array> {
  const n = a.length;
  const k = comps.length;
  // The worker's half is copied out (a and b stay intact for blocking stats and training).
  const half = Math.floor(n / 2);
  const worker = startWorker({ p: shareable(p), comparisons: comps.map((c) => c.name), a: a.slice(half), b: b.slice(half) });
  const out = new Uint8Array(n * k);
  try {
    for (let from = 0; from < half; from += CHUNK) {
      opts.signal?.throwIfAborted();
      gammaRange(p, comps, a, b, out, from, Math.min(half, from + CHUNK));
      // Both halves advance at about the same pace: report this one's share as the whole.
      opts.onProgress?.({ step: 'score', done: Math.min(half, from + CHUNK) * 2, total: n });
      await yieldToLoop();
    }
    out.set(await worker.done, half * k);
  } finally {
    await worker.stop();
  }
  opts.signal?.throwIfAborted();
  return out;
}
