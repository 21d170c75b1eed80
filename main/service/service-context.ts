import type { EventName, EventPayload, JobDone, ProjectInfo } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import type { JobKindName } from '../jobs/job-kinds.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { CustomersRepo } from '../store/customers-repo.ts';
import { IdQueryThread } from '../store/id-query-thread.ts';
import { buildSortIndex } from '../store/sort-indexes.ts';
import { SuggestionPages } from '../fix/suggestion-queries.ts';
import { readSourceContexts, type SourceContext } from '../fix/source-context.ts';
import { openProject, type Db, type ProjectAccess } from '../store/open-project.ts';
import { projectCounts, type ProjectCounts } from '../store/project-counts.ts';
import { claimProject, type ProjectLock } from '../store/project-lock.ts';
import { deriveKey, fileEncryption, newKey, sameKey, type ProjectKey } from '../store/project-key.ts';
import { rekeyInWorker } from '../store/rekey-in-worker.ts';
import { anyFile, type FileAccess } from './file-access.ts';
import type { PassphraseKeychain } from './passphrase-vault.ts';
import { ProjectKeys, type Unlock } from './project-keys.ts';
import { projectName, RecentProjects } from './recent-projects.ts';
import type { ProjectKeychain } from './remembered-keys.ts';
import type { UploadArea } from './uploads.ts';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ServiceOptions {
  /** Where the recent-projects list and the demo project live. */
  dataDir: string;
  /** Where new projects are proposed by default. */
  projectsDir: string;
  /** The bundled demo export (resources/demo). */
  demoDir: string;
  mode: 'electron' | 'browser' | 'cli';
  version: string;
  emit: Emit;
  /** Which files a request may name: any (desktop, CLI; the default) or only browser mode's folders. */
  fileAccess?: FileAccess;
  /** Browser mode's uploaded copies of the user's files, deleted once they have served. */
  uploads?: UploadArea;
  /** Where the desktop app remembers project keys (the OS keychain); absent elsewhere. */
  keychain?: ProjectKeychain;
  /** Where the desktop app remembers backup passphrases (the OS keychain); absent elsewhere. */
  backupKeychain?: PassphraseKeychain;
}

/** What an area may add to the life of every job. */
export interface JobHooks {
  /** Changes a job's input as it starts (a bulk fix gets a backup first). */
  prepare?(kind: JobKindName, input: unknown): unknown;
  /** Main-thread work when a job ends, before anyone hears of it (a restore swaps the project file in). */
  finish?(done: JobDone): JobDone;
}



interface OpenProjectState {
  path: string;
  db: Db;
  /** The path and key every worker thread opens its own connection with. Kept in memory only. */
  access: ProjectAccess;
  /** This program holds the project: another instance or a writing command is refused. */
  lock: ProjectLock;
  customers: CustomersRepo;
  /** The thread for the grid's heavy searches and unindexed sorts. */
  reads: IdQueryThread;
  suggestions: SuggestionPages;
  /** Each source's dominant country and date orders, for checking typed values; read when first needed. */
  sourceContexts: Map<number, SourceContext> | null;
}

/**
 * Jobs that read the project and write their results in one short
 * transaction at the end (run, then switch), or only read it, or (a sort
 * index) hold the lock for a second at most: the service may write while
 * they run, and what it writes is "changed since" for them. The others (import, fix runs, large accepts, reversals) hold the write lock
 * for their whole length, so a write asked for meanwhile is refused at once.
 */
const readOnlyJobs = new Set(['export', 'profile', 'match', 'sort-index', 'backup', 'segment-elbow']);

/** Below this many customers a sort index takes a tenth of a second or less: it is built at once, no job needed. */
const INLINE_SORT_INDEX_ROWS = 100_000;
/** From this many customers a search or an unindexed sort can take longer than a request should wait: it runs on the read thread. */
const OFF_THREAD_ROWS = 100_000;

/**
 * The service answers every request on one thread, and better-sqlite3 waits
 * for a lock on that thread: with the store's 10 s busy timeout, one write
 * queued behind a job's lock froze every read (the dashboard, the grid,
 * app:info) for 10 s and then failed. Writes during a writing job are refused
 * before they touch SQLite (assertCanWrite); this bounds the rest (the short
 * final transaction of a profile or match run) to a wait no one notices,
 * after which the write is answered "busy".
 */
