import { useCallback, useEffect, useState } from 'react';
import type { EventName, EventPayload, JobDone, JobProgress } from '../../../shared/contract.ts';
import { api } from './client.ts';

export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  useEffect(() => api.on(event, listener), [event, listener]);
}

/** Progress and outcome of one job, following the service's events. */
export function useJob(jobId: string | null): { progress: JobProgress | null; done: JobDone | null } {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [done, setDone] = useState<JobDone | null>(null);
  useEffect(() => {
    setProgress(null);
    setDone(null);
    if (!jobId) return;
    const offProgress = api.on('job:progress', (p) => p.jobId === jobId && setProgress(p));
    const offDone = api.on('job:done', (d) => d.jobId === jobId && setDone(d));
    // The job may have moved on before we subscribed: ask once.
    api.invoke('job:get', { jobId }).then((s) => {
      if (s.progress) setProgress(s.progress);
      if (s.done) setDone(s.done);
    }, () => {});
    return () => {
      offProgress();
      offDone();
    };
  }, [jobId]);
  return { progress, done };
}

/** Runs an async call and keeps its result, loading flag and error for the view. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: Error | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    run().then(
      (d) => live && (setData(d), setError(null), setLoading(false)),
      (e: Error) => live && (setError(e), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [run, tick]);
  return { data, error, loading, reload: () => setTick((t) => t + 1) };
}

/** The value once it has stopped changing for `ms`: a burst of changes leads to one reload, not one each. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
