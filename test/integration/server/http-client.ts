import { request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } | null;
}

export interface Call {
  method?: string;
  /** Sent as x-steward-token when given. */
  token?: string;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string or Buffer; chunks are sent one by one without a Content-Length. */
  body?: unknown;
  chunks?: Buffer[];
}

/**
 * A real HTTP request to browser mode, as a browser or another local program
 * would send it; the path is sent exactly as given (no normalisation, no
 * re-encoding). Resolves with the answer even when the server stops reading
 * the body early (a refused upload), as a browser does.
 */
export function call(port: number, path: string, opts: Call = {}): Promise<Answer> {
  const payload = opts.chunks ? null : opts.body === undefined ? '' : typeof opts.body === 'string' || Buffer.isBuffer(opts.body) ? opts.body : JSON.stringify(opts.body);
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...(opts.token ? { 'x-steward-token': opts.token } : {}), ...opts.headers };
  if (payload !== null) headers['content-length'] = String(Buffer.byteLength(payload));
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'POST', headers }, (res) => {
      answered = true;
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        let body: Answer['body'] = null;
        try {
          body = JSON.parse(text) as Answer['body'];
        } catch {
          // not JSON (a page, an event stream)
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
      });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else {
      req.end(payload);
    }
  });
}

/** Opens the event stream and resolves with its status and first frame; the connection is then closed. */
export function openEvents(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; first: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('\n\n')) {
          resolve({ status: res.statusCode ?? 0, first: text });
          req.destroy();
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, first: text }));
    });
    req.on('error', reject);
    req.end();
  });
}