const SERVICE_BUSY_TIMEOUT_MS = 100;

/** The service's state: at most one open project, its repositories and the job runner. */
export class ServiceContext {
  readonly recent: RecentProjects;
  readonly jobs: JobRunner;
  readonly files: FileAccess;
  private current: OpenProjectState | null = null;
  /** The project's counts, valid until its data changes (counting a million rows takes a tenth of a second). */
  private counts: ProjectCounts | null = null;
  /** What to do when a job has finished, by job id (deleting the uploads an import read). */
  private readonly afterJobs = new Map<string, () => void>();
  private readonly hooks: JobHooks[] = [];
  private readonly disposers: (() => void)[] = [];

  constructor(readonly options: ServiceOptions) {
    this.recent = new RecentProjects(options.dataDir);
    this.files = options.fileAccess ?? anyFile;
    this.keys = new ProjectKeys(options.keychain);
    this.jobs = new JobRunner({
      onProgress: (p) => options.emit('job:progress', p),
      prepareInput: (kind, input) => this.hooks.reduce((acc, h) => (h.prepare ? h.prepare(kind, acc) : acc), input),
      beforeDone: (done) => this.hooks.reduce((acc, h) => (h.finish ? h.finish(acc) : acc), done),
      onDone: (d, after) => {
        this.afterJobs.get(d.jobId)?.();
        this.afterJobs.delete(d.jobId);
        this.changed();
        if (after.counts && after.projectPath === this.current?.path) this.counts = after.counts;
        if (this.current && d.kind === 'import') this.current.sourceContexts = null;
        options.emit('job:done', d);
        options.emit('project:changed', this.info());
        // After work that changed many records the dashboard is re-measured, so "after the fixes" is current.
        const autoApplied = d.kind === 'fix' && ((d.result as { autoApplied?: number } | undefined)?.autoApplied ?? 0) > 0;
        if ((d.kind === 'import' || d.kind === 'match' || d.kind === 'fix-apply' || d.kind === 'history' || autoApplied) && d.status === 'succeeded') {
          this.profileAfter(d.kind === 'import' || d.kind === 'match' ? d.kind : 'fix');
        }
      },
    });
  }

  /**
   * A snapshot at each import: the dashboard's trend then shows what every
   * import did to quality. After duplicate matching too, since uniqueness and
   * cross-source consistency count the entities it found. Skipped when a
   * profile is already running (its numbers will include the new rows only if
   * it started after them, so the dashboard says how many customers are newer
   * than its run).
   */
  profileAfter(reason: 'import' | 'match' | 'fix' | 'withdraw'): void {
    if (!this.current) return;
    try {
      this.startAutomatic('profile', { reason });
    } catch {
      // A profile job is already running.
    }
  }

  /** Profiles and sort indexes the service started by itself; the user did not ask for them, so leaving the project stops them. */
  private readonly automatic = new Set<string>();
  private readonly keys: ProjectKeys;

  /** Answers kept until the project's data changes (see memo). */
  private readonly memos = new Map<string, unknown>();

  /**
   * An answer computed once per version of the data: every write through the
   * service and every job's end calls changed(), which forgets them. The
   * dashboard then reads what the service last announced, even in the moment
   * between a job switching its results and saying it has finished.
   */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /**
   * A source was withdrawn or brought back: every count and cached page is
   * out of date, the views are told, and the dashboard is measured again
   * without (or with) its records.
   */
  sourcesChanged(): void {
    this.changed();
    this.options.emit('project:changed', this.info());
    this.profileAfter('withdraw');
  }

  /** Runs `then` once the job has finished, whatever its outcome. */
  afterJob(jobId: string, then: () => void): void {
    this.afterJobs.set(jobId, then);
  }

  /**
   * A sort index on a big project is built as a job: in a worker (a second's
   * work at a million rows must not hold up every other request), and queued
   * behind a job that writes rather than waiting on its lock. The grid sorts
   * without the index until it exists. One such job at a time; a later sort
   * asks again. A small project, with no job running, gets it at once.
   */
  private requestSortIndexes(path: string, columns: string[]): void {
    if (!this.jobs.busy() && (this.info()?.customers ?? 0) < INLINE_SORT_INDEX_ROWS) {
      for (const c of columns) buildSortIndex(this.project().db, c);
      return;
    }
    const waiting = this.sortIndexJob && !this.jobs.get(this.sortIndexJob.jobId).started && !this.jobs.get(this.sortIndexJob.jobId).done ? this.sortIndexJob : null;
    if (waiting) {
      // Still queued: its input is read when it starts, so the new columns join it.
      for (const c of columns) if (!waiting.columns.includes(c)) waiting.columns.push(c);
      return;
    }
    try {
      const input = { columns: [...columns] };
      const jobId = this.startJob('sort-index', input);
      this.automatic.add(jobId);
      this.sortIndexJob = { jobId, columns: input.columns };
    } catch {
      // A sort-index job is already running: a later sort asks again.
    }
  }

