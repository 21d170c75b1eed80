/**
 * Comparison vectors on two threads. The pairs and the output live in shared
 * memory and both threads take chunks of pairs from one atomic counter until
 * none are left, so neither waits for the other (the worker joins as soon as
 * it has started; this thread reports progress and honours cancel between its
 * chunks). The prepared columns are SharedArrayBuffers too, so nothing large
 * is copied; starting a thread still costs a little, so this pays only for
 * large runs.
 */
import type { Comparison } from './comparisons.ts';
import { shareable, type Prepared } from './prepare.ts';
import type { RunOptions } from './types.ts';
import { CHUNK, gammaRange, yieldToLoop } from './gammas.ts';
import type { CompareWork } from './compare-worker.ts';
import { siblingModule, spawnWorker } from '../lib/spawn-worker.ts';

function startWorker(work: CompareWork): { done: Promise<void>; stop: () => Promise<number> } {
  const worker = spawnWorker(siblingModule(import.meta.url, 'compare-worker'), { workerData: work });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code !== 0 ? reject(new Error(`the comparison thread stopped (exit ${code})`)) : resolve()));
  });
  return { done, stop: () => worker.terminate() };
}

function sharedCopy(x: Int32Array): Int32Array {
  const out = new Int32Array(new SharedArrayBuffer(Math.max(4, x.byteLength)), 0, x.length);
  out.set(x);
  return out;
}

export async function computeGammasParallel(
  p: Prepared, comps: readonly Comparison[], a: Int32Array, b: Int32Array, opts: RunOptions & { workers: number; chunk?: number },
): Promise<Uint8Array> {
  const chunk = opts.chunk ?? CHUNK;
  const n = a.length;
  const k = comps.length;
  const sa = sharedCopy(a);
  const sb = sharedCopy(b);
  const out = new Uint8Array(new SharedArrayBuffer(Math.max(1, n * k)), 0, n * k);
  // next[0]: first pair of the next chunk to take; next[1]: 1 tells the worker to stop.
  const next = new Int32Array(new SharedArrayBuffer(8));
  opts.signal?.throwIfAborted();
  const worker = startWorker({ p: shareable(p), comparisons: comps.map((c) => c.name), a: sa, b: sb, out, next, chunk });
  try {
    for (;;) {
      opts.signal?.throwIfAborted();
      const from = Atomics.add(next, 0, chunk);
      if (from >= n) break;
      gammaRange(p, comps, sa, sb, out, from, Math.min(n, from + chunk));
      opts.onProgress?.({ step: 'score', done: Math.min(n, Atomics.load(next, 0)), total: n });
      await yieldToLoop();
    }
    await worker.done;
  } finally {
    Atomics.store(next, 1, 1);
    await worker.stop();
  }
  opts.signal?.throwIfAborted();
  return out;
}
