import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueView } from '../../../../shared/channels/merge.ts';
import { WordsError } from '../../i18n/words.ts';
import { api, ApiError } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';
import { useDebounced, useLoad } from '../../api/hooks.ts';
import { useRunningJob } from '../../api/use-running-job.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { BulkAccept } from './BulkAccept.tsx';
import { LabelMetricsLine } from './LabelMetricsLine.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { QueueGrid } from './QueueGrid.tsx';
import { ReviewKeyHint } from './ReviewKeyHint.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { RunPanel } from './RunPanel.tsx';
import { SurvivorshipDialog } from './SurvivorshipDialog.tsx';
import { UnmergeAll } from './UnmergeAll.tsx';
import { useReviewActions } from './use-review-actions.ts';
import { useReview } from './use-review.ts';
import './duplicates.css';

const firstView: QueueView = { sort: 'uncertainty', filter: { status: 'review' } };

/**
 * Duplicates: run matching, then review the suggested groups one at a time
 * from the keyboard (accept, reject, split, not the same, pick a value),
 * bulk-accept the sure ones, unmerge golden records, set the survivorship
 * rules, and see the precision and recall the decisions imply.
 */
export function DuplicatesView() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { version, bump } = useDataVersion();
  // Counted over every group (slow on a large project): once a burst of decisions has settled.
  const settled = useDebounced(version, 500);
  const matchSummary = useLoad(() => api.invoke('match:summary', {}), [settled]);
  const summary = useLoad(() => api.invoke('merge:summary', {}), [settled]);
  const metrics = useLoad(() => api.invoke('merge:metrics', {}), [settled]);
  const sources = useLoad(() => api.invoke('sources:list', {}), []);
  const [view, setView] = useState<QueueView>(firstView);
  const [count, setCount] = useState<number | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const onLoading = useCallback((d: 1 | -1) => setInFlight((n) => n + d), []);
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // A big group needs the whole width: the list folds away (L) and the keys keep walking it.
  const [listHidden, setListHidden] = useState(false);
  const onError = useCallback((e: Error) => setError(e), []);
  const root = useRef<HTMLDivElement>(null);

  const review = useReview(view, onError);
  const rejectedBatches = useRef(new Map<number, number | null>());
  const rejectedBatch = review.openId === null ? undefined : rejectedBatches.current.get(review.openId) ?? undefined;
  const cluster = useLoad(
    () => (review.openId === null ? Promise.resolve(null) : api.invoke('merge:cluster', { id: review.openId, rejectedBatch: view.filter.status === 'review' || view.filter.status === 'merged' ? undefined : rejectedBatch })),
    [review.openId, version],
  );
  const position = useLoad(() => (review.openId === null ? Promise.resolve(null) : api.invoke('merge:queue-position', { ...view, id: review.openId })), [review.openId, view, version]);
  // The group on screen is the one asked for (not the previous one still shown while the next loads).
  const shown = cluster.data && cluster.data.id === review.openId ? cluster.data : cluster.loading ? cluster.data : null;
  const actions = useReviewActions({ review, cluster: shown, onNotice: setNotice });

  const run = useRunningJob((done) => {
    if (done.status === 'cancelled') setNotice({ text: t('duplicates.cancelled'), ok: false });
    if (done.status === 'failed') setError(new WordsError((t) => `${t('duplicates.failed')}: ${done.error?.message ?? ''}`));
    if (done.status === 'succeeded') review.open(null);
    bump();
  }, onError);
  const startRun = (scope: 'all' | 'new', threshold: number): void => {
    setNotice(null);
    setError(null);
    api.invoke('match:start', { scope, threshold }).then((r) => run.follow(r.jobId), onError);
  };

  // Every change anywhere (a decision here, an undo, a finished job) can reorder the list: it reads again.
  const [refreshToken, setRefreshToken] = useState(0);
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    setRefreshToken((n) => n + 1);
  }, [version]);

  // A list with groups and none open: open the first, so the keys work at once.
  useEffect(() => {
    if (count && review.openId === null && !review.busy) review.move(1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, review.openId, review.busy]);

  // A new order starts at its top; a new filter keeps the open group, or the one after its place in the new list (useReview).
  const changeView = (v: QueueView): void => {
    if (v.sort !== view.sort) review.open(null);
    setCount(null);
    setView(v);
  };
  const onRows = useCallback((rows: { id: number; rejectedBatch: number | null }[]) => {
    for (const r of rows) rejectedBatches.current.set(r.id, r.rejectedBatch);
  }, []);

  useReviewKeys(root, actions, () => setListHidden((h) => !h));

  const s = summary.data;
  const ms = matchSummary.data;
  const n = (x: number): string => x.toLocaleString(lng);
  const bulkFilter = useMemo(() => {
    const { status: _status, ...rest } = view.filter;
    return rest;
  }, [view.filter]);
  const goneError = cluster.error instanceof ApiError && cluster.error.code === 'not_found' ? new WordsError((t) => t('merge.gone')) : cluster.error;
  const anyGroups = s !== null && s.review + s.merged + s.rejected > 0;
  return (
    <div className="view grid-view duplicates" data-testid="duplicates-view" ref={root}>
      <div className="view-head">
        <h1>{t('duplicates.title')}</h1>
        {s && anyGroups && (
          <span className="muted" data-testid="merge-counts">
            {t('merge.counts', { review: n(s.review), merged: n(s.merged), rejected: n(s.rejected), golden: n(s.goldenRecords) })}
          </span>
        )}
        {inFlight > 0 && <span className="loading-dot" data-testid="queue-loading">{t('app.loading')}</span>}
        <span className="head-actions">
          {s && s.merged > 0 && <UnmergeAll summary={s} onDone={(text) => setNotice({ text, ok: true })} onError={onError} />}
          {ms?.run && <button className="secondary" data-testid="survivorship-open" onClick={() => setSettingsOpen(true)}>{t('merge.settings.button')}</button>}
        </span>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {summary.error && <ErrorBanner error={summary.error} />}
      {notice && (
        <div className={notice.ok ? 'success' : 'note'} role="status" data-testid="merge-notice">
          {notice.text} {notice.ok && <span className="muted small">{t('merge.done.undoHint')}</span>}{' '}
          <button className="link" onClick={() => setNotice(null)}>{t('common.dismiss')}</button>
        </div>
      )}
      {!ms && matchSummary.loading && <p className="muted" data-testid="duplicates-loading">{t('app.loading')}</p>}
      {ms && <RunPanel key={ms.run?.id ?? 0} summary={ms} progress={run.progress} running={run.running} cancelling={run.cancelling} onRun={startRun} onCancel={run.cancel} />}
      {ms && ms.customers === 0 && <div className="empty" data-testid="duplicates-empty">{t('duplicates.noCustomers')}</div>}
      {ms && ms.customers > 0 && !ms.run && !run.running && <div className="empty" data-testid="duplicates-never">{t('duplicates.neverRun')}</div>}
      {ms?.run && s && !anyGroups && <div className="empty" data-testid="duplicates-none">{t('duplicates.noClusters')}</div>}
      {ms?.run && anyGroups && (
        <>
          <div className="review-bar">
            <QueueFilters view={view} sources={sources.data ?? []} onChange={changeView} />
            <BulkAccept filter={bulkFilter} version={settled} disabled={review.busy} onDone={(text, ok) => setNotice({ text, ok })} onError={onError} />
          </div>
          <div className="review-line">
            <button className="link" data-testid="toggle-list" aria-pressed={listHidden} onClick={() => setListHidden(!listHidden)}>{listHidden ? t('merge.showList') : t('merge.hideList')}</button>
            {metrics.data && <LabelMetricsLine metrics={metrics.data} />}
          </div>
          <div className={listHidden ? 'grid-and-detail review-area list-hidden' : 'grid-and-detail review-area'}>
            <div className="queue">
              <QueueGrid view={view} refreshToken={refreshToken} openId={review.openId} openIndex={position.loading ? null : position.data?.index ?? null} onOpen={review.open} onCount={setCount} onRows={onRows} onLoading={onLoading} onError={onError} />
              {count === 0 && <div className="grid-empty empty" data-testid="queue-empty">{t(`merge.queueEmpty.${view.filter.status}`)}</div>}
            </div>
            <ReviewPanel
              cluster={shown} loading={cluster.loading} error={goneError} position={position.data}
              marked={actions.marked} busy={review.busy} actions={actions}
            />
          </div>
          <ReviewKeyHint />
        </>
      )}
      {settingsOpen && <SurvivorshipDialog sources={sources.data ?? []} onClose={() => setSettingsOpen(false)} onSaved={() => bump()} />}
    </div>
  );
}

