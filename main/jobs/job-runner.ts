import { randomUUID } from 'node:crypto';
import type { JobDone, JobProgress } from '../../shared/contract.ts';
import { AppError, toErrorPayload } from '../../shared/errors.ts';
import type { JobKindName } from './job-kinds.ts';
import type { FromJob, JobWorkerData } from './job-worker.ts';
import { siblingModule, spawnWorker } from '../lib/spawn-worker.ts';
import type { ProjectCounts } from '../store/project-counts.ts';
import type { ProjectAccess } from '../store/open-project.ts';

interface RunningJob {
  jobId: string;
  kind: JobKindName;
  project: ProjectAccess;
  input: unknown;
  cancelFlag: Int32Array;
  started: boolean;
  progress: JobProgress | null;
  done: JobDone | null;
}

export interface JobListener {
  onProgress(p: JobProgress): void;
  /** `after` says which project the job worked on and, when the worker could count it, what it holds now. */
  onDone(d: JobDone, after: { projectPath: string; counts: ProjectCounts | null }): void;
  /** May change a job's input as it is started (a bulk fix gets a backup first). */
  prepareInput?(kind: JobKindName, input: unknown): unknown;
  /** Main-thread work when a job ends, before it counts as done (a restore swaps the project file in); may turn success into failure. */
  beforeDone?(d: JobDone): JobDone;
}

/**
 * Runs each job in a worker thread with its own connection. Jobs run one at a
 * time, the others wait in a queue: SQLite has one writer, and a profile
 * waiting behind a million-row import would otherwise time out on the lock.
 * Two jobs of the same kind are refused (a double click, not a plan).
 */
export class JobRunner {
  private jobs = new Map<string, RunningJob>();
  private queue: RunningJob[] = [];

  constructor(private readonly listener: JobListener) {}

  /** Queues a job on a project; the worker opens it with `project.key` when it is encrypted. */
  start(kind: JobKindName, project: ProjectAccess, input: unknown): string {
    for (const job of this.jobs.values()) {
      if (job.kind === kind && !job.done) throw new AppError('invalid_input', `An ${kind} job is already running; wait for it or cancel it.`);
    }
    const jobId = randomUUID();
    input = this.listener.prepareInput?.(kind, input) ?? input;
    const job: RunningJob = { jobId, kind, project, input, cancelFlag: new Int32Array(new SharedArrayBuffer(4)), started: false, progress: null, done: null };
    this.jobs.set(jobId, job);
    if (this.running()) {
      this.queue.push(job);
      job.progress = { jobId, kind, step: 'queued', done: 0, total: 0, rows: 0 };
      this.listener.onProgress(job.progress);
    } else {
      this.launch(job);
    }
    return jobId;
  }

  private launch(job: RunningJob): void {
    job.started = true;
    const { jobId, kind } = job;
    const data: JobWorkerData = { kind, project: job.project, input: job.input, cancelFlag: job.cancelFlag.buffer as SharedArrayBuffer };
    const worker = spawnWorker(siblingModule(import.meta.url, 'job-worker'), { workerData: data });
    worker.on('message', (m: FromJob) => {
      if (m.type === 'progress') {
        job.progress = { jobId, kind, step: String(m.progress.step ?? ''), done: Number(m.progress.done ?? 0), total: Number(m.progress.total ?? 0), rows: Number(m.progress.rows ?? 0), file: m.progress.file ? String(m.progress.file) : undefined };
        this.listener.onProgress(job.progress);
      } else if (m.type === 'done') {
        this.finish(job, { jobId, kind, status: 'succeeded', result: m.result }, m.counts);
      } else {
        this.finish(job, { jobId, kind, status: m.error.code === 'cancelled' ? 'cancelled' : 'failed', error: m.error }, m.counts);
      }
    });
    worker.on('error', (err) => this.finish(job, { jobId, kind, status: 'failed', error: { code: 'internal', message: err.message } }));
    worker.on('exit', (code) => {
      if (!job.done) this.finish(job, { jobId, kind, status: 'failed', error: { code: 'internal', message: `The ${kind} worker stopped unexpectedly (exit ${code}); nothing was changed.` } });
    });
  }

  private finish(job: RunningJob, done: JobDone, counts: ProjectCounts | null = null): void {
    if (job.done) return;
    try {
      done = this.listener.beforeDone?.(done) ?? done;
    } catch (err) {
      done = { jobId: job.jobId, kind: job.kind, status: 'failed', error: toErrorPayload(err) };
    }
    job.done = done;
    // What was waiting starts before whatever this job's end starts: a sort index the grid asked
    // for during an import is built before the profile the import's end queues.
    if (!this.running()) {
      const next = this.queue.shift();
      if (next) this.launch(next);
    }
    this.listener.onDone(done, { projectPath: job.project.path, counts });
  }

  cancel(jobId: string): void {
    const job = this.get(jobId);
    if (job.done) return;
    if (!job.started) {
      this.queue = this.queue.filter((j) => j !== job);
      this.finish(job, { jobId, kind: job.kind, status: 'cancelled', error: { code: 'cancelled', message: 'Cancelled before it started; nothing was changed.' } });
      return;
    }
    Atomics.store(job.cancelFlag, 0, 1);
  }

  get(jobId: string): RunningJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('job_not_found', `No job ${jobId}.`);
    return job;
  }

  /** Resolves when the job has finished (used by the CLI and tests). */
  async wait(jobId: string): Promise<JobDone> {
    const job = this.get(jobId);
    while (!job.done) await new Promise((r) => setTimeout(r, 20));
    return job.done;
  }

  /** The ids of the jobs running or waiting. */
  pending(): string[] {
    return [...this.jobs.values()].filter((j) => !j.done).map((j) => j.jobId);
  }

  /** The kinds of the jobs running or waiting. */
  runningKinds(): JobKindName[] {
    return [...this.jobs.values()].filter((j) => !j.done).map((j) => j.kind);
  }

  /** Some job is running or waiting: the project must not be switched under it. */
  busy(): boolean {
    return [...this.jobs.values()].some((j) => !j.done);
  }

  private running(): boolean {
    return [...this.jobs.values()].some((j) => j.started && !j.done);
  }
}
