/**
 * The built renderer's files. Whatever the address says, only regular files
 * inside the renderer folder are read: a `%` escape that does not decode, a
 * NUL or a path climbing out is a bad request (400), a folder or an unknown
 * path is the app's page (its own views are not server routes), and a file
 * that cannot be read is answered with a sentence, never a crash or an
 * internal path.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { isInside } from '../service/file-access.ts';
import { securityHeaders, sendError } from './respond.ts';

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};

// The same policy as the desktop window: nothing loads from outside this origin, and no other page may frame the app.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The file an address names, or the app's page when it names none; throws 'invalid_input' for an address that cannot be a file. */
export function staticPath(root: string, pathname: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new AppError('invalid_input', 'The address has a % escape that does not decode.');
  }
  if (decoded.includes('\0')) throw new AppError('invalid_input', 'The address contains a NUL character.');
  const file = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (!isInside(file, resolve(root))) throw new AppError('invalid_input', 'The address points outside the app.');
  return file;
}

export async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  let file: string;
  try {
    file = staticPath(root, pathname);
  } catch (err) {
    return sendError(res, { code: 'invalid_input', message: (err as Error).message });
  }
  const index = join(root, 'index.html');
  const kind = await stat(file).then((s) => (s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other'), () => 'missing');
  if (kind === 'other') return sendError(res, { code: 'not_found', message: `No file ${pathname}.` });
  if (kind !== 'file') file = index;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (err) {
    const missing = file === index && (err as NodeJS.ErrnoException).code === 'ENOENT';
    return sendError(res, { code: 'internal', message: missing ? 'The renderer is not built: run `npm run build:renderer`.' : "The app's files could not be read; build or install it again." });
  }
  res.writeHead(200, { ...securityHeaders, 'content-type': mime[extname(file)] ?? 'application/octet-stream', 'content-security-policy': contentSecurityPolicy });
  res.end(body);
}
