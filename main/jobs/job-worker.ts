import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toErrorPayload } from '../../shared/errors.ts';
import { openProject, type ProjectAccess } from '../store/open-project.ts';
import { projectCounts, type ProjectCounts } from '../store/project-counts.ts';
import { jobKinds, type JobKindName } from './job-kinds.ts';

export interface JobWorkerData {
  kind: JobKindName;
  /**
   * The project and its key. workerData is copied into the worker's memory:
   * the key is never in argv, the environment, a file or a log line.
   */
  project: ProjectAccess;
  input: unknown;
  /** Int32[0] becomes 1 when the user cancels; read between chunks of work. */
  cancelFlag: SharedArrayBuffer;
}

/** `counts` is the project as the job left it, counted here rather than on the thread that answers requests. */
export type FromJob =
  | { type: 'progress'; progress: Record<string, unknown> }
  | { type: 'done'; result: unknown; counts: ProjectCounts | null }
  | { type: 'failed'; error: { code: string; message: string }; counts: ProjectCounts | null };

const PROGRESS_INTERVAL_MS = 100; // about ten updates a second is smooth and cheap

const data = workerData as JobWorkerData;
const flag = new Int32Array(data.cancelFlag);
const signal = {
  throwIfAborted() {
    // Atomics: the flag is written by the main thread while this one runs.
    if (Atomics.load(flag, 0) === 1) throw new AppError('cancelled', 'Cancelled by the user; nothing was changed.');
  },
};
let lastSent = 0;
const onProgress = (progress: Record<string, unknown>): void => {
  const now = Date.now();
  if (now - lastSent < PROGRESS_INTERVAL_MS) return;
  lastSent = now;
  parentPort!.postMessage({ type: 'progress', progress } satisfies FromJob);
};

// Its own connection, as better-sqlite3 requires one per thread.
const db = openProject(data.project.path, { key: data.project.key });
db.pragma('wal_autocheckpoint = 0'); // checkpoint once after the job, not in the middle of a big write
try {
  const run = jobKinds[data.kind] as (db: unknown, input: unknown, ctx: unknown) => Promise<unknown>;
  const result = await run(db, data.input, { signal, onProgress });
  parentPort!.postMessage({ type: 'done', result, counts: countsOrNull() } satisfies FromJob);
} catch (err) {
  parentPort!.postMessage({ type: 'failed', error: toErrorPayload(err), counts: countsOrNull() } satisfies FromJob);
} finally {
  // The UI already has the result; folding the WAL back happens off its thread. PASSIVE: a
  // TRUNCATE checkpoint blocks new writers while it waits for readers, and a service write that
  // had already read (its snapshot is one of those readers) would wait on it until a timeout.
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // another connection is reading: the next checkpoint will do it
  }
  db.close();
}

function countsOrNull(): ProjectCounts | null {
  try {
    return projectCounts(db);
  } catch {
    return null; // the service counts for itself
  }
}
