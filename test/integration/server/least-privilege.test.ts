import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../main/server/http-server.ts';
import { useTempDir } from '../../helpers/temp.ts';
import { call, openEvents } from './http-client.ts';

const tempDir = useTempDir();
let server: BrowserServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const csv = ['id,First Name,Last Name,Email', '1,Ann,Zed,ann@x.com', '2,Bob,Young,bob@y.org'].join('\n');
const MAX_UPLOAD = 64 << 10;

async function start(prepare?: (dir: string) => void) {
  const dir = tempDir();
  mkdirSync(join(dir, 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>CRM Steward</title>');
  prepare?.(dir);
  const s = await startBrowserServer({
    dataDir: join(dir, 'data'), projectsDir: join(dir, 'projects'), demoDir: join(dir, 'none'), rendererDir: join(dir, 'renderer'),
    version: 'test', allowedDirs: [join(dir, 'allowed')], maxUploadBytes: MAX_UPLOAD,
  });
  server = s;
  const invoke = (channel: string, body: unknown = {}, headers: Record<string, string> = {}) => call(s.port, `/api/invoke/${channel}`, { token: s.token, body, headers });
  const upload = (name: string, body: string | Buffer) => call(s.port, `/api/upload?name=${encodeURIComponent(name)}`, { token: s.token, body });
  const uploads = () => (existsSync(join(dir, 'data', 'uploads')) ? readdirSync(join(dir, 'data', 'uploads')) : []);
  const waitForJob = async (jobId: string): Promise<string> => {
    for (;;) {
      const job = (await invoke('job:get', { jobId })).body!.data as { status: string };
      if (job.status !== 'running') return job.status;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { s, dir, invoke, upload, uploads, waitForJob };
}

describe('browser mode reads and writes files only in its own folders, the allowed ones and uploads', () => {
  it('refuses to preview /etc/passwd with a valid token, and sends none of its lines', async () => {
    const { invoke } = await start();
    const res = await invoke('import:preview', { path: '/etc/passwd' });
    expect(res.status).toBe(403);
    expect(res.body!.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('--allow') });
    expect(res.text).not.toContain('root:');
  });

  it('refuses a path that climbs out with .., and a link inside an allowed folder that points outside', async () => {
    const { dir, invoke } = await start((d) => {
      mkdirSync(join(d, 'projects'), { recursive: true });
      writeFileSync(join(d, 'outside.csv'), csv);
      symlinkSync(join(d, 'outside.csv'), join(d, 'projects', 'link.csv'));
      symlinkSync(join(d, 'not-yet.csv'), join(d, 'projects', 'dangling.csv'));
    });
    expect((await invoke('import:preview', { path: join(dir, 'projects', '..', 'outside.csv') })).status).toBe(403);
    expect((await invoke('import:preview', { path: join(dir, 'projects', 'link.csv') })).status).toBe(403);
    expect((await invoke('import:start', { files: [{ path: join(dir, 'projects', 'link.csv') }] })).status).toBe(403);
    await invoke('project:create', { path: join(dir, 'projects', 'P') });
    // Writing through a link to a file that does not exist yet would create it wherever the link points.
    expect((await invoke('history:export', { path: join(dir, 'projects', 'dangling.csv') })).status).toBe(403);
    expect(existsSync(join(dir, 'not-yet.csv'))).toBe(false);
  });

  it('creates and opens projects, and writes exports and the change log, only inside the allowed folders', async () => {
    const { dir, invoke, waitForJob } = await start((d) => mkdirSync(join(d, 'allowed')));
    expect((await invoke('project:create', { path: join(dir, 'elsewhere', 'P') })).status).toBe(403);
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false);
    expect((await invoke('project:open', { path: '/etc/hostname' })).status).toBe(403);
    const created = await invoke('project:create', { path: join(dir, 'projects', 'sub', 'P') });
    expect(created.status).toBe(200);
    expect((await invoke('export:start', { path: join(dir, 'out.csv'), format: 'csv' })).status).toBe(403);
    expect((await invoke('history:export', { path: '/tmp/../etc/log.csv' })).status).toBe(403);
    const ok = await invoke('export:start', { path: join(dir, 'allowed', 'out.csv'), format: 'csv' });
    expect(ok.status).toBe(200);
    expect(await waitForJob((ok.body!.data as { jobId: string }).jobId)).toBe('succeeded');
    expect(existsSync(join(dir, 'allowed', 'out.csv'))).toBe(true);
  });

  it('reads a file in a folder allowed with --allow', async () => {
    const { dir, invoke } = await start((d) => {
      mkdirSync(join(d, 'allowed'));
      writeFileSync(join(d, 'allowed', 'contacts.csv'), csv);
    });
    await invoke('project:create', { path: join(dir, 'projects', 'P') });
    const res = await invoke('import:preview', { path: join(dir, 'allowed', 'contacts.csv') });
    expect(res.status).toBe(200);
    expect((res.body!.data as { headers: string[] }[])[0].headers).toEqual(['id', 'First Name', 'Last Name', 'Email']);
  });
});

describe('only the app\'s own page may call the service', () => {
  it('refuses a request whose Origin is another page\'s, even with the token', async () => {
    const { s, invoke } = await start();
    expect((await invoke('app:info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke('app:info', {}, { origin: `http://127.0.0.1:${s.port + 1}` })).status).toBe(403);
    expect((await invoke('app:info', {}, { origin: 'null' })).status).toBe(403);
    expect((await invoke('app:info', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await openEvents(s.port, `/api/events?token=${s.token}`, { origin: 'http://evil.example' })).status).toBe(403);
    // The app's own page, as a browser sends it.
    expect((await invoke('app:info', {}, { origin: `http://127.0.0.1:${s.port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('accepts the token in the query string for the event stream only', async () => {
    const { s } = await start();
    const inQuery = await call(s.port, `/api/invoke/app:info?token=${s.token}`);
    expect(inQuery.status).toBe(401);
    expect((await call(s.port, `/api/upload?name=a.csv&token=${s.token}`, { body: csv })).status).toBe(401);
    const events = await openEvents(s.port, `/api/events?token=${s.token}`);
    expect(events).toMatchObject({ status: 200, first: expect.stringContaining('event: hello') });
    expect((await openEvents(s.port, '/api/events?token=wrong')).status).toBe(401);
  });
});

describe('uploads', () => {
  it('are stored owner-only and deleted once the import that read them has finished', async () => {
    const { dir, invoke, upload, uploads, waitForJob } = await start();
    await invoke('project:create', { path: join(dir, 'projects', 'P') });
    const up = await upload('contacts.csv', csv);
    expect(up.status).toBe(200);
    const path = (up.body!.data as { path: string }).path;
    expect({ file: (statSync(path).mode & 0o777).toString(8), folder: (statSync(join(path, '..')).mode & 0o777).toString(8) }).toEqual({ file: '600', folder: '700' });
    expect((await invoke('import:preview', { path })).status).toBe(200);
    const started = await invoke('import:start', { files: [{ path }] });
    expect(await waitForJob((started.body!.data as { jobId: string }).jobId)).toBe('succeeded');
    expect(uploads()).toEqual([]);
    expect(((await invoke('project:info')).body!.data as { customers: number }).customers).toBe(2);
  });

  it('are deleted when their review is closed, and a path that is not an upload is never deleted', async () => {
    const { dir, invoke, upload, uploads } = await start((d) => {
      mkdirSync(join(d, 'projects'), { recursive: true });
      writeFileSync(join(d, 'projects', 'mine.csv'), csv);
    });
    const a = (await upload('a.csv', csv)).body!.data as { path: string };
    const b = (await upload('b.csv', csv)).body!.data as { path: string };
    expect(uploads()).toHaveLength(2);
    const res = await invoke('import:discard', { paths: [a.path, join(dir, 'projects', 'mine.csv'), join(dir, 'data', 'uploads')] });
    expect(res.body!.data).toEqual({ discarded: 1 });
    expect(existsSync(a.path)).toBe(false);
    expect(existsSync(b.path)).toBe(true);
    expect(existsSync(join(dir, 'projects', 'mine.csv'))).toBe(true);
  });

  it('are deleted after a reference import, whether or not it succeeded', async () => {
    const { dir, invoke, upload, uploads } = await start();
    await invoke('project:create', { path: join(dir, 'projects', 'P') });
    const ref = (await upload('reference.csv', 'no,id,column\n1,2,3')).body!.data as { path: string };
    await invoke('quality:reference-import', { path: ref.path });
    expect(uploads()).toEqual([]);
  });

  it('over the size cap are refused with 413, declared or not, and leave nothing behind', async () => {
    const { s, upload, uploads } = await start();
    const big = Buffer.alloc(MAX_UPLOAD + 1, 'a');
    const declared = await upload('big.csv', big);
    expect(declared.status).toBe(413);
    expect(declared.body!.error).toMatchObject({ code: 'too_large', message: expect.stringContaining('MB') });
    // Chunked, without a Content-Length: the bytes themselves are counted.
    const chunked = await call(s.port, '/api/upload?name=big.csv', { token: s.token, chunks: [big.subarray(0, 40_000), big.subarray(40_000)] });
    expect(chunked.status).toBe(413);
    expect(uploads()).toEqual([]);
    // The server is still there.
    expect((await upload('small.csv', csv)).status).toBe(200);
  });

  it('left by an earlier session are deleted at start', async () => {
    const { uploads } = await start((d) => {
      mkdirSync(join(d, 'data', 'uploads', 'old-session'), { recursive: true });
      writeFileSync(join(d, 'data', 'uploads', 'old-session', 'customers.csv'), csv);
    });
    expect(uploads()).toEqual([]);
  });

  it('with a bad name get 400 with a sentence and store nothing', async () => {
    const { s, upload, uploads } = await start();
    for (const name of ['../escape.csv', 'a/b.csv', 'tab\there.csv', 'nul\u0000.csv', '..', 'program.exe', '']) {
      const res = await upload(name, csv);
      expect(res.status, name).toBe(400);
      expect(res.body!.error!.code).toBe('invalid_input');
    }
    const malformed = await call(s.port, '/api/upload?name=%E0%A4%A.csv', { token: s.token, body: csv });
    expect(malformed.status).toBe(400);
    expect(malformed.body!.error!.message).toMatch(/% escape/);
    expect(uploads()).toEqual([]);
    // A name with characters HTML would read is a file name like any other.
    expect((await upload('<img src=x onerror=alert(7)>.csv', csv)).status).toBe(200);
  });
});

describe('bad addresses and failing reads', () => {
  it('answer a malformed % escape or a NUL with 400 and a sentence, never 500 or an internal path', async () => {
    const { s, dir } = await start();
    for (const path of ['/%E0%A4%A', '/assets/%ZZ.js', '/%00', '/..%2f..%2fetc%2fpasswd']) {
      const res = await call(s.port, path, { method: 'GET' });
      expect(res.status, path).toBe(400);
      expect(res.body!.error!.message).not.toContain(dir);
    }
    expect((await call(s.port, '/some/view', { method: 'GET' })).text).toContain('<title>CRM Steward</title>');
  });

  it('answer a static file that cannot be read, and keep serving', async () => {
    const { s, dir } = await start((d) => {
      // The app's page is a folder: reading it fails.
      mkdirSync(join(d, 'renderer', 'assets'));
      execFileSync('mkfifo', [join(d, 'renderer', 'assets', 'pipe.js')]);
    });
    rmSync(join(dir, 'renderer', 'index.html'));
    mkdirSync(join(dir, 'renderer', 'index.html'));
    const page = await call(s.port, '/', { method: 'GET' });
    expect(page.status).toBe(500);
    expect(page.body!.error!.message).not.toContain(dir);
    // A named pipe would block a read forever: only regular files are served.
    expect((await call(s.port, '/assets/pipe.js', { method: 'GET' })).status).toBe(404);
    expect((await call(s.port, '/api/invoke/app:info', { token: s.token })).status).toBe(200);
  });
});
