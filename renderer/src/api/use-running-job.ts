import { useEffect, useRef, useState } from 'react';
import type { JobDone, JobProgress } from '../../../shared/contract.ts';
import { api } from './client.ts';
import { useJob } from './hooks.ts';

export interface RunningJob {
  /** The job being followed, or null. */
  jobId: string | null;
  running: boolean;
  progress: JobProgress | null;
  cancelling: boolean;
  /** Follow a job the service started (its id came back from a channel). */
  follow: (jobId: string) => void;
  cancel: () => void;
}

/**
 * One long piece of work as a view shows it: progress while it runs, a
 * cancel that says it is cancelling, and `onDone` once with how it ended.
 */
export function useRunningJob(onDone: (done: JobDone) => void, onError: (e: Error) => void = () => {}): RunningJob {
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const { progress, done } = useJob(jobId);
  // The latest callbacks, without restarting the subscription when a parent re-renders.
  const handlers = useRef({ onDone, onError });
  handlers.current = { onDone, onError };

  useEffect(() => {
    if (!done) return;
    setJobId(null);
    setCancelling(false);
    handlers.current.onDone(done);
  }, [done]);

  return {
    jobId,
    running: jobId !== null,
    progress,
    cancelling,
    follow: (id) => (setCancelling(false), setJobId(id)),
    cancel: () => {
      if (!jobId) return;
      setCancelling(true);
      api.invoke('job:cancel', { jobId }).catch((e: Error) => handlers.current.onError(e));
    },
  };
}
