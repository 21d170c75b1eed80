import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilePreview } from '../../../../shared/contract.ts';
import { fieldDef } from '../../../../shared/domain/fields.ts';
import type { ViewName } from '../../App.tsx';
import { api } from '../../api/client.ts';
import { useJob } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { FileReview, type FilePlan } from './FileReview.tsx';
import { ImportResult } from './ImportResult.tsx';

function planOf(preview: FilePreview): FilePlan {
  return {
    preview,
    request: { path: preview.path, sheet: preview.sheet ?? undefined, entity: preview.entity, idColumn: preview.idColumn, onDuplicate: preview.alreadyImported ? 'skip' : undefined },
  };
}

/**
 * Choose files → review each file's reading and mapping → import as one job
 * with progress and cancel → see what was imported and quarantined.
 */
export function ImportView({ initialJobId, onShow }: { initialJobId: string | null; onShow: (v: ViewName) => void }) {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<FilePlan[]>([]);
  const [jobId, setJobId] = useState<string | null>(initialJobId);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [pathInput, setPathInput] = useState('');
  const job = useJob(jobId);
  // Browser mode keeps an uploaded copy of each chosen file until it is imported; a review closed
  // without importing (a file removed, a preview that failed, the view left) deletes those copies.
  const discard = (paths: string[]): void => {
    if (paths.length > 0) api.invoke('import:discard', { paths }).catch(() => {});
  };
  const unimported = useRef<string[]>([]);
  useEffect(() => {
    unimported.current = jobId ? [] : plans.map((p) => p.preview.path);
  }, [plans, jobId]);
  useEffect(() => () => discard(unimported.current), []);

  const addPaths = async (paths: string[]): Promise<void> => {
    if (paths.length === 0) return;
    setLoading(true);
    setError(null);
    try {
      // A workbook gives one preview per sheet with data: each is reviewed and imported as its own source.
      const previews = (await Promise.all(paths.map((path) => api.invoke('import:preview', { path })))).flat();
      setPlans((old) => [...old, ...previews.map(planOf)]);
    } catch (err) {
      discard(paths);
      setError(err as Error);
    } finally {
      setLoading(false);
    }
  };
  const choose = async (): Promise<void> => {
    try {
      await addPaths(await api.pickFiles());
    } catch (err) {
      setError(err as Error);
    }
  };
  const reread = async (index: number, opts: { encoding?: string; delimiter?: string }): Promise<void> => {
    try {
      const [preview] = await api.invoke('import:preview', { path: plans[index].preview.path, ...(opts as object) });
      setPlans((old) => old.map((p, i) => (i === index ? { preview, request: { ...p.request, encoding: preview.encoding as never, delimiter: preview.delimiter as never, mapping: undefined, idColumn: preview.idColumn } } : p)));
    } catch (err) {
      setError(err as Error);
    }
  };
  const start = async (): Promise<void> => {
    setError(null);
    try {
      const files = plans.map(({ preview, request }) => ({
        ...request,
        mapping: Object.fromEntries(Object.entries(request.mapping ?? preview.mapping).map(([h, f]) => [h, f && fieldDef(f)?.entity === request.entity ? f : null])),
      }));
      const { jobId: id } = await api.invoke('import:start', { files });
      setCancelling(false);
      setJobId(id);
    } catch (err) {
      setError(err as Error);
    }
  };
  const reset = (): void => {
    setPlans([]);
    setJobId(null);
  };

  if (jobId) {
    return (
      <div className="view" data-testid="import-view">
        <h1>{t('import.title')}</h1>
        {!job.done && <ProgressBar progress={job.progress} cancelling={cancelling} onCancel={() => (setCancelling(true), void api.invoke('job:cancel', { jobId }))} />}
        {job.done && <ImportResult done={job.done} onShow={onShow} onAgain={reset} />}
      </div>
    );
  }
  return (
    <div className="view" data-testid="import-view">
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="toolbar">
        <button data-testid="choose-files" disabled={loading} onClick={() => void choose()}>{t('import.chooseFiles')}</button>
        <input className="grow" data-testid="path-input" value={pathInput} placeholder={t('import.pathPlaceholder')} onChange={(e) => setPathInput(e.target.value)} />
        <button className="secondary" data-testid="add-path" disabled={!pathInput.trim() || loading} onClick={() => (void addPaths([pathInput.trim()]), setPathInput(''))}>{t('import.addPath')}</button>
      </div>
      {loading && <p className="muted" data-testid="preview-loading">{t('import.reading')}</p>}
      {plans.length === 0 && !loading && <div className="empty" data-testid="import-empty">{t('import.empty')}</div>}
      {plans.map((plan, i) => (
        <FileReview
          key={`${plan.preview.path}\u0000${plan.preview.sheet ?? ''}`}
          plan={plan}
          onChange={(request) => setPlans((old) => old.map((p, k) => (k === i ? { ...p, request } : p)))}
          onReread={(opts) => void reread(i, opts)}
          onRemove={() => (discard([plan.preview.path]), setPlans((old) => old.filter((_, k) => k !== i)))}
        />
      ))}
      {plans.length > 0 && (
        <div className="toolbar end">
          <button data-testid="start-import" onClick={() => void start()}>{t('import.start', { count: plans.length })}</button>
        </div>
      )}
    </div>
  );
}
