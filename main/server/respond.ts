import type { ServerResponse } from 'node:http';
import type { ErrorCode, ErrorPayload } from '../../shared/errors.ts';

/**
 * Headers on every answer: nothing is cached (answers hold customer data),
 * no page of another site may frame the app (clickjacking) or read its
 * files, the browser never guesses a type, and no address (the first one
 * carries the session token) is sent on as a referrer.
 */
export const securityHeaders = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
} as const;

const statusOf: Partial<Record<ErrorCode, number>> = { unauthorized: 401, forbidden: 403, not_found: 404, busy: 409, too_large: 413, internal: 500 };

export function httpStatus(code: ErrorCode): number {
  return statusOf[code] ?? 400;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, error: ErrorPayload): void {
  sendJson(res, httpStatus(error.code), { ok: false, error });
}
