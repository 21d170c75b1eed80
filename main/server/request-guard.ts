/**
 * Who may talk to browser mode. It listens on 127.0.0.1, where every local
 * program and every page open in any browser can reach it, so a request must
 * show that it comes from the app's own page:
 *
 * - the Host names loopback (a DNS-rebinding site's requests carry its own name);
 * - an Origin, when the browser sends one, is the app's own (another site's
 *   page, or another app on another local port, is refused even before the
 *   token is looked at), and the browser does not mark it cross-site;
 * - it carries the session token in the x-steward-token header. Only the
 *   event stream may carry it in the query string, because EventSource cannot
 *   set headers; anywhere else a token in a URL ends up in logs and history.
 */
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { ErrorPayload } from '../../shared/errors.ts';

const loopbackHost = /^(127\.0\.0\.1|localhost)(:\d+)?$/;

export const EVENTS_PATH = '/api/events';

/** Checks that apply to every request, the page's own files included. */
export function refuseForeign(req: IncomingMessage, port: number): ErrorPayload | null {
  if (!loopbackHost.test(req.headers.host ?? '')) return { code: 'forbidden', message: 'Browser mode answers on 127.0.0.1 only.' };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return { code: 'forbidden', message: 'Requests from other web pages are refused: use the address browser mode printed.' };
  }
  return null;
}

/** Checks for the service's own endpoints: not cross-site, and the session token. */
export function refuseUnauthorised(req: IncomingMessage, url: URL, token: string): ErrorPayload | null {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return { code: 'forbidden', message: 'Requests from other web pages are refused: use the address browser mode printed.' };
  const header = req.headers['x-steward-token'];
  const given = typeof header === 'string' ? header : url.pathname === EVENTS_PATH && req.method === 'GET' ? (url.searchParams.get('token') ?? '') : '';
  if (!sameToken(given, token)) return { code: 'unauthorized', message: 'Missing or wrong session token: open the URL printed when browser mode started.' };
  return null;
}

/** Constant time, so the token cannot be guessed a character at a time from response times. */
function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
