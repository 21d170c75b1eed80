import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WordsError } from '../../i18n/words.ts';
import { api } from '../../api/client.ts';
import { useJob, useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ClusterPanel } from './ClusterPanel.tsx';
import { ClustersGrid, type ClusterSort } from './ClustersGrid.tsx';
import { RunPanel } from './RunPanel.tsx';
import './duplicates.css';

/** Suggested duplicate groups: run matching, browse the groups, see why each pair was suggested. */
export function DuplicatesView() {
  const { t, i18n } = useTranslation();
  const summary = useLoad(() => api.invoke('match:summary', {}), []);
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<'cancelled' | null>(null);
  const [sort, setSort] = useState<ClusterSort>('size');
  const [selected, setSelected] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const { progress, done } = useJob(jobId);
  const onError = useCallback((e: Error) => setError(e), []);

  useEffect(() => {
    if (!done) return;
    setJobId(null);
    setCancelling(false);
    if (done.status === 'cancelled') setNotice('cancelled');
    if (done.status === 'failed') setError(new WordsError((t) => `${t('duplicates.failed')}: ${done.error?.message ?? ''}`));
    if (done.status === 'succeeded') (setSelected(null), setVersion((v) => v + 1));
    summary.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done]);

  const start = (scope: 'all' | 'new', threshold: number): void => {
    setNotice(null);
    setError(null);
    api.invoke('match:start', { scope, threshold }).then((r) => setJobId(r.jobId), onError);
  };
  const cancel = (): void => {
    if (!jobId) return;
    setCancelling(true);
    api.invoke('job:cancel', { jobId }).catch(onError);
  };

  const s = summary.data;
  const n = (x: number): string => x.toLocaleString(i18n.language);
  return (
    <div className="view grid-view duplicates" data-testid="duplicates-view">
      <div className="view-head">
        <h1>{t('duplicates.title')}</h1>
        {s?.run && <span className="muted" data-testid="cluster-count">{t('duplicates.summary', { clusters: n(s.clusters), records: n(s.clusteredRecords) })}</span>}
        {s?.run && s.clusters > 0 && (
          <label className="sort">
            {t('duplicates.sort.label')}
            <select data-testid="cluster-sort" value={sort} onChange={(e) => setSort(e.target.value as ClusterSort)}>
              {(['size', 'probability', 'weakest'] as const).map((k) => <option key={k} value={k}>{t(`duplicates.sort.${k}`)}</option>)}
            </select>
          </label>
        )}
      </div>
      <p className="muted intro">{t('duplicates.intro')}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {notice && <div className="note" data-testid="match-notice">{t(`duplicates.${notice}`)}</div>}
      {summary.error && <ErrorBanner error={summary.error} />}
      {!s && summary.loading && <p className="muted" data-testid="duplicates-loading">{t('app.loading')}</p>}
      {s && <RunPanel key={s.run?.id ?? 0} summary={s} progress={progress} running={jobId !== null} cancelling={cancelling} onRun={start} onCancel={cancel} />}
      {s && s.customers === 0 && <div className="empty" data-testid="duplicates-empty">{t('duplicates.noCustomers')}</div>}
      {s && s.customers > 0 && !s.run && !jobId && <div className="empty" data-testid="duplicates-never">{t('duplicates.neverRun')}</div>}
      {s?.run && s.clusters === 0 && <div className="empty" data-testid="duplicates-none">{t('duplicates.noClusters')}</div>}
      {s?.run && s.clusters > 0 && (
        <div className="grid-and-detail">
          <ClustersGrid sort={sort} version={version} onOpen={setSelected} onError={onError} />
          {selected === null
            ? <div className="cluster-panel placeholder muted" data-testid="cluster-pick">{t('duplicates.pick')}</div>
            : <ClusterPanel id={selected} onClose={() => setSelected(null)} />}
        </div>
      )}
    </div>
  );
}
