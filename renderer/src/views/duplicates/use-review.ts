import { useCallback, useEffect, useRef, useState } from 'react';
import type { DecisionResult, QueueView } from '../../../../shared/channels/merge.ts';
import { api } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';

/** The data-version source of this view's own decisions: it reads its list and group again itself. */
export const REVIEW = 'merge-review';

export interface Review {
  /** The open group, or null. */
  openId: number | null;
  /** A decision or a move is waiting for the service. */
  busy: boolean;
  open: (id: number | null) => void;
  /** Next (+1) or previous (−1) group of the list from the open one. */
  move: (delta: 1 | -1) => void;
  /**
   * Runs a decision on a group. `target` says which: the group the key was
   * pressed on (a grid row, the records table) when nothing is pending, else
   * the open one once the decisions before it have moved on. Then opens what
   * stands in its place (or `then`, when the decision says where to go).
   */
  act: (target: number | null, run: (id: number) => Promise<DecisionResult>, then?: (r: DecisionResult, id: number) => number | 'next' | 'stay') => Promise<DecisionResult | null>;
}

/**
 * One group at a time from a list. Keys may arrive faster than the service
 * answers (A A A to accept three groups): every move and decision joins one
 * chain, and each finds its target when its turn comes, from the group the
 * previous one left open, never from where the keyboard focus happened to be.
 */
export function useReview(view: QueueView, onError: (e: Error) => void): Review {
  const { bump } = useDataVersion();
  const [openId, setOpenId] = useState<number | null>(null);
  const current = useRef<number | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const [busy, setBusy] = useState(false);
  const latest = useRef({ view, onError });
  latest.current = { view, onError };

  // Goes up when the user opens a group or changes the list: moves still on their way then land nowhere.
  const epoch = useRef(0);
  const show = useCallback((id: number | null, since: number) => {
    if (since !== epoch.current) return;
    current.current = id;
    setOpenId(id);
  }, []);
  const open = useCallback((id: number | null) => {
    epoch.current += 1;
    show(id, epoch.current);
  }, [show]);

  const enqueue = useCallback(<T>(step: () => Promise<T>): Promise<T | null> => {
    pending.current += 1;
    setBusy(true);
    const run = chain.current.then(step).catch((e: Error) => (latest.current.onError(e), null)).finally(() => {
      pending.current -= 1;
      if (pending.current === 0) setBusy(false);
    });
    chain.current = run;
    return run;
  }, []);

  const neighbour = async (id: number, delta: 1 | -1): Promise<number | null> => {
    const p = await api.invoke('merge:queue-position', { ...latest.current.view, id });
    return delta === 1 ? p.next : p.previous;
  };

  /**
   * The group after a decided one: its next when it is still listed (itself when last), else the one now
   * at its place (the last when it was last). A group split into single records is known nowhere: the one at its old index.
   */
  const successor = async (id: number, index: number | null): Promise<number | null> => {
    const now = await api.invoke('merge:queue-position', { ...latest.current.view, id });
    if (now.index !== null) return now.next ?? id;
    if (now.next !== null || now.previous !== null || index === null) return now.next ?? now.previous;
    const at = Math.max(0, Math.min(index, now.total - 1));
    const page = await api.invoke('merge:queue-page', { ...latest.current.view, startRow: at, endRow: at + 1 });
    return page.rows[0]?.id ?? null;
  };

  // A new filter (or order: the view then opens its first) keeps the open group when the list still has it, else opens the one after where it would be.
  useEffect(() => {
    if (current.current === null) return;
    epoch.current += 1;
    const since = epoch.current;
    void enqueue(async () => {
      const id = current.current;
      if (id === null) return;
      const p = await api.invoke('merge:queue-position', { ...latest.current.view, id });
      show(p.index !== null ? id : p.next ?? p.previous, since);
    });
  }, [view, enqueue, show]);

  const move = useCallback((delta: 1 | -1) => {
    const since = epoch.current;
    void enqueue(async () => {
      const from = current.current;
      if (from === null) {
        const first = await api.invoke('merge:queue-page', { ...latest.current.view, startRow: 0, endRow: 1 });
        if (first.rows[0]) show(first.rows[0].id, since);
        return;
      }
      const to = await neighbour(from, delta);
      if (to !== null) show(to, since);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enqueue, show]);

  const act: Review['act'] = useCallback((target, run, then) => {
    // Nothing waiting: the group the key was pressed on. Otherwise the one the decisions before left open.
    const fixed = pending.current === 0 ? target : null;
    const since = epoch.current;
    return enqueue(async () => {
      const id = fixed ?? current.current;
      if (id === null) return null;
      const before = await api.invoke('merge:queue-position', { ...latest.current.view, id });
      const r = await run(id);
      const where = then ? then(r, id) : 'next';
      if (typeof where === 'number') show(where, since);
      else if (where === 'next') show(await successor(id, before.index), since);
      bump(REVIEW);
      return r;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enqueue, show, bump]);

  return { openId, busy, open, move, act };
}
