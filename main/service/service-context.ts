import type { EventName, EventPayload, ProjectInfo } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { CustomersRepo } from '../store/customers-repo.ts';
import { SuggestionPages } from '../fix/suggestion-queries.ts';
import { readSourceContexts, type SourceContext } from '../fix/source-context.ts';
import type { JobKindName } from '../jobs/job-kinds.ts';
import { openProject, type Db, type ProjectAccess } from '../store/open-project.ts';
import { claimProject, type ProjectLock } from '../store/project-lock.ts';
import { deriveKey, fileEncryption, newKey, sameKey, type ProjectKey } from '../store/project-key.ts';
import { rekeyInWorker } from '../store/rekey-in-worker.ts';
import { projectName, RecentProjects } from './recent-projects.ts';
import { ProjectKeys, type Unlock } from './project-keys.ts';
import type { Keychain } from './remembered-keys.ts';

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
  /** Where the desktop app remembers project keys (the OS keychain); absent elsewhere. */
  keychain?: Keychain;
}



interface OpenProjectState {
  path: string;
  db: Db;
  /** The path and key every worker thread opens its own connection with. Kept in memory only. */
  access: ProjectAccess;
  /** This program holds the project: another instance or a writing command is refused. */
  lock: ProjectLock;
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
    this.keys = new ProjectKeys(options.keychain);
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
      this.automatic.add(this.startJob('profile', { reason }));
    } catch {
      // A profile job is already running.
    }
  }

  /** Profiles the service started by itself; the user did not ask for them, so leaving the project stops them. */
  private readonly automatic = new Set<string>();
  private readonly keys: ProjectKeys;

  /** Starts a job on the open project; its worker opens the project with the same key. */
  startJob(kind: JobKindName, input: unknown): string {
    return this.jobs.start(kind, this.project().access, input);
  }

  async open(path: string, create: boolean, unlock: Unlock = {}): Promise<ProjectInfo> {
    const pending = this.jobs.pending();
    if (pending.length > 0 && pending.every((id) => this.automatic.has(id))) {
      for (const id of pending) this.jobs.cancel(id);
      for (const id of pending) await this.jobs.wait(id);
    }
    if (this.jobs.busy()) throw new AppError('invalid_input', 'Wait for the running job to finish before switching projects.');
    if (!create && fileEncryption(path) === 'missing') throw new AppError('project_not_found', `No project file at ${path}.`);
    // Reopening the project that is open keeps its lock; any other is claimed first, so a refusal changes nothing here.
    const reopening = this.current?.path === path;
    const lock = reopening ? this.current!.lock : claimProject(path, this.program());
    let db: Db;
    let key: ProjectKey | null;
    try {
      // The open project's key serves a reopen; a passphrase typed now is checked instead.
      key = reopening && !unlock.passphrase ? this.current!.access.key : await this.keys.forOpening(path, create, unlock);
      db = openProject(path, { create, key });
    } catch (err) {
      if (!reopening) lock.release();
      throw err;
    }
    await this.keys.remember(path, key, unlock.remember);
    if (reopening) this.current!.db.close();
    else this.close();
    this.current = { path, db, access: { path, key }, lock, customers: new CustomersRepo(db), suggestions: new SuggestionPages(db), sourceContexts: null };
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
    p.db.close();
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
      const db = openProject(p.path, { key });
      this.current = { ...p, db, access: { path: p.path, key }, customers: new CustomersRepo(db), suggestions: new SuggestionPages(db), sourceContexts: null };
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
    this.current?.db.close();
    this.current?.lock.release();
    this.current = null;
  }

  project(): OpenProjectState {
    if (this.rekeying) throw new AppError('busy', 'The project is being re-encrypted; try again in a moment.');
    if (!this.current) throw new AppError('no_project', 'No project is open. Create or open a project first.');
    return this.current;
  }

  info(): ProjectInfo | null {
    if (!this.current) return null;
    const count = (sql: string): number => (this.current!.db.prepare(sql).get() as { n: number }).n;
    return {
      path: this.current.path,
      name: projectName(this.current.path),
      encrypted: this.current.access.key !== null,
      customers: count('SELECT count(*) n FROM customers'),
      sources: count('SELECT count(*) n FROM sources'),
      quarantined: count('SELECT count(*) n FROM quarantine'),
      transactions: count('SELECT count(*) n FROM transactions'),
      needs: count('SELECT count(*) n FROM needs'),
    };
  }
}
