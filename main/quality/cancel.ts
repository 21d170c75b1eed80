/** Profiling's cancellation sentence, said the same way by every thread that notices it. */
import { cancelledError, throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';

export type { Cancellation } from '../lib/cancellation.ts';

const message = 'Profiling was cancelled; the previous results are unchanged.';

export const profilingCancelled = (): ReturnType<typeof cancelledError> => cancelledError(message);

export function throwIfProfilingCancelled(signal: Cancellation | undefined): void {
  throwIfCancelled(signal, message);
}
