/**
 * Worker-thread entry: checks id chunks of a project with its own read-only
 * connection (better-sqlite3 connections are per thread), taking the next
 * unchecked chunk from a counter shared with the other threads, and posts the
 * result back, typed arrays transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../../shared/errors.ts';
import { openProject, type ProjectAccess } from '../store/open-project.ts';
import { checkChunks } from './check-range.ts';
import { loadReferences } from './reference.ts';
import { nanColumns, type RangeResult } from './accumulators.ts';
import { profilingCancelled } from './cancel.ts';

export interface CheckWorkerData {
  /** The project and its key: copied into this thread's memory, never logged or written. */
  project: ProjectAccess;
  now: string;
  defaultCountry: string | undefined;
  fields: string[];
  judgeTimeliness: boolean;
  projectCountries: string[];
  /** Chunk i holds the ids in (bounds[i], bounds[i + 1]]. */
  bounds: number[];
  /** Int32[0]: the next chunk to take (Atomics.add), shared by every checking thread. */
  nextChunk: SharedArrayBuffer;
  capacity: number;
  batchSize: number;
  /** Int32[0] becomes 1 when the run is cancelled. */
  cancelFlag: SharedArrayBuffer;
}

export type FromCheckWorker = { type: 'rows'; done: number } | { type: 'done'; result: RangeResult } | { type: 'failed'; error: { code: string; message: string } };

const data = workerData as CheckWorkerData;
const flag = new Int32Array(data.cancelFlag);
const db = openProject(data.project.path, { readonly: true, key: data.project.key });
try {
  const ctx = { now: new Date(data.now), defaultCountry: data.defaultCountry, fields: data.fields, judgeTimeliness: data.judgeTimeliness, projectCountries: data.projectCountries, references: loadReferences(db) };
  const next = new Int32Array(data.nextChunk);
  const chunks = data.bounds.length - 1;
  const result = checkChunks(db, ctx, {
    bounds: data.bounds,
    nextChunk: () => {
      const i = Atomics.add(next, 0, 1);
      return i < chunks ? i : -1;
    },
    capacity: data.capacity,
    batchSize: data.batchSize,
    checkCancelled: () => {
      if (Atomics.load(flag, 0) === 1) throw profilingCancelled();
    },
    onRows: (done) => parentPort!.postMessage({ type: 'rows', done } satisfies FromCheckWorker),
  });
  const r = result;
  const transfer = [r.ids, r.sourceOf, r.missing, r.ageDays, ...nanColumns.map((c) => r[c]), ...Object.values(r.formats).map((f) => f.codes)].map((a) => a.buffer as ArrayBuffer);
  parentPort!.postMessage({ type: 'done', result } satisfies FromCheckWorker, transfer);
} catch (err) {
  parentPort!.postMessage({ type: 'failed', error: toErrorPayload(err) } satisfies FromCheckWorker);
} finally {
  db.close();
}
