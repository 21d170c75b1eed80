import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterView } from '../../../../shared/channels/merge.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { pct, recordName } from './merge-text.ts';
import { PairExplain } from './PairExplain.tsx';
import { RecordsTable, type RecordActions } from './RecordsTable.tsx';

export interface PanelActions extends RecordActions {
  accept: () => void;
  reject: () => void;
  unmerge: () => void;
  move: (delta: 1 | -1) => void;
}

/**
 * The open group: what it is (status, size, weakest link, master record),
 * the decisions as buttons (each names its key), the records side by side
 * with the golden record, and why they were grouped.
 */
export function ReviewPanel({ cluster, loading, error, position, marked, busy, actions }: {
  cluster: ClusterView | null; loading: boolean; error: Error | null;
  position: { index: number | null; total: number } | null; marked: number | null; busy: boolean; actions: PanelActions;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // Whether the keyboard was in the records table when the group was replaced: the next one takes it over.
  const hadFocus = useRef(false);
  const c = cluster;
  if (!c) {
    return (
      <section className="review-panel placeholder muted" data-testid="review-panel">
        {error ? <ErrorBanner error={error} /> : loading ? t('merge.loadingCluster') : t('merge.pick')}
      </section>
    );
  }
  const master = c.members.find((m) => m.id === c.master.id);
  return (
    <section
      className="review-panel" data-testid="review-panel" data-cluster={c.id} data-status={c.status}
      onFocus={(e) => (hadFocus.current = e.target.closest('[data-testid="records-table"]') !== null)}
      onBlur={(e) => {
        // Focus going elsewhere on the page gives the keyboard back; a table removed under it (a split) does not.
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) hadFocus.current = false;
      }}
      aria-busy={loading || busy}
    >
      <div className="review-head">
        <h2 data-testid="review-title">
          {c.status === 'merged' ? t('merge.golden', { id: c.goldenId ?? c.id }) : t('merge.cluster', { id: c.id })}
          <span className={`tag status-${c.status}`} data-testid="review-status">{t(`merge.status.${c.status}`)}</span>
          <span className="tag">{t('merge.members', { count: c.members.length })}</span>
        </h2>
        {position?.index !== null && position && <span className="muted small" data-testid="review-position">{t('merge.position', { index: (position.index + 1).toLocaleString(lng), total: position.total.toLocaleString(lng) })}</span>}
        <span className="muted small" data-testid="review-weakest">{c.weakest ? t('merge.weakest', { pct: pct(c.weakest.probability, lng) }) : t('merge.noLink')}</span>
        {(loading || busy) && <span className="loading-dot">{t('app.loading')}</span>}
      </div>
      <div className="review-actions">
        <button className="secondary" data-testid="review-previous" onClick={() => actions.move(-1)}>{t('merge.actions.previous')}</button>
        <button className="secondary" data-testid="review-next" onClick={() => actions.move(1)}>{t('merge.actions.next')}</button>
        {c.status === 'review' && <button data-testid="review-accept" disabled={busy} onClick={actions.accept}>{t('merge.actions.accept')}</button>}
        {c.status === 'review' && <button className="secondary" data-testid="review-reject" disabled={busy} onClick={actions.reject}>{t('merge.actions.reject')}</button>}
        {c.status === 'merged' && <button className="secondary" data-testid="review-unmerge" disabled={busy} onClick={actions.unmerge}>{t('merge.actions.unmerge')}</button>}
        {master && <span className="muted small" data-testid="master-is">{t('merge.masterIs', { record: recordName(t, master), reason: t(`merge.masterReason.${c.master.reason}`) })}</span>}
      </div>
      {error && <ErrorBanner error={error} />}
      {/* The head and its buttons stay put; the records (scrolling both ways in their own box) and the explanation scroll under it. */}
      <div className="review-body">
        <RecordsTable key={c.id} cluster={c} marked={marked} busy={busy} autoFocus={hadFocus.current} actions={actions} />
        <PairExplain key={`pairs-${c.id}-${c.status}`} cluster={c} />
      </div>
    </section>
  );
}