/**
 * The review's keys anywhere in the view, outside text fields and dialogs
 * (the records table handles its own first): J/K or ↑/↓ move, A accept,
 * R reject, U unmerge, L fold the list away or back, Enter from the list into the records, Escape back.
 * A key pressed on a list row acts on that row's group.
 */
function useReviewKeys(root: React.RefObject<HTMLDivElement | null>, actions: ReturnType<typeof useReviewActions>, toggleList: () => void): void {
  const latest = useRef({ actions, toggleList });
  latest.current = { actions, toggleList };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      const el = e.target as HTMLElement;
      if (el.closest('input, select, textarea, [role="dialog"]')) return;
      if (el !== document.body && !root.current?.contains(el)) return;
      const inGrid = el.closest('[data-testid="queue-grid"]') !== null;
      const rowId = el.closest('.ag-row')?.getAttribute('row-id');
      const target = inGrid && rowId ? Number(rowId) : null;
      const a = latest.current.actions;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const keys: Record<string, (() => void) | undefined> = {
        j: () => a.move(1), k: () => a.move(-1),
        ArrowDown: inGrid ? undefined : () => a.move(1), ArrowUp: inGrid ? undefined : () => a.move(-1),
        a: () => a.accept(target), r: () => a.reject(target), u: () => a.unmerge(target), l: () => latest.current.toggleList(),
        Enter: inGrid ? () => root.current?.querySelector<HTMLElement>('[data-testid="records-table"] [data-row="0"][data-col="0"]')?.focus() : undefined,
        Escape: el.closest('[data-testid="records-table"]') ? () => root.current?.querySelector<HTMLElement>('[data-testid="queue-grid"] .ag-row-selected .ag-cell')?.focus() : undefined,
      };
      const handler = keys[key];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root]);
}
