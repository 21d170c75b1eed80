import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WordsError } from '../../i18n/words.ts';
import type { GridQuery } from '../../../../shared/channels/grid.ts';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { useRunningJob } from '../../api/use-running-job.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { SavePathField } from '../../components/SavePathField.tsx';

/** The customers grid's filter as the export takes it (no sort: a file is written in record order). */
export type ExportQuery = Omit<GridQuery, 'sortModel'>;

const today = (): string => new Date().toISOString().slice(0, 10);

/** What a file holds: the working records (filtered or all), or what merging made of them (shared/channels/merge.ts). */
type Layout = 'customers' | 'golden' | 'records' | 'decisions';
const layouts: Layout[] = ['customers', 'golden', 'records', 'decisions'];
/** The file name says what it holds (names stay English: they travel between people and systems). */
const fileWords: Record<Layout, string> = { customers: 'customers', golden: 'golden-records', records: 'records-with-golden-id', decisions: 'merge-decisions' };

/**
 * Export the working records as CSV (optionally with a BOM for Excel) or
 * XLSX: the customers the grid shows now, or all of them, to a path the user
 * chooses. Runs as a job with progress and cancel, then says where the file is.
 */
export function ExportDialog({ project, query, filteredCount, onClose }: { project: ProjectInfo; query: ExportQuery | null; filteredCount: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [bom, setBom] = useState(true);
  const [layout, setLayout] = useState<Layout>('customers');
  const [scope, setScope] = useState<'filtered' | 'all'>(query ? 'filtered' : 'all');
  const [path, setPath] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<'cancelled' | null>(null);
  const [saved, setSaved] = useState<{ path: string; rows: number; layout: Layout } | null>(null);
  const job = useRunningJob((done) => {
    if (done.status === 'succeeded') setSaved({ ...(done.result as { path: string; rows: number }), layout });
    else if (done.status === 'cancelled') setNotice('cancelled');
    else setError(new WordsError((t) => `${t('export.failed')}: ${done.error?.message ?? ''}`));
  }, setError);
  const n = (x: number): string => x.toLocaleString(i18n.language);

  const start = (): void => {
    setError(null);
    setNotice(null);
    setSaved(null);
    const started = layout === 'customers'
      ? api.invoke('export:start', { path: path.trim(), format, bom: format === 'csv' && bom, query: scope === 'filtered' && query ? query : undefined })
      : api.invoke('merge:export-start', { path: path.trim(), format, layout, bom: format === 'csv' && bom });
    started.then((r) => job.follow(r.jobId), (e: Error) => setError(e));
  };
  const chooseLayout = (l: Layout): void => {
    setLayout(l);
    // The decisions are a log, written as CSV only.
    if (l === 'decisions') setFormat('csv');
  };

  return (
    <Dialog title={t('export.title')} testId="export-dialog" onClose={() => !job.running && onClose()}>
      <fieldset className="choices" disabled={job.running}>
        <legend>{t('export.layout')}</legend>
        {layouts.map((l) => (
          <label key={l} className="check">
            <input type="radio" name="export-layout" data-testid={`export-layout-${l}`} checked={layout === l} onChange={() => chooseLayout(l)} />
            {t(`export.layouts.${l}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices" disabled={job.running}>
        <legend>{t('export.format')}</legend>
        {(['csv', 'xlsx'] as const).map((f) => (
          <label key={f} className="check">
            <input type="radio" name="export-format" data-testid={`export-format-${f}`} checked={format === f} disabled={f === 'xlsx' && layout === 'decisions'} onChange={() => setFormat(f)} />
            {t(`export.${f}`)}
          </label>
        ))}
        {format === 'csv' && (
          <label className="check">
            <input type="checkbox" data-testid="export-bom" checked={bom} onChange={(e) => setBom(e.target.checked)} />
            {t('export.bom')}
          </label>
        )}
      </fieldset>
      {layout === 'customers' && <fieldset className="choices" disabled={job.running}>
        <legend>{t('export.scope')}</legend>
        <label className="check">
          <input type="radio" name="export-scope" data-testid="export-scope-filtered" disabled={!query} checked={scope === 'filtered'} onChange={() => setScope('filtered')} />
          {t('export.scopeFiltered', { formatted: filteredCount === null ? '…' : n(filteredCount) })}
        </label>
        <label className="check">
          <input type="radio" name="export-scope" data-testid="export-scope-all" checked={scope === 'all'} onChange={() => setScope('all')} />
          {t('export.scopeAll', { formatted: n(project.customers) })}
        </label>
        <p className="muted small" data-testid="export-filter">{query ? t('export.filterIncludes', { what: filterWords(t, query) }) : t('export.noFilter')}</p>
      </fieldset>}
      <SavePathField testId="export-path" defaultName={`${project.name}-${fileWords[layout]}-${today()}.${format}`} format={format} value={path} onChange={setPath} disabled={job.running} />
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {notice && <div className="note" data-testid="export-notice">{t(`export.${notice}`)}</div>}
      {job.running && <ProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
      {saved && <div className="success" role="status" data-testid="export-saved">{t(saved.layout === 'customers' || saved.layout === 'records' ? 'export.saved' : 'export.savedRows', { count: saved.rows, formatted: n(saved.rows), path: saved.path })}</div>}
      <div className="toolbar end">
        <button className="secondary" data-testid="export-close" disabled={job.running} onClick={onClose}>{t('export.close')}</button>
        <button data-testid="export-start" disabled={job.running || !path.trim()} onClick={start}>{job.running ? t('export.exporting') : t('export.start')}</button>
      </div>
    </Dialog>
  );
}

function filterWords(t: ReturnType<typeof useTranslation>['t'], q: ExportQuery): string {
  const parts: string[] = [];
  if (q.quickFilter) parts.push(t('export.filterParts.quick', { text: q.quickFilter }));
  const columns = Object.keys(q.filterModel ?? {}).length;
  if (columns > 0) parts.push(t('export.filterParts.columns', { count: columns }));
  if (q.issue) parts.push(t('export.filterParts.drill'));
  if (q.segment) parts.push(t('segments.exportPart'));
  if (q.rfmSegment !== undefined) parts.push(t('rfm.exportPart'));
  if (q.rfmCell) parts.push(t('rfm.charts.exportCell', { r: q.rfmCell.r, f: q.rfmCell.f }));
  if (q.rfmMonth) parts.push(t(q.rfmMonth.refund ? 'rfm.charts.exportRefunds' : 'rfm.charts.exportPurchases', { month: q.rfmMonth.month }));
  return parts.join(t('common.listSeparator'));
}
