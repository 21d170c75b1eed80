import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../main/server/http-server.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
let server: BrowserServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<BrowserServer> {
  const dir = tempDir();
  server = await startBrowserServer({ dataDir: dir, projectsDir: join(dir, 'projects'), demoDir: join(dir, 'none'), rendererDir: join(dir, 'renderer'), version: 'test' });
  return server;
}

function call(port: number, path: string, opts: { token?: string; host?: string; body?: unknown } = {}): Promise<{ status: number; body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...(opts.token ? { 'x-steward-token': opts.token } : {}), host: opts.host ?? `127.0.0.1:${port}` } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(opts.body ?? {}));
  });
}

describe('browser mode server', () => {
  it('listens on loopback only and prints a URL with the session token', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses calls without the token, with a wrong token, or from a foreign Host', async () => {
    const s = await start();
    expect((await call(s.port, '/api/invoke/app:info')).status).toBe(401);
    expect((await call(s.port, '/api/invoke/app:info', { token: 'x'.repeat(s.token.length) })).status).toBe(401);
    expect((await call(s.port, '/api/invoke/app:info', { token: s.token, host: 'evil.example:80' })).status).toBe(403);
    const ok = await call(s.port, '/api/invoke/app:info', { token: s.token });
    expect(ok).toMatchObject({ status: 200, body: { ok: true, data: { mode: 'browser', project: null } } });
  });

  it('answers invalid payloads with a 400 and a readable { code, message }', async () => {
    const s = await start();
    const res = await call(s.port, '/api/invoke/project:create', { token: s.token, body: { path: '' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('A file path is required') });
  });
});
