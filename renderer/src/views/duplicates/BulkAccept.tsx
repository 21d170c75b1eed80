import { useState } from 'react';
import { WordsError } from '../../i18n/words.ts';
import { useTranslation } from 'react-i18next';
import type { BulkResult, QueueFilter } from '../../../../shared/channels/merge.ts';
import { api } from '../../api/client.ts';
import { useDebounced, useLoad } from '../../api/hooks.ts';
import { useRunningJob } from '../../api/use-running-job.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';

/**
 * Accept every group to review whose weakest link reaches a threshold the
 * user chooses. The count of what it will do shows before it is done; it
 * runs as a job with progress and cancel, and is refused if the queue
 * changed since the count (someone decided meanwhile).
 */
export function BulkAccept({ filter, version, disabled, onDone, onError }: {
  filter: Omit<QueueFilter, 'status'>; version: number; disabled: boolean;
  onDone: (text: string, ok: boolean) => void; onError: (e: Error) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const n = (x: number): string => x.toLocaleString(lng);
  const [text, setText] = useState('0.99');
  const value = Number(text);
  const valid = text.trim() !== '' && value >= 0 && value <= 1;
  const threshold = useDebounced(valid ? value : null, 300);
  const preview = useLoad(() => (threshold === null ? Promise.resolve(null) : api.invoke('merge:bulk-preview', { threshold, filter })), [threshold, filter, version]);
  const job = useRunningJob((done) => {
    const r = done.result as BulkResult | undefined;
    if (done.status === 'succeeded' && r) onDone(t('merge.bulk.done', { count: r.clusters, clusters: n(r.clusters), records: n(r.records), seconds: r.seconds.toLocaleString(lng, { maximumFractionDigits: 1 }) }), true);
    else if (done.status === 'cancelled') onDone(t('merge.bulk.cancelled'), false);
    else onError(new WordsError((t) => `${t('merge.bulk.failed')}: ${done.error?.message ?? ''}`));
    preview.reload();
  }, onError);
  const p = preview.data;
  const current = p !== null && threshold === value;
  const start = (): void => {
    if (!p || !current) return;
    api.invoke('merge:bulk-accept', { threshold: p.threshold, filter, expectClusters: p.clusters }).then((r) => job.follow(r.jobId), onError);
  };
  return (
    <section className="bulk-accept" data-testid="bulk-accept">
      <strong>{t('merge.bulk.title')}</strong>
      <label>
        {t('merge.bulk.threshold')}
        <input type="number" min={0} max={1} step={0.01} value={text} disabled={job.running} data-testid="bulk-threshold" onChange={(e) => setText(e.target.value)} aria-invalid={!valid} />
      </label>
      <span className="muted small" data-testid="bulk-preview">
        {!valid ? '' : !current || preview.loading ? t('merge.bulk.counting')
          : p.clusters === 0 ? t('merge.bulk.none')
          : t('merge.bulk.preview', { count: p.clusters, clusters: n(p.clusters), records: n(p.records), after: n(p.goldenRecordsAfter) })}
      </span>
      <button data-testid="bulk-start" disabled={disabled || job.running || !current || !p || p.clusters === 0} onClick={start}>
        {t('merge.bulk.start', { count: p?.clusters ?? 0, formatted: n(p?.clusters ?? 0) })}
      </button>
      {(filter.sourceIds || filter.minProbability !== undefined || filter.maxProbability !== undefined || filter.minSize || filter.maxSize) && <span className="muted small">{t('merge.bulk.filterNote')}</span>}
      {preview.error && <span className="warn small" data-testid="bulk-error">{preview.error.message}</span>}
      {job.running && <ProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
    </section>
  );
}
