/**
 * Cancellation as every long piece of work sees it. The job runner hands over
 * an object with only throwIfAborted() (a SharedArrayBuffer flag written by
 * the main thread); tests and the CLI pass an AbortSignal. Domain code checks
 * it between chunks of work and turns whatever it throws into one
 * AppError('cancelled') with a sentence saying what was kept.
 */
import { AppError } from '../../shared/errors.ts';

/** The part of AbortSignal a domain function needs. */
export interface Cancellation {
  throwIfAborted(): void;
}

export const neverCancelled: Cancellation = { throwIfAborted() {} };

export function cancelledError(message: string): AppError {
  return new AppError('cancelled', message);
}

/** Throws AppError('cancelled', message) when the work was cancelled. */
export function throwIfCancelled(signal: Cancellation | undefined, message: string): void {
  if (!signal) return;
  try {
    signal.throwIfAborted();
  } catch {
    throw cancelledError(message);
  }
}