  /** The last sort-index job started, and the columns it will build. */
  private sortIndexJob: { jobId: string; columns: string[] } | null = null;

  /** Starts a job the user did not ask for on the open project; leaving the project cancels it. */
  startAutomatic(kind: JobKindName, input: unknown): string {
    const id = this.startJob(kind, input);
    this.automatic.add(id);
    return id;
  }

  addJobHooks(hooks: JobHooks): void {
    this.hooks.push(hooks);
  }

  /** Runs when the service is disposed (timers an area started). */
  onDispose(fn: () => void): void {
    this.disposers.push(fn);
  }

  dispose(): void {
    for (const fn of this.disposers.splice(0)) fn();
    this.close();
  }

  /**
   * Closes the project, lets `replace` change its file (a restore renames a
   * verified copy over it), and opens it again, also when `replace` failed:
   * with the key `replace` returns (the restored file's, which may differ
   * from the one the project had), else the key it had.
   * Every repository is made anew: nothing cached may describe the old file.
   */
  reopenAround(replace: (path: string, key: ProjectKey | null) => ProjectKey | null): void {
    const p = this.project();
    // The project stays locked for this program throughout; only its connections close.
    this.closeConnections();
    this.current = null;
    let key = p.access.key;
    try {
      key = replace(p.path, key);
    } finally {
      this.current = this.load(p.path, { key }, p.lock);
    }
  }

  /**
   * Opens the project's connection and its read thread. Both use `key` (an
   * encrypted project's), as does every job worker (startJob); the service's
   * own connection waits on a lock only briefly (SERVICE_BUSY_TIMEOUT_MS).
   */
  private load(path: string, opts: { create?: boolean; key: ProjectKey | null }, lock: ProjectLock): OpenProjectState {
    const db = openProject(path, opts);
    db.pragma(`busy_timeout = ${SERVICE_BUSY_TIMEOUT_MS}`);
    const access: ProjectAccess = { path, key: opts.key };
    const reads = new IdQueryThread(access);
    const customers = new CustomersRepo(db, {
      requestSortIndexes: (columns) => this.requestSortIndexes(path, columns),
      countAll: () => this.info()!.customers,
      offThread: { run: (sql, params) => reads.run(sql, params), worthIt: () => this.info()!.customers >= OFF_THREAD_ROWS },
    });
    return { path, db, access, lock, customers, reads, suggestions: new SuggestionPages(db), sourceContexts: null };
  }

  /** Cancels the jobs the service started by itself when nothing else runs: the user's next step replaces the project under them. */
  async cancelAutomatic(): Promise<void> {
    const pending = this.jobs.pending();
    if (pending.length > 0 && pending.every((id) => this.automatic.has(id))) {
      for (const id of pending) this.jobs.cancel(id);
      for (const id of pending) await this.jobs.wait(id);
    }
  }

  /** Starts a job on the open project; its worker opens the project with the same key. */
  startJob(kind: JobKindName, input: unknown): string {
    return this.jobs.start(kind, this.project().access, input);
  }

  async open(path: string, create: boolean, unlock: Unlock = {}): Promise<ProjectInfo> {
    await this.cancelAutomatic();
    if (this.jobs.busy()) throw new AppError('busy', 'Wait for the running job to finish before switching projects.');
    if (!create && fileEncryption(path) === 'missing') throw new AppError('project_not_found', `No project file at ${path}.`);
    // Reopening the project that is open keeps its lock; any other is claimed first, so a refusal changes nothing here.
    const reopening = this.current?.path === path;
    const lock = reopening ? this.current!.lock : claimProject(path, this.program());
    let next: OpenProjectState;
    let key: ProjectKey | null;
    try {
      // The open project's key serves a reopen; a passphrase typed now is checked instead.
      key = reopening && !unlock.passphrase ? this.current!.access.key : await this.keys.forOpening(path, create, unlock);
      next = this.load(path, { create, key }, lock);
    } catch (err) {
      if (!reopening) lock.release();
      throw err;
    }
    await this.keys.remember(path, key, unlock.remember);
    if (reopening) this.closeConnections();
    else this.close();
    this.current = next;
    this.recent.touch(path);
    const info = this.info()!;
    this.options.emit('project:changed', info);
    return info;
  }

