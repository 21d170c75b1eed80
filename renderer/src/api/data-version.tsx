import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { JobDone } from '../../../shared/contract.ts';
import { useEvent } from './hooks.ts';

interface DataVersion {
  /** Goes up whenever customer records or suggestions may have changed. */
  version: number;
  /** Who made the last change, when it said so: a view that already shows it need not read again. */
  source: string | null;
  bump: (source?: string) => void;
}

const Context = createContext<DataVersion>({ version: 0, source: null, bump: () => {} });

/** Jobs that write records or suggestions: when one ends, views showing them read again. */
const writingJobs = new Set<JobDone['kind']>(['import', 'fix', 'fix-apply', 'history', 'merge']);

/**
 * One counter the views that show records watch (the customers grid, its
 * detail panel, the fixes review, History): an edit, a decision, an undo or
 * a finished writing job bumps it, and each reads again, wherever the write
 * was started (Ctrl+Z works in every view).
 */
export function DataVersionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ version: number; source: string | null }>({ version: 0, source: null });
  const bump = useCallback((source?: string) => setState((s) => ({ version: s.version + 1, source: source ?? null })), []);
  useEvent('job:done', useCallback((d: JobDone) => void (writingJobs.has(d.kind) && bump()), [bump]));
  const value = useMemo(() => ({ ...state, bump }), [state, bump]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useDataVersion(): DataVersion {
  return useContext(Context);
}
