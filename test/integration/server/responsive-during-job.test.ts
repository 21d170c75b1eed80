import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../main/server/http-server.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { call } from './http-client.ts';

const tempDir = useTempDir();
let server: BrowserServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function writeCustomers(path: string, rows: number, offset = 0): Promise<void> {
  const out = createWriteStream(path);
  out.write('Record ID,First Name,Last Name,Email,City\n');
  let chunk = '';
  for (let i = offset; i < offset + rows; i++) {
    chunk += `${i},Given${i % 977},Family${(i * 7919) % 100_003},person${i}@example.com,Springfield\n`;
    if (chunk.length > 1 << 20) (out.write(chunk), (chunk = ''));
  }
  out.write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
}

/**
 * While an import holds the project's write lock, the service keeps
 * answering: every read completes while the job is still running, and every
 * write is answered "busy" at once instead of waiting for the lock (which
 * used to freeze every request for 10 s and then fail). No time is asserted:
 * "at once" is shown by the answer arriving while the job still runs.
 */
describe('the service while a job writes', () => {
  it('answers every read during an import, refuses writes as busy, and builds a new sort index only after the import', async () => {
    const dir = tempDir();
    const s = await startBrowserServer({ dataDir: join(dir, 'data'), projectsDir: join(dir, 'projects'), demoDir: join(dir, 'none'), rendererDir: join(dir, 'renderer'), version: 'test' });
    server = s;
    const invoke = (channel: string, body: unknown = {}) => call(s.port, `/api/invoke/${channel}`, { token: s.token, body });
    const job = async (jobId: string) => (await invoke('job:get', { jobId })).body!.data as { status: string; progress: { step: string; rows: number } | null };
    const idle = async () => {
      while (s.service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
    };
    await invoke('project:create', { path: join(dir, 'projects', 'P') });
    await writeCustomers(join(dir, 'projects', 'first.csv'), 50);
    await invoke('import:start', { files: [{ path: join(dir, 'projects', 'first.csv') }] });
    await idle(); // the import and the profile the service runs after it
    const first = (await invoke('customers:page', { startRow: 0, endRow: 1 })).body!.data as { rows: { id: number; email: string }[] };

    const big = join(dir, 'projects', 'big.csv');
    await writeCustomers(big, 300_000, 50);
    const { jobId } = (await invoke('import:start', { files: [{ path: big }] })).body!.data as { jobId: string };
    // Rows are being written: the import holds the write lock until it commits.
    for (let j = await job(jobId); !(j.progress?.step === 'import' && j.progress.rows > 0); j = await job(jobId)) {
      expect(j.status).toBe('running');
      await new Promise((r) => setTimeout(r, 10));
    }

    const reads = await Promise.all([
      invoke('app:info'),
      invoke('project:info'),
      invoke('customers:page', { startRow: 0, endRow: 100 }),
      // A column never sorted before: its index would need the write lock.
      invoke('customers:page', { startRow: 0, endRow: 100, sortModel: [{ colId: 'family_name', sort: 'asc' }] }),
      invoke('quality:overview'),
      invoke('quality:settings', {}),
      invoke('sources:list'),
      invoke('history:page'),
    ]);
    const writes = [
      await invoke('quality:settings', { timelinessDays: 100 }),
      await invoke('customers:update', { id: first.rows[0].id, field: 'email', value: 'new@example.org' }),
      await invoke('quality:mark-verified', { ids: [first.rows[0].id] }),
      await invoke('fix:settings', { autoApply: [] }),
      await invoke('history:undo', {}),
    ];
    expect((await job(jobId)).status).toBe('running');
    expect(reads.map((r) => r.status)).toEqual(reads.map(() => 200));
    expect(((reads[0].body!.data as { project: { customers: number } }).project.customers)).toBe(50); // the import is not committed yet
    const sorted = (reads[3].body!.data as { rows: { family_name: string }[] }).rows.map((r) => r.family_name);
    expect(sorted).toEqual([...sorted].sort());
    expect(writes.map((w) => [w.status, w.body!.error?.code])).toEqual(writes.map(() => [409, 'busy']));
    expect(writes[0].body!.error!.message).toMatch(/busy with a running import job/);
    const index = () => s.service.context.project().db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'customers_sort_family_name'").pluck().get();
    expect(index()).toBe(0);

    // After the import, the index is built by a job of its own, and the grid sorts through it.
    await idle();
    expect((await job(jobId)).status).toBe('succeeded');
    expect(index()).toBe(1);
    const page = (await invoke('customers:page', { startRow: 0, endRow: 100, sortModel: [{ colId: 'family_name', sort: 'asc' }] })).body!.data as { rows: { family_name: string }[]; lastRow: number };
    expect(page.lastRow).toBe(300_050);
    expect(page.rows.map((r) => r.family_name)).toEqual(page.rows.map((r) => r.family_name).sort());
    // And writes are accepted again.
    expect((await invoke('quality:settings', { timelinessDays: 100 })).status).toBe(200);
  }, 180_000);

  it('answers a write that meets another connection\'s lock "busy" after a short wait, never "database is locked"', async () => {
    const dir = tempDir();
    const s = await startBrowserServer({ dataDir: join(dir, 'data'), projectsDir: join(dir, 'projects'), demoDir: join(dir, 'none'), rendererDir: join(dir, 'renderer'), version: 'test' });
    server = s;
    const invoke = (channel: string, body: unknown = {}) => call(s.port, `/api/invoke/${channel}`, { token: s.token, body });
    const created = (await invoke('project:create', { path: join(dir, 'projects', 'P') })).body!.data as { path: string };
    // Another program (or a job's final transaction) holds the write lock.
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const other = new Database(created.path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const res = await invoke('quality:settings', { timelinessDays: 30 });
      expect([res.status, res.body!.error?.code]).toEqual([409, 'busy']);
      expect((await invoke('app:info')).status).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await invoke('quality:settings', { timelinessDays: 30 })).status).toBe(200);
  });
});
