import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionFilter, SuggestionRow } from '../../../../shared/channels/fix.ts';
import { api } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';
import { useDebounced, useLoad } from '../../api/hooks.ts';
import { useRunningJob } from '../../api/use-running-job.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { unsavedText } from '../../components/ValueInput.tsx';
import type { ValueEditorParams } from '../../grid/ValueCellEditor.tsx';
import { asTranslate } from '../../i18n/as-translate.ts';
import { WordsError, type Words } from '../../i18n/words.ts';
import { FixRunPanel } from './FixRunPanel.tsx';
import { KeyHint } from './KeyHint.tsx';
import { RuleSummary } from './RuleSummary.tsx';
import { SuggestionFilters, type SuggestionSort } from './SuggestionFilters.tsx';
import { SuggestionsGrid } from './SuggestionsGrid.tsx';
import { IN_PLACE, useDecide } from './use-decide.ts';
import './fixes.css';

/**
 * Standardisation suggestions: find them (a job with progress and cancel),
 * see them per rule and field, review them in a grid (filter, sort, accept,
 * reject, reopen, edit the proposed value, all from the keyboard) and apply
 * a whole rule at once. Nothing is written until a suggestion is accepted.
 */
export function FixesView() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { version, source, bump } = useDataVersion();
  // Counted over every suggestion (seconds on a large project): once a burst of decisions has settled.
  const summaryVersion = useDebounced(version, 600);
  const summary = useLoad(() => api.invoke('fix:summary', {}), [summaryVersion]);
  const rules = useLoad(() => api.invoke('fix:rules', {}), []);
  const sources = useLoad(() => api.invoke('sources:list', {}), []);
  const [autoApply, setAutoApply] = useState<string[] | null>(null);
  const [filter, setFilter] = useState<SuggestionFilter>({ status: 'open' });
  const [sort, setSort] = useState<SuggestionSort>('record');
  const [count, setCount] = useState<number | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const onLoading = useCallback((d: 1 | -1) => setInFlight((n) => n + d), []);
  const [selection, setSelection] = useState<number[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [runNotice, setRunNotice] = useState<Words | null>(null);
  // A function in state must be set through an updater.
  const sayRun = (w: Words | null): void => setRunNotice(() => w);
  const { decide, job: applyJob, notice, error: decideError, clearNotice, clearError } = useDecide();
  const onError = useCallback((e: Error) => setError(e), []);

  const run = useRunningJob((done) => {
    if (done.status === 'cancelled') sayRun((t) => t('fixes.cancelled'));
    if (done.status === 'failed') setError(new WordsError((t) => `${t('fixes.failed')}: ${done.error?.message ?? ''}`));
    const applied = (done.result as { autoApplied?: number } | undefined)?.autoApplied ?? 0;
    if (done.status === 'succeeded' && applied > 0) sayRun((t, lng) => t('fixes.autoApplied', { count: applied, formatted: applied.toLocaleString(lng) }));
    bump();
  }, onError);
  const startRun = (): void => {
    setRunNotice(null);
    setError(null);
    clearNotice();
    api.invoke('fix:run', {}).then((r) => run.follow(r.jobId), onError);
  };

  // The grid reads again whenever records or suggestions may have changed (an undo anywhere, a rule accepted
  // at once), except after a decision it already shows in its rows; those it shows until asked to read again.
  const [refreshToken, setRefreshToken] = useState(0);
  const [decidedInPlace, setDecidedInPlace] = useState(false);
  const refresh = useCallback(() => (setDecidedInPlace(false), setRefreshToken((n) => n + 1)), []);
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    if (source !== IN_PLACE) refresh();
  }, [version, source, refresh]);
  const changeFilter = (f: SuggestionFilter): void => (setDecidedInPlace(false), setFilter(f));
  const changeSort = (v: SuggestionSort): void => (setDecidedInPlace(false), setSort(v));

  const saveAuto = (rule: string, on: boolean): void => {
    const current = autoApply ?? rules.data?.settings.autoApply ?? [];
    const next = on ? [...new Set([...current, rule])] : current.filter((r) => r !== rule);
    api.invoke('fix:settings', { autoApply: next }).then((s) => setAutoApply(s.autoApply), onError);
  };

  const editor = useMemo<ValueEditorParams<SuggestionRow>>(() => ({
    target: (row) => ({ customerId: row.customerId, field: row.field, value: row.kind === 'flag' ? row.before : row.after }),
    save: async (row, _col, text) => {
      try {
        const updated = await api.invoke('fix:edit', { id: row.id, after: text === '' ? null : text });
        return { outcome: { kind: 'saved' }, row: updated };
      } catch (err) {
        // The editor has already shown the finding in the UI language as it was typed; this is the service's refusal.
        return { outcome: { kind: 'failed', error: err as Error } };
      }
    },
    onLateProblem: (o) => setError(o.kind === 'failed' ? o.error : new WordsError((t, lng) => unsavedText(t, lng, o))),
  }), []);

  const s = summary.data;
  const busy = run.running || applyJob.running;
  const ruleIds = [...new Set([...(rules.data?.rules.map((r) => r.id) ?? []), ...(s?.byRule.map((r) => r.rule) ?? [])])];
  const n = (x: number): string => x.toLocaleString(lng);
  return (
    <div className="view grid-view fixes-view" data-testid="fixes-view">
      <div className="view-head">
        <h1>{t('fixes.title')}</h1>
        {s?.run && count !== null && <span className="muted" data-testid="suggestion-count">{t('fixes.count', { count, formatted: n(count) })}</span>}
        {inFlight > 0 && <span className="loading-dot" data-testid="suggestions-loading">{t('app.loading')}</span>}
        {decidedInPlace && (
          <span className="muted small" data-testid="decided-in-place">
            {t('fixes.decidedInPlace')} <button className="link" data-testid="refresh-list" onClick={refresh}>{t('fixes.refresh')}</button>
          </span>
        )}
      </div>
      <p className="muted intro">{t('fixes.intro')}</p>
      {summary.error && <ErrorBanner error={summary.error} />}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {decideError && <ErrorBanner error={decideError} onDismiss={clearError} />}
      {runNotice && <div className="note" data-testid="fix-notice">{runNotice(t, lng)}</div>}
      {notice && <div className={notice.done ? 'success' : 'note'} role="status" data-testid="decide-notice">{notice.say(t, lng)} <button className="link" onClick={clearNotice}>{t('common.dismiss')}</button></div>}
      {!s && summary.loading && <p className="muted" data-testid="fixes-loading">{t('app.loading')}</p>}
      {s && <FixRunPanel summary={s} job={run} onRun={startRun} />}
      {applyJob.running && <ProgressBar progress={applyJob.progress} onCancel={applyJob.cancel} cancelling={applyJob.cancelling} />}
      {s && s.customers === 0 && <div className="empty" data-testid="fixes-no-customers">{t('fixes.noCustomers')}</div>}
      {s && s.customers > 0 && !s.run && !run.running && <div className="empty" data-testid="fixes-never">{t('fixes.neverRun')}</div>}
      {s?.run && s.byRule.length === 0 && <div className="empty" data-testid="fixes-nothing">{t('fixes.nothing')}</div>}
      {s?.run && s.byRule.length > 0 && (
        <>
          <RuleSummary
            rows={s.byRule} rules={rules.data?.rules ?? []} autoApply={autoApply ?? rules.data?.settings.autoApply ?? []} busy={busy}
            onAuto={saveAuto} onDecide={(a, sel) => void decide(a, sel)} onShow={changeFilter}
          />
          <SuggestionFilters filter={filter} sort={sort} rules={ruleIds} sources={sources.data ?? []} onFilter={changeFilter} onSort={changeSort} />
          <div className="decide-bar" data-testid="decide-bar">
            {selection.length > 0 ? (
              <>
                <span data-testid="suggestion-selected">{t('fixes.selected', { count: selection.length, formatted: n(selection.length) })}</span>
                <button data-testid="accept-selected" disabled={busy} onClick={() => void decide('accept', { ids: selection })}>{t('fixes.actions.acceptSelected')}</button>
                <button className="secondary" data-testid="reject-selected" disabled={busy} onClick={() => void decide('reject', { ids: selection })}>{t('fixes.actions.rejectSelected')}</button>
                <button className="secondary" data-testid="reopen-selected" disabled={busy} onClick={() => void decide('reopen', { ids: selection })}>{t('fixes.actions.reopenSelected')}</button>
              </>
            ) : (
              <>
                <button data-testid="accept-matching" disabled={busy || !count} onClick={() => void decide('accept', { filter: { ...filter, kind: 'change' } })}>{t('fixes.actions.acceptMatching', { formatted: count === null ? '…' : n(count) })}</button>
                <button className="secondary" data-testid="reject-matching" disabled={busy || !count} onClick={() => void decide('reject', { filter })}>{t('fixes.actions.rejectMatching')}</button>
                <button className="secondary" data-testid="reopen-matching" disabled={busy || !count} onClick={() => void decide('reopen', { filter })}>{t('fixes.actions.reopenMatching')}</button>
              </>
            )}
          </div>
          <div className="grid-and-empty">
            <SuggestionsGrid
              filter={filter} sort={sort} refreshToken={refreshToken} editor={editor}
              onDecide={(a, ids) => decide(a, { ids }, { inPlace: true })} onDecidedInPlace={() => setDecidedInPlace(true)}
              onCount={setCount} onLoading={onLoading} onSelection={setSelection} onError={onError}
            />
            {count === 0 && <div className="grid-empty empty" data-testid="fixes-no-match">{t('fixes.noMatch')}</div>}
          </div>
          <KeyHint />
        </>
      )}
    </div>
  );
}
