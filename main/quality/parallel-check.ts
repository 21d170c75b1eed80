/**
 * Checks every customer up to maxId, in this thread for small projects and
 * shared between this thread and worker threads for big ones (checking is
 * CPU-bound and each part only reads). Big projects are cut into id chunks
 * that the threads take one at a time, so neither waits for the other when
 * one starts late or is slowed by other work on the machine. The parts are
 * merged back in id order, so everything after this behaves as if one thread
 * had done it.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModule, spawnWorker } from '../lib/spawn-worker.ts';
import { projectAccess } from '../store/open-project.ts';
import type { RangeResult } from './accumulators.ts';
import { checkChunks } from './check-range.ts';
import type { CheckContext } from './check-record.ts';
import type { CheckWorkerData, FromCheckWorker } from './check-worker.ts';
import { throwIfProfilingCancelled, type Cancellation } from './cancel.ts';
import { AppError, type ErrorCode } from '../../shared/errors.ts';

export interface CheckAllOptions {
  maxId: number;
  total: number;
  batchSize?: number;
  /** Threads to use; default: up to the machine's cores, one for projects under minPerThread customers. */
  threads?: number;
  signal?: Cancellation;
  onProgress?: (p: { done: number; total: number }) => void;
}


/** Below this many customers per thread, starting a worker costs more than it saves. */
const minPerThread = 40_000;
/** About this many customers per chunk: small enough that the threads finish together, big enough to cost nothing. */
const perChunk = 10_000;

export async function checkAll(db: Database.Database, ctx: CheckContext, opts: CheckAllOptions): Promise<RangeResult[]> {
  // Each thread opens its own connection to the same project, with its key when it is encrypted.
  const project = projectAccess(db);
  const fileBacked = project.path !== '' && project.path !== ':memory:' && !db.memory;
  const wanted = opts.threads ?? Math.min(2, availableParallelism());
  const threads = fileBacked ? Math.max(1, Math.min(wanted, Math.floor(opts.total / minPerThread))) : 1;
  const bounds = threads === 1 ? [0, opts.maxId] : chunkBounds(db, opts.maxId, Math.max(threads * 4, Math.ceil(opts.total / perChunk)));
  const chunks = bounds.length - 1;
  const nextChunk = new SharedArrayBuffer(4);
  const next = new Int32Array(nextChunk);
  // First guesses for the result arrays (they grow when a thread takes more); `total` counts ids, capped so a sparse id range allocates nothing silly.
  const share = Math.min(Math.ceil(opts.total / threads), 1 << 20);
  const done = new Array<number>(threads).fill(0);
  const report = () => opts.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: opts.total });

  const cancelFlag = new SharedArrayBuffer(4);
  const workers: Promise<RangeResult>[] = [];
  const spawned: Worker[] = [];
  for (let part = 1; part < threads; part++) {
    const data: CheckWorkerData = {
      project, now: ctx.now.toISOString(), defaultCountry: ctx.defaultCountry, fields: [...ctx.fields], judgeTimeliness: ctx.judgeTimeliness, projectCountries: [...ctx.projectCountries],
      bounds, nextChunk, capacity: share, batchSize: opts.batchSize ?? 2000, cancelFlag,
    };
    const worker = spawnWorker(siblingModule(import.meta.url, 'check-worker'), { workerData: data });
    spawned.push(worker);
    workers.push(new Promise<RangeResult>((resolve, reject) => {
      worker.on('message', (m: FromCheckWorker) => {
        if (m.type === 'rows') (done[part] = m.done), report();
        else if (m.type === 'done') resolve(m.result);
        else reject(new AppError(m.error.code as ErrorCode, m.error.message));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new AppError('internal', `A profiling worker stopped unexpectedly (exit ${code}).`)));
    }));
  }
  // A rejection may come before we await it (cancel, crash): mark it handled now, report it below.
  for (const w of workers) w.catch(() => {});
  const stopWorkers = () => {
    Atomics.store(new Int32Array(cancelFlag), 0, 1);
    for (const w of spawned) void w.terminate();
  };
  try {
    // This thread starts first (the workers load their modules), so it expects a little more than its share.
    const first = checkChunks(db, ctx, {
      bounds,
      nextChunk: () => {
        const i = Atomics.add(next, 0, 1);
        return i < chunks ? i : -1;
      },
      capacity: threads === 1 ? share : Math.ceil(share * 1.15),
      batchSize: opts.batchSize,
      checkCancelled: () => throwIfProfilingCancelled(opts.signal),
      onRows: (n) => ((done[0] = n), report()),
    });
    const rest = await waitAll(workers, opts.signal);
    return [first, ...rest];
  } catch (err) {
    stopWorkers();
    throw err;
  } finally {
    for (const w of spawned) void w.terminate();
  }
}

/** Waits for the workers while still honouring a cancel (the flag is polled: a sync signal fires no event). */
async function waitAll<T>(workers: Promise<T>[], signal: Cancellation | undefined): Promise<T[]> {
  let timer: NodeJS.Timeout | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      try {
        throwIfProfilingCancelled(signal);
      } catch (err) {
        reject(err);
      }
    }, 50);
  });
  try {
    return await Promise.race([Promise.all(workers), cancelled]);
  } finally {
    clearInterval(timer);
  }
}

/** Id bounds of `parts` chunks of equal id width: chunk i is (b[i], b[i+1]]. Ids are mostly dense; where not, the threads even it out. */
function chunkBounds(db: Database.Database, maxId: number, parts: number): number[] {
  const minId = (db.prepare('SELECT MIN(id) FROM customers').pluck().get() as number | null) ?? 1;
  const width = Math.max(1, Math.ceil((maxId - minId + 1) / parts));
  const bounds = [minId - 1];
  while (bounds[bounds.length - 1] + width < maxId) bounds.push(bounds[bounds.length - 1] + width);
  bounds.push(maxId);
  return bounds;
}
