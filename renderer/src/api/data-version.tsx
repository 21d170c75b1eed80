import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { JobDone } from '../../../shared/contract.ts';
import { useEvent } from './hooks.ts';

interface DataVersion {
  /** Goes up whenever customer records or suggestions may have changed. */
  version: number;
  bump: () => void;
}

const Context = createContext<DataVersion>({ version: 0, bump: () => {} });

/** Jobs that write records or suggestions: when one ends, views showing them read again. */
const writingJobs = new Set<JobDone['kind']>(['import', 'fix', 'fix-apply', 'history']);

/**
 * One counter the views that show records watch (the customers grid, its
 * detail panel, the fixes review, History): an edit, a decision, an undo or
 * a finished writing job bumps it, and each reads again, wherever the write
 * was started (Ctrl+Z works in every view).
 */
export function DataVersionProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  useEvent('job:done', useCallback((d: JobDone) => writingJobs.has(d.kind) && d.status !== 'failed' && bump(), [bump]));
  const value = useMemo(() => ({ version, bump }), [version, bump]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useDataVersion(): DataVersion {
  return useContext(Context);
}
