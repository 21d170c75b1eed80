import type { Cancellation } from './cancellation.ts';

export type { Cancellation } from './cancellation.ts';

export type ProgressFn<P> = (progress: P) => void;

/** What a job's domain function gets besides its connection and input. */
export interface JobContext<P> {
  signal: Cancellation;
  onProgress: ProgressFn<P>;
}
