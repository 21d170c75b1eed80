import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { events, type EventName } from '../../shared/contract.ts';
import { AppError, toErrorPayload } from '../../shared/errors.ts';
import { createService, type Service } from '../service/create-service.ts';
import { filesUnder } from '../service/file-access.ts';
import type { ServiceOptions } from '../service/service-context.ts';
import { UploadArea } from '../service/uploads.ts';
import { EVENTS_PATH, refuseForeign, refuseUnauthorised } from './request-guard.ts';
import { securityHeaders, sendError, sendJson } from './respond.ts';
import { serveStatic } from './static-files.ts';

export interface BrowserServer {
  url: string;
  token: string;
  port: number;
  service: Service;
  close(): Promise<void>;
}

export interface BrowserServerOptions extends Omit<ServiceOptions, 'emit' | 'mode' | 'fileAccess' | 'uploads'> {
  rendererDir: string;
  port?: number;
  /** Folders besides the data and projects folders whose files a request may name (serve --allow). */
  allowedDirs?: string[];
  /** The largest upload accepted, in bytes. */
  maxUploadBytes?: number;
}

const MAX_JSON_BYTES = 16 << 20;

/**
 * Browser mode: the built renderer and the same service on 127.0.0.1 only.
 * Every API call must carry the random session token printed at start-up
 * and come from the app's own page (request-guard.ts); the service reads and
 * writes only inside its data and projects folders, the allowed folders and
 * the uploads (file-access.ts), which are deleted once they have served.
 */
export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = randomBytes(24).toString('base64url');
  const clients = new Set<ServerResponse>();
  const uploads = new UploadArea(join(opts.dataDir, 'uploads'), opts.maxUploadBytes);
  uploads.clear();
  const service = createService({
    ...opts,
    mode: 'browser',
    fileAccess: filesUnder([opts.dataDir, opts.projectsDir, ...(opts.allowedDirs ?? [])]),
    uploads,
    emit: (event, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of clients) res.write(frame);
    },
  });
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A fault of ours: logged here, answered with a sentence (its message may name internal paths).
      console.error('browser mode: request failed:', err);
      sendError(res, { code: 'internal', message: 'Something went wrong in the CRM Steward service; the details are in its log.' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const foreign = refuseForeign(req, port);
    if (foreign) return sendError(res, foreign);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return sendError(res, { code: 'invalid_input', message: 'The address cannot be read.' });
    }
    if (!url.pathname.startsWith('/api/')) return serveStatic(opts.rendererDir, url.pathname, res);
    const refused = refuseUnauthorised(req, url, token);
    if (refused) return sendError(res, refused);
    if (url.pathname === EVENTS_PATH && req.method === 'GET') return openEventStream(res, clients);
    try {
      if (url.pathname === '/api/upload' && req.method === 'POST') {
        const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
        return sendJson(res, 200, { ok: true, data: { path: await uploads.receive(req, uploadName(req.url ?? ''), length) } });
      }
      const match = /^\/api\/invoke\/([\w:-]+)$/.exec(url.pathname);
      if (match && req.method === 'POST') return sendJson(res, 200, { ok: true, data: (await service.invokeUnknown(match[1], await readJson(req))) ?? null });
    } catch (err) {
      const error = toErrorPayload(err);
      // The rest of a refused body is not read; closing the connection stops the client sending it.
      if (!req.complete) res.setHeader('connection', 'close');
      return sendError(res, error);
    }
    sendError(res, { code: 'not_found', message: `No endpoint ${url.pathname}.` });
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    service,
    close: async () => {
      for (const res of clients) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      service.dispose();
      uploads.clear();
    },
  };
}

/**
 * The upload's file name from `?name=`, decoded strictly: a `%` escape that
 * does not decode is refused rather than turned into replacement characters.
 */
function uploadName(rawUrl: string): string {
  const query = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '';
  const raw = query.split('&').find((p) => p.startsWith('name='))?.slice(5);
  if (raw === undefined) throw new AppError('invalid_input', 'An upload needs ?name= with the file\'s name.');
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    throw new AppError('invalid_input', 'The upload\'s file name has a % escape that does not decode.');
  }
}

/** The JSON body; one over the cap is refused without reading the rest (and without closing the socket before the answer). */
function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_JSON_BYTES) return void chunks.push(chunk);
      req.off('data', onData).pause();
      reject(new AppError('too_large', 'The request is too large.'));
    };
    req.on('data', onData).on('error', reject).on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new AppError('invalid_input', 'The request body is not valid JSON.'));
      }
    });
  });
}

function openEventStream(res: ServerResponse, clients: Set<ServerResponse>): void {
  res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', connection: 'keep-alive' });
  res.write(`event: hello\ndata: ${JSON.stringify(Object.keys(events) as EventName[])}\n\n`);
  clients.add(res);
  res.on('close', () => clients.delete(res));
}
