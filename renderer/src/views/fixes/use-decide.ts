import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { DecideResult, SuggestionFilter } from '../../../../shared/channels/fix.ts';
import { api } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';
import { useRunningJob } from '../../api/use-running-job.ts';
import { WordsError, type Words } from '../../i18n/words.ts';

export type Decision = 'accept' | 'reject' | 'reopen';

/** The data-version source of a decision the review grid showed in its rows itself. */
export const IN_PLACE = 'fixes-in-place';
export type Selection = { ids: number[] } | { filter: SuggestionFilter };

/** "3 suggestions accepted. 1 was out of date …" in the UI language. */
export function decisionText(t: TFunction, lng: string, r: Omit<DecideResult, 'jobId' | 'batchId'>): string {
  const n = (x: number) => ({ count: x, formatted: x.toLocaleString(lng) });
  const parts = [
    r.accepted > 0 && t('fixes.done.accepted', n(r.accepted)),
    r.rejected > 0 && t('fixes.done.rejected', n(r.rejected)),
    r.reopened > 0 && t('fixes.done.reopened', n(r.reopened)),
    r.stale > 0 && t('fixes.done.stale', n(r.stale)),
  ].filter((p): p is string => typeof p === 'string');
  return parts.length > 0 ? parts.join(' ') : t('fixes.done.none');
}

/**
 * Accepting, rejecting or reopening suggestions: a few at once while the
 * user waits, a large accept as a job with progress and cancel. Either way
 * the outcome is said and every view showing records reads again.
 */
export function useDecide() {
  const { bump } = useDataVersion();
  const [notice, setNotice] = useState<{ say: Words; done: boolean } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const job = useRunningJob((done) => {
    if (done.status === 'succeeded') setNotice({ say: (t, lng) => decisionText(t, lng, done.result as DecideResult), done: true });
    else if (done.status === 'cancelled') setNotice({ say: (t) => t('fixes.done.cancelled'), done: false });
    else setError(new WordsError((t) => done.error?.message ?? t('error.internal')));
    bump();
  }, setError);

  /**
   * With inPlace, the caller shows the outcome in the rows it already has
   * (when nothing was out of date): the change is announced as its own, so
   * the review grid need not read every page again (seconds on a large project).
   */
  const decide = async (action: Decision, selection: Selection, opts: { inPlace?: boolean } = {}): Promise<DecideResult | null> => {
    setError(null);
    setNotice(null);
    try {
      const r = await api.invoke('fix:decide', { action, ...selection });
      if (r.jobId) {
        job.follow(r.jobId);
        return r;
      }
      setNotice({ say: (t, lng) => decisionText(t, lng, r), done: true });
      bump(opts.inPlace && r.stale === 0 ? IN_PLACE : undefined);
      return r;
    } catch (err) {
      setError(err as Error);
      return null;
    }
  };
  return { decide, job, notice, error, clearNotice: () => setNotice(null), clearError: () => setError(null) };
}
