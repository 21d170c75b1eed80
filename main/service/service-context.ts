import type { EventName, EventPayload, JobDone, ProjectInfo } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import type { JobKindName } from '../jobs/job-kinds.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { CustomersRepo } from '../store/customers-repo.ts';
import { SuggestionPages } from '../fix/suggestion-queries.ts';
import { readSourceContexts, type SourceContext } from '../fix/source-context.ts';
import { openProject, type Db } from '../store/open-project.ts';
import type { Keychain } from './passphrase-vault.ts';
import { projectName, RecentProjects } from './recent-projects.ts';

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
  /** Where the desktop app remembers backup passphrases (the OS keychain); absent elsewhere. */
  keychain?: Keychain;
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
  customers: CustomersRepo;
  suggestions: SuggestionPages;
  /** Each source's dominant country and date orders, for checking typed values; read when first needed. */
  sourceContexts: Map<number, SourceContext> | null;
}

/**
 * Jobs that read the project and write their results in one short
 * transaction at the end (run, then switch), or only read it: the service
 * may write while they run, and what it writes is "changed since" for them.
 * The others (import, fix runs, large accepts, reversals) hold the write lock
 * for their whole length, so a write asked for meanwhile is refused at once.
 */
const readOnlyJobs = new Set(['export', 'profile', 'match', 'backup']);

/** The service's state: at most one open project, its repositories and the job runner. */
export class ServiceContext {
  readonly recent: RecentProjects;
  readonly jobs: JobRunner;
  private current: OpenProjectState | null = null;
  private readonly hooks: JobHooks[] = [];
  private readonly disposers: (() => void)[] = [];

  constructor(readonly options: ServiceOptions) {
    this.recent = new RecentProjects(options.dataDir);
    this.jobs = new JobRunner({
      onProgress: (p) => options.emit('job:progress', p),
      prepareInput: (kind, input) => this.hooks.reduce((acc, h) => (h.prepare ? h.prepare(kind, acc) : acc), input),
      beforeDone: (done) => this.hooks.reduce((acc, h) => (h.finish ? h.finish(acc) : acc), done),
      onDone: (d) => {
        this.changed();
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
  private profileAfter(reason: 'import' | 'match' | 'fix'): void {
    if (!this.current) return;
    try {
      this.startAutomatic('profile', { reason });
    } catch {
      // A profile job is already running.
    }
  }

  /** Starts a job the user did not ask for on the open project; leaving the project cancels it. */
  startAutomatic(kind: JobKindName, input: unknown): string {
    const id = this.jobs.start(kind, this.project().path, input);
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
   * verified copy over it), and opens it again, also when `replace` failed.
   * Every repository is made anew: nothing cached may describe the old file.
   */
  reopenAround(replace: (path: string) => void): void {
    const { path } = this.project();
    this.close();
    try {
      replace(path);
    } finally {
      this.current = this.load(path, false);
    }
  }

  private load(path: string, create: boolean): OpenProjectState {
    const db = openProject(path, { create });
    return { path, db, customers: new CustomersRepo(db), suggestions: new SuggestionPages(db), sourceContexts: null };
  }

  /** Profiles the service started by itself; the user did not ask for them, so leaving the project stops them. */
  private readonly automatic = new Set<string>();

  /** Cancels the jobs the service started by itself when nothing else runs: the user's next step replaces the project under them. */
  async cancelAutomatic(): Promise<void> {
    const pending = this.jobs.pending();
    if (pending.length > 0 && pending.every((id) => this.automatic.has(id))) {
      for (const id of pending) this.jobs.cancel(id);
      for (const id of pending) await this.jobs.wait(id);
    }
  }

  async open(path: string, create: boolean): Promise<ProjectInfo> {
    await this.cancelAutomatic();
    if (this.jobs.busy()) throw new AppError('invalid_input', 'Wait for the running job to finish before switching projects.');
    const next = this.load(path, create);
    this.close();
    this.current = next;
    this.recent.touch(path);
    const info = this.info()!;
    this.options.emit('project:changed', info);
    return info;
  }

  sourceContexts(): Map<number, SourceContext> {
    const p = this.project();
    return (p.sourceContexts ??= readSourceContexts(p.db));
  }

  /** The project's records or suggestions changed: cached pages and counts are out of date. */
  changed(): void {
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

  close(): void {
    this.current?.db.close();
    this.current = null;
  }

  project(): OpenProjectState {
    if (!this.current) throw new AppError('no_project', 'No project is open. Create or open a project first.');
    return this.current;
  }

  info(): ProjectInfo | null {
    if (!this.current) return null;
    const count = (sql: string): number => (this.current!.db.prepare(sql).get() as { n: number }).n;
    return {
      path: this.current.path,
      name: projectName(this.current.path),
      customers: count('SELECT count(*) n FROM customers'),
      sources: count('SELECT count(*) n FROM sources'),
      quarantined: count('SELECT count(*) n FROM quarantine'),
      transactions: count('SELECT count(*) n FROM transactions'),
      needs: count('SELECT count(*) n FROM needs'),
    };
  }
}
