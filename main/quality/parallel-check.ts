/**
 * Checks every customer up to maxId, in this thread for small projects and
 * split by id between this thread and worker threads for big ones (checking
 * is CPU-bound and each part only reads). The parts are merged back in id
 * order, so everything after this behaves as if one thread had done it.
 */
import type Database from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModule, spawnWorker } from '../jobs/spawn-worker.ts';
import type { RangeResult } from './accumulators.ts';
import { checkRange } from './check-range.ts';
import type { CheckContext } from './check-record.ts';
import type { CheckWorkerData, FromCheckWorker } from './check-worker.ts';
import { throwIfCancelled, type Cancellation } from './cancel.ts';
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

export async function checkAll(db: Database.Database, ctx: CheckContext, opts: CheckAllOptions): Promise<RangeResult[]> {
  const path = db.name;
  const fileBacked = path !== '' && path !== ':memory:' && !db.memory;
  const wanted = opts.threads ?? Math.min(2, availableParallelism());
  const threads = fileBacked ? Math.max(1, Math.min(wanted, Math.floor(opts.total / minPerThread))) : 1;
  const bounds = splitIds(db, opts.maxId, opts.total, threads);
  const done = new Array<number>(threads).fill(0);
  const report = () => opts.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: opts.total });

  const cancelFlag = new SharedArrayBuffer(4);
  const workers: Promise<RangeResult>[] = [];
  const spawned: Worker[] = [];
  for (let part = 1; part < threads; part++) {
    const data: CheckWorkerData = {
      path, now: ctx.now.toISOString(), defaultCountry: ctx.defaultCountry, fields: [...ctx.fields], judgeTimeliness: ctx.judgeTimeliness, projectCountries: [...ctx.projectCountries],
      fromId: bounds[part], toId: bounds[part + 1], batchSize: opts.batchSize ?? 5000, cancelFlag,
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
    const first = checkRange(db, ctx, {
      fromId: bounds[0], toId: bounds[1], batchSize: opts.batchSize,
      checkCancelled: () => throwIfCancelled(opts.signal),
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
async function waitAll(workers: Promise<RangeResult>[], signal: Cancellation | undefined): Promise<RangeResult[]> {
  let timer: NodeJS.Timeout | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      try {
        throwIfCancelled(signal);
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

/** Id bounds of `parts` ranges holding about equal numbers of customers: part i is (b[i], b[i+1]]. */
function splitIds(db: Database.Database, maxId: number, total: number, parts: number): number[] {
  const at = db.prepare('SELECT id FROM customers WHERE id <= ? ORDER BY id LIMIT 1 OFFSET ?').pluck();
  const bounds = [0];
  for (let p = 1; p < parts; p++) bounds.push(at.get(maxId, Math.floor((total * p) / parts) - 1) as number);
  bounds.push(maxId);
  return bounds;
}
