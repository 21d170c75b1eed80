/**
 * Cancellation for profiling. The job runner hands over an object with only
 * throwIfAborted() (a SharedArrayBuffer flag); tests and the CLI pass an
 * AbortSignal. Both become the same AppError so callers see one code.
 */
import { AppError } from '../../shared/errors.ts';

export interface Cancellation {
  throwIfAborted(): void;
}

export function cancelledError(): AppError {
  return new AppError('cancelled', 'Profiling was cancelled; the previous results are unchanged.');
}

export function throwIfCancelled(signal: Cancellation | undefined): void {
  if (!signal) return;
  try {
    signal.throwIfAborted();
  } catch {
    throw cancelledError();
  }
}
