/**
 * Errors that cross a transport carry a stable code and a sentence a person
 * can read. Every transport turns thrown errors into { code, message } and
 * the client rebuilds an AppError from it.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'no_project'
  | 'project_not_found'
  | 'project_exists'
  | 'project_unreadable'
  | 'passphrase_required'
  | 'wrong_passphrase'
  | 'project_in_use'
  | 'file_not_found'
  | 'file_unreadable'
  | 'already_imported'
  | 'encoding_mismatch'
  | 'job_not_found'
  | 'cancelled'
  | 'busy'
  | 'not_supported'
  | 'unauthorized'
  /** A path outside the folders this mode of the app may read or write. */
  | 'forbidden'
  /** An upload larger than the cap. */
  | 'too_large'
  | 'not_found'
  | 'wrong_passphrase'
  | 'backup_damaged'
  | 'backup_incomplete'
  | 'not_a_backup'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  if (err && typeof err === 'object' && 'name' in err && (err as Error).name === 'ZodError') {
    return { code: 'invalid_input', message: `Invalid request: ${(err as Error).message}` };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}
