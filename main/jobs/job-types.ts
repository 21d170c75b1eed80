/** The part of AbortSignal a domain function needs: checked between chunks of work. */
export interface Cancellation {
  throwIfAborted(): void;
}

export type ProgressFn<P> = (progress: P) => void;

export interface JobContext<P> {
  signal: Cancellation;
  onProgress: ProgressFn<P>;
}
