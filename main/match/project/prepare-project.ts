/**
 * Loading and preparing a project's customers for a full run, on two threads
 * when the project is large: this thread reads and prepares the first half
 * while a worker does the second half with its own connection; the worker's
 * columns then join this thread's (their dictionaries recoded). The result is
 * the same as preparing all records here, in about half the time. Records
 * are prepared as they are read, so the raw records are never all in memory.
 */
import { projectAccess, type Db } from '../../store/open-project.ts';
import { siblingModule, spawnWorker } from '../../lib/spawn-worker.ts';
import { absorbPrepared, finishPrepared, prepareRecords, preparePart, Preparing, type Prepared } from '../prepare.ts';
import type { RunOptions } from '../types.ts';
import { iterateMatchRecords } from './load-records.ts';
import type { PrepareWork } from './prepare-worker.ts';

/** Below this many customers a second thread costs more than it saves. */
const PARALLEL_FROM = 200_000;

function startWorker(work: PrepareWork): { done: Promise<Prepared>; stop: () => Promise<number> } {
  const worker = spawnWorker(siblingModule(import.meta.url, 'prepare-worker'), { workerData: work });
  const done = new Promise<Prepared>((resolve, reject) => {
    worker.once('message', (m: Prepared) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the preparing thread stopped (exit ${code})`)));
  });
  return { done, stop: () => worker.terminate() };
}

export interface PrepareProjectOptions extends RunOptions {
  workers?: number;
  /** Customers from which a second thread is used (tests set it low). */
  parallelFrom?: number;
  /** Told whether the second thread prepared its half (false: it failed and this thread did). */
  onSecondThread?: (prepared: boolean) => void;
}

export async function prepareProject(db: Db, toId: number, opts: PrepareProjectOptions = {}): Promise<Prepared> {
  const total = (db.prepare('SELECT count(*) n FROM customers WHERE id <= ?').get(toId) as { n: number }).n;
  opts.onProgress?.({ step: 'prepare', done: 0, total });
  if ((opts.workers ?? 1) < 2 || db.memory || total < (opts.parallelFrom ?? PARALLEL_FROM) || total < 2) {
    const p = prepareRecords(iterateMatchRecords(db, { toId }), total);
    opts.onProgress?.({ step: 'prepare', done: total, total });
    return p;
  }
  const half = Math.floor(total / 2);
  const mid = (db.prepare('SELECT id FROM customers WHERE id <= ? ORDER BY id LIMIT 1 OFFSET ?').get(toId, half - 1) as { id: number }).id;
  const worker = startWorker({ project: projectAccess(db), fromId: mid, toId, expected: total - half });
  try {
    const b = new Preparing();
    // Records are prepared as they are read: neither thread holds its half of the raw records.
    const mine = preparePart(b, iterateMatchRecords(db, { toId: mid }), half);
    opts.onProgress?.({ step: 'prepare', done: mine.n, total });
    opts.signal?.throwIfAborted();
    const other = await worker.done.catch(() => null);
    opts.onSecondThread?.(other !== null);
    // Without the thread's half (it could not read the file: an unusual setup), this thread prepares it.
    const theirs = other ? absorbPrepared(b, other) : preparePart(b, iterateMatchRecords(db, { fromId: mid, toId }), total - half);
    opts.signal?.throwIfAborted();
    const p = finishPrepared(b, [mine, theirs]);
    opts.onProgress?.({ step: 'prepare', done: total, total });
    return p;
  } finally {
    await worker.stop();
  }
}