  private program(): string {
    return { electron: 'CRM Steward (desktop app)', browser: 'CRM Steward (browser mode)', cli: 'CRM Steward' }[this.options.mode];
  }

  /**
   * Protects the open project with a new passphrase, changes it, or (with
   * `next` null) removes it. The current passphrase is asked for even though
   * the key is in memory: someone at an unlocked, unattended screen must not
   * be able to change or remove it. The file is rewritten on a worker thread
   * (rekey-project.ts) while the project stays locked for this program.
   */
  async setPassphrase(current: string | undefined, next: string | null, remember?: boolean): Promise<ProjectInfo> {
    const p = this.project();
    if (this.jobs.busy()) throw new AppError('busy', 'Wait for the running job to finish before changing the passphrase.');
    const from = p.access.key;
    if (!from && next === null) throw new AppError('invalid_input', `${projectName(p.path)} is not encrypted; there is no passphrase to remove.`);
    if (from) {
      if (!current) throw new AppError('passphrase_required', 'Enter the current passphrase first.');
      if (!sameKey(await deriveKey(current, from.salt), from)) throw new AppError('wrong_passphrase', 'The current passphrase is wrong; nothing was changed.');
    }
    const to = next === null ? null : await newKey(next);
    this.rekeying = true;
    this.closeConnections();
    let key = from;
    try {
      await rekeyInWorker(p.path, from, to);
      key = to;
    } finally {
      this.rekeying = false;
      this.reopenAfterRekey(p, key);
    }
    await this.keys.remember(p.path, key, remember ?? false);
    const info = this.info()!;
    this.options.emit('project:changed', info);
    return info;
  }

  /** Opens the project again with whichever key its file now has; if even that fails, it is closed. */
  private reopenAfterRekey(p: OpenProjectState, key: ProjectKey | null): void {
    try {
      this.current = this.load(p.path, { key }, p.lock);
    } catch (err) {
      p.lock.release();
      this.current = null;
      this.options.emit('project:changed', null);
      throw err;
    }
  }

  /** True while the project file is being rewritten: nothing may read or write it. */
  private rekeying = false;

  sourceContexts(): Map<number, SourceContext> {
    const p = this.project();
    return (p.sourceContexts ??= readSourceContexts(p.db));
  }

  /** The project's records or suggestions changed: cached pages and counts are out of date. */
  changed(): void {
    this.counts = null;
    this.memos.clear();
    this.current?.customers.invalidate();
    this.current?.suggestions.invalidate();
  }

  /**
   * A write asked for while a job writes would wait on SQLite's lock for
   * seconds and then fail; it is refused at once, with the reason.
   */
  assertCanWrite(): void {
    const writing = this.jobs.runningKinds().filter((k) => !readOnlyJobs.has(k));
    if (writing.length > 0) throw new AppError('busy', `The project is busy with a running ${writing[0]} job; try again when it has finished.`);
  }

  /** Closes the project and lets other programs have it; its key is dropped from memory. */
  close(): void {
    if (this.rekeying) throw new AppError('busy', 'The project is being re-encrypted; close it when that has finished.');
    this.closeConnections();
    this.current?.lock.release();
    this.current = null;
  }

  /** Closes the project's connection and read thread, keeping its lock; cached answers go with them. */
  private closeConnections(): void {
    this.memos.clear();
    this.current?.reads.close();
    this.current?.db.close();
    this.counts = null;
  }

  project(): OpenProjectState {
    if (this.rekeying) throw new AppError('busy', 'The project is being re-encrypted; try again in a moment.');
    if (!this.current) throw new AppError('no_project', 'No project is open. Create or open a project first.');
    return this.current;
  }

  info(): ProjectInfo | null {
    if (!this.current) return null;
    const counts = (this.counts ??= projectCounts(this.current.db));
    return { path: this.current.path, name: projectName(this.current.path), encrypted: this.current.access.key !== null, ...counts };
  }
}
