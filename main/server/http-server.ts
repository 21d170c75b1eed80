import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, extname, join, normalize } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { timingSafeEqual } from 'node:crypto';
import { events, type EventName } from '../../shared/contract.ts';
import { AppError, toErrorPayload } from '../../shared/errors.ts';
import { createService, type Service } from '../service/create-service.ts';
import type { ServiceOptions } from '../service/service-context.ts';

export interface BrowserServer {
  url: string;
  token: string;
  port: number;
  service: Service;
  close(): Promise<void>;
}

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};

const MAX_JSON_BYTES = 16 << 20;

/**
 * Browser mode: the built renderer and the same service on 127.0.0.1 only.
 * Every API call must carry the random session token printed at start-up,
 * and the Host header must name loopback, so neither another local user's
 * page nor a DNS-rebinding site can drive the service.
 */
export async function startBrowserServer(opts: Omit<ServiceOptions, 'emit' | 'mode'> & { rendererDir: string; port?: number }): Promise<BrowserServer> {
  const token = randomBytes(24).toString('base64url');
  const clients = new Set<ServerResponse>();
  const service = createService({
    ...opts,
    mode: 'browser',
    emit: (event, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of clients) res.write(frame);
    },
  });
  const uploads = join(opts.dataDir, 'uploads');

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => sendJson(res, 500, { ok: false, error: toErrorPayload(err) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(req.headers.host ?? '')) return sendJson(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Browser mode answers on 127.0.0.1 only.' } });
    if (!url.pathname.startsWith('/api/')) return serveStatic(opts.rendererDir, url.pathname, res);
    const given = String(req.headers['x-steward-token'] ?? url.searchParams.get('token') ?? '');
    if (!sameToken(given, token)) return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong session token: open the URL printed when browser mode started.' } });
    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res, clients);
    if (url.pathname === '/api/upload' && req.method === 'POST') return sendJson(res, 200, { ok: true, data: await receiveUpload(req, uploads, url.searchParams.get('name') ?? 'upload.csv') });
    const match = /^\/api\/invoke\/([\w:-]+)$/.exec(url.pathname);
    if (match && req.method === 'POST') {
      try {
        const data = await service.invokeUnknown(match[1], await readJson(req));
        return sendJson(res, 200, { ok: true, data: data ?? null });
      } catch (err) {
        const error = toErrorPayload(err);
        return sendJson(res, error.code === 'internal' ? 500 : 400, { ok: false, error });
      }
    }
    sendJson(res, 404, { ok: false, error: { code: 'not_found', message: `No endpoint ${url.pathname}.` } });
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    service,
    close: async () => {
      for (const res of clients) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      service.dispose();
    },
  };
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new AppError('invalid_input', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'The request body is not valid JSON.');
  }
}

/** Browser mode cannot hand the service a path, so a chosen file is copied into the data folder first. */
async function receiveUpload(req: IncomingMessage, dir: string, name: string): Promise<{ path: string }> {
  const folder = join(dir, randomUUID());
  mkdirSync(folder, { recursive: true });
  const path = join(folder, basename(name).replace(/[\\/:*?"<>|]/g, '_') || 'upload');
  await pipeline(req, createWriteStream(path));
  return { path };
}

function openEventStream(res: ServerResponse, clients: Set<ServerResponse>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(`event: hello\ndata: ${JSON.stringify(Object.keys(events) as EventName[])}\n\n`);
  clients.add(res);
  res.on('close', () => clients.delete(res));
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('The renderer is not built: run `npm run build:renderer`.');
    return;
  }
  res.writeHead(200, {
    'content-type': mime[extname(file)] ?? 'application/octet-stream',
    // The same policy as the desktop window: nothing loads from outside this origin.
    'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
  });
  res.end(readFileSync(file));
}
