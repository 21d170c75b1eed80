import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/errors.ts';
import { siblingModule, spawnWorker } from '../lib/spawn-worker.ts';
import type { FromIdQuery, IdQuery, IdQueryWorkerData } from './id-query-worker.ts';
import type { ProjectAccess } from './open-project.ts';

/**
 * Runs `SELECT c.id …` queries on a thread of their own (id-query-worker.ts),
 * started when first needed and kept for the project's lifetime: the queries
 * answer in order, and a thread that fails is started again for the next one.
 */
export class IdQueryThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (ids: Float64Array) => void; reject: (err: Error) => void }>();

  /** `project.key` opens an encrypted project; it goes to the thread in its workerData, in memory only. */
  constructor(private readonly project: ProjectAccess) {}

  run(sql: string, params: unknown[]): Promise<Float64Array> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    worker.ref(); // while a query is out, its answer keeps the process alive
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, sql, params } satisfies IdQuery);
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.failAll(new AppError('no_project', 'The project was closed while a search was running.'));
  }

  private start(): Worker {
    const worker = spawnWorker(siblingModule(import.meta.url, 'id-query-worker'), { workerData: { project: this.project } satisfies IdQueryWorkerData });
    worker.on('message', (m: FromIdQuery) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref(); // an idle reader must not keep a command or a test alive
      if (!w) return;
      if ('error' in m) w.reject(new AppError(m.error.code as ErrorCode, m.error.message));
      else w.resolve(m.ids);
    });
    const fail = (err: Error): void => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new AppError('internal', `The search thread stopped: ${err.message}`));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`exit ${code}`)));
    return worker;
  }

  private failAll(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }
}
