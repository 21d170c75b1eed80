import type { EventName, EventPayload, ProjectInfo } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { CustomersRepo } from '../store/customers-repo.ts';
import { SuggestionPages } from '../fix/suggestion-queries.ts';
import { readSourceContexts, type SourceContext } from '../fix/source-context.ts';
import { openProject, type Db } from '../store/open-project.ts';
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
const readOnlyJobs = new Set(['export', 'profile', 'match']);

/** The service's state: at most one open project, its repositories and the job runner. */
export class ServiceContext {
  readonly recent: RecentProjects;
  readonly jobs: JobRunner;
  private current: OpenProjectState | null = null;

  constructor(readonly options: ServiceOptions) {
    this.recent = new RecentProjects(options.dataDir);
    this.jobs = new JobRunner({
      onProgress: (p) => options.emit('job:progress', p),
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
      this.automatic.add(this.jobs.start('profile', this.current.path, { reason }));
    } catch {
      // A profile job is already running.
    }
  }

  /** Profiles the service started by itself; the user did not ask for them, so leaving the project stops them. */
  private readonly automatic = new Set<string>();

  async open(path: string, create: boolean): Promise<ProjectInfo> {
    const pending = this.jobs.pending();
    if (pending.length > 0 && pending.every((id) => this.automatic.has(id))) {
      for (const id of pending) this.jobs.cancel(id);
      for (const id of pending) await this.jobs.wait(id);
    }
    if (this.jobs.busy()) throw new AppError('invalid_input', 'Wait for the running job to finish before switching projects.');
    const db = openProject(path, { create });
    this.close();
    this.current = { path, db, customers: new CustomersRepo(db), suggestions: new SuggestionPages(db), sourceContexts: null };
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
