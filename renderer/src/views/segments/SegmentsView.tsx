import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElbowResult, SegmentationView } from '../../../../shared/channels/segment.ts';
import type { JobDone, JobProgress } from '../../../../shared/contract.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { api } from '../../api/client.ts';
import { useJob, useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Chart } from '../quality/Chart.tsx';
import { centroidOption, elbowOption, scatterOption, sizesOption } from './segment-charts.ts';
import { featureLabel, segmentLabel, type SegmentDrill } from './SegmentBanner.tsx';
import { SegmentList } from './SegmentList.tsx';
import './segments.css';

const DEFAULT_FEATURES = ['age', 'income'];

/**
 * k-means segmentation (issue 12): choose features and k (the elbow chart
 * helps), run it as a job with progress and cancel, then read the segments
 * (sizes, centroids in original units, a scatter of two features), name them
 * and open their customers in the grid, where they can be exported.
 */
export function SegmentsView({ onOpenSegment }: { onOpenSegment: (drill: SegmentDrill) => void }) {
  const { t, i18n } = useTranslation();
  const features = useLoad(() => api.invoke('segment:features', {}), []);
  const current = useLoad(() => api.invoke('segment:current', {}), []);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [k, setK] = useState(3);
  const [runJob, setRunJob] = useState<string | null>(null);
  const [elbowJob, setElbowJob] = useState<string | null>(null);
  const [elbow, setElbow] = useState<ElbowResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [axes, setAxes] = useState<[number, number]>([0, 1]);
  const run = useJob(runJob);
  const elb = useJob(elbowJob);

  const offered = features.data?.features ?? [];
  const rfmUnavailable = features.data?.rfmUnavailable ?? null;
  // An RFM feature cannot be run without a per-customer RFM calculation: a choice made before one is left out.
  const usable = (name: string): boolean => rfmUnavailable === null || offered.find((f) => f.name === name)?.kind !== 'rfm';
  const picked = (chosen ?? offered.filter((f) => DEFAULT_FEATURES.includes(f.name)).map((f) => f.name)).filter(usable);
  const view = current.data;

  useEffect(() => finished(run.done, () => (current.reload(), setAxes([0, 1]))), [run.done]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => finished(elb.done, () => setElbow(elb.done!.result as ElbowResult)), [elb.done]); // eslint-disable-line react-hooks/exhaustive-deps
  function finished(done: JobDone | null, ok: () => void): void {
    if (!done) return;
    if (done.status === 'succeeded') ok();
    else if (done.status === 'failed') setError(new Error(done.error?.message ?? ''));
  }

  const start = (channel: 'segment:run' | 'segment:elbow'): void => {
    setError(null);
    const req = channel === 'segment:run' ? api.invoke('segment:run', { features: picked, k }) : api.invoke('segment:elbow', { features: picked });
    req.then((r) => (channel === 'segment:run' ? setRunJob(r.jobId) : (setElbow(null), setElbowJob(r.jobId))), setError);
  };
  // A name typed and confirmed counts at once: a chart clicked before the saved segmentation is read again opens under it.
  const [renamed, setRenamed] = useState<{ id: number; names: Map<number, string | null> } | null>(null);
  const nameOf = (segment: number): string | null => {
    const typed = renamed && view && renamed.id === view.id ? renamed.names.get(segment) : undefined;
    return typed !== undefined ? typed : view?.segments.find((s) => s.segment === segment)?.name ?? null;
  };
  const names = (segment: number): string => segmentLabel(t, segment, nameOf(segment));
  const open = (segment: number | null): void => {
    if (!view) return;
    onOpenSegment({ filter: { segmentationId: view.id, segment }, name: segment === null ? null : nameOf(segment) });
  };
  const rename = (segment: number, name: string): void => {
    if (!view) return;
    const id = view.id;
    setRenamed((r) => ({ id, names: new Map(r?.id === id ? r.names : []).set(segment, name || null) }));
    api.invoke('segment:rename', { segmentationId: id, segment, name: name || null }).then(() => current.reload(), setError);
  };
  const stepText = (p: JobProgress | null): string => t(`segments.step.${p?.step || 'starting'}`, { defaultValue: t('segments.step.starting') });
  const toggle = (name: string): void => setChosen(picked.includes(name) ? picked.filter((n) => n !== name) : [...picked, name]);
  const running = (run.progress !== null || runJob !== null) && !run.done;
  const elbowRunning = elbowJob !== null && !elb.done;

  return (
    <div className="view segments-view" data-testid="segments-view">
      <div className="view-head"><h1>{t('segments.title')}</h1></div>
      <p className="muted">{t('segments.intro')}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {features.error && <ErrorBanner error={features.error} />}
      <div className="card segment-controls">
        <fieldset data-testid="segment-features">
          <legend>{t('segments.features')}</legend>
          {features.loading && !features.data && <span className="muted">{t('app.loading')}</span>}
          {offered.map((f) => (
            <label key={f.name} className={usable(f.name) ? 'segment-feature' : 'segment-feature muted'}>
              <input type="checkbox" data-testid={`feature-${f.name}`} checked={picked.includes(f.name)} disabled={!usable(f.name)} onChange={() => toggle(f.name)} />
              {f.kind === 'extra' ? t('segments.feature.extra', { name: f.name }) : t(`segments.feature.${f.name}`)}
            </label>
          ))}
        </fieldset>
        <label className="segment-k">
          {t('segments.k')}
          <input type="number" min={2} max={20} value={k} data-testid="segment-k" onChange={(e) => setK(Math.max(2, Math.min(20, Number(e.target.value) || 3)))} />
        </label>
        <button data-testid="segment-run" disabled={picked.length === 0 || running} onClick={() => start('segment:run')}>{t('segments.run')}</button>
        <button className="secondary" data-testid="segment-elbow" disabled={picked.length === 0 || elbowRunning} onClick={() => start('segment:elbow')}>{t('segments.elbow')}</button>
        <p className="muted segment-note">{t('segments.method')}</p>
        {rfmUnavailable && <p className="warn-text segment-note" data-testid="segment-rfm-unavailable">{t(rfmUnavailable === 'no_run' ? 'segments.rfmNoRun' : 'segments.rfmPerGolden')}</p>}
        {!rfmUnavailable && offered.some((f) => f.kind === 'rfm') && <p className="muted segment-note">{t('segments.rfmNote')}</p>}
      </div>
      {running && runJob && <ProgressBar testId="segment-progress" progress={run.progress} stepText={stepText(run.progress)} onCancel={() => void api.invoke('job:cancel', { jobId: runJob })} />}
      {elbowRunning && elbowJob && <ProgressBar testId="elbow-progress" progress={elb.progress} stepText={stepText(elb.progress)} onCancel={() => void api.invoke('job:cancel', { jobId: elbowJob })} />}
      {run.done?.status === 'cancelled' && <p className="muted" data-testid="segment-cancelled">{t('segments.cancelled')}</p>}
      {elbow && (
        <div className="card" data-testid="elbow-card">
          <h2>{t('segments.elbowTitle')}</h2>
          <p className="muted">{t('segments.elbowHelp', { sample: elbow.silhouetteSample.toLocaleString(i18n.language), records: elbow.records.toLocaleString(i18n.language) })}</p>
          <Chart testId="elbow-chart" option={elbowOption(elbow, t('segments.inertia'), t('segments.silhouette'), k)} onClick={(c) => setK(elbow.points[c.dataIndex]?.k ?? k)} />
        </div>
      )}
      {current.loading && !view && <p className="muted" data-testid="segments-loading">{t('app.loading')}</p>}
      {!current.loading && !view && <p className="empty" data-testid="segments-empty">{t('segments.none')}</p>}
      {view && (
        <>
          <div className="card" data-testid="segment-summary">
            <h2>{t('segments.resultTitle', { k: view.k })}</h2>
            <p data-testid="segment-facts">{t('segments.facts', {
              features: view.features.map((f) => featureLabel(t, f.name)).join(t('common.listSeparator')), inertia: view.inertia.toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
              silhouette: view.silhouette === null ? '—' : view.silhouette.toFixed(3), sample: view.silhouetteSample.toLocaleString(i18n.language),
              seed: view.seed, starts: view.starts, asOf: view.asOf,
            })}</p>
            {view.missing > 0 && <p className="warn-text" data-testid="segment-missing">{t('segments.missing', { count: view.missing, formatted: view.missing.toLocaleString(i18n.language), records: view.records.toLocaleString(i18n.language) })}</p>}
            <SegmentList view={view} onRename={rename} onOpen={open} />
          </div>
          <div className="segment-charts">
            <div className="card">
              <h2>{t('segments.sizesTitle')}</h2>
              <Chart testId="segment-sizes-chart" option={sizesOption(view, names, i18n.language, t('segments.customersWord'))} onClick={(c) => open(view.segments[c.dataIndex]?.segment ?? null)} />
            </div>
            <div className="card">
              <h2>{t('segments.centroidsTitle')}</h2>
              <div className="centroid-charts">
                {view.features.map((f, i) => (
                  <Chart key={f.name} testId={`centroid-chart-${i}`} height={220} option={centroidOption(view, i, featureLabel(t, f.name), names, i18n.language, t('segments.mean'))} onClick={(c) => open(view.segments[c.dataIndex]?.segment ?? null)} />
                ))}
              </div>
            </div>
            {view.features.length >= 2 && (
              <div className="card">
                <h2>{t('segments.scatterTitle')}</h2>
                <div className="scatter-axes">
                  {[0, 1].map((a) => (
                    <select key={a} data-testid={`scatter-axis-${a}`} value={axes[a]} onChange={(e) => setAxes(a === 0 ? [Number(e.target.value), axes[1]] : [axes[0], Number(e.target.value)])}>
                      {view.features.map((f, i) => <option key={f.name} value={i}>{featureLabel(t, f.name)}</option>)}
                    </select>
                  ))}
                  <span className="muted">{t('segments.scatterSample', { count: view.sample.length, formatted: view.sample.length.toLocaleString(i18n.language) })}</span>
                </div>
                <Chart testId="segment-scatter" height={320} option={scatterOption(view, axes[0], axes[1], view.features.map((f) => featureLabel(t, f.name)), names)} onClick={(c) => open(view.segments[c.seriesIndex]?.segment ?? null)} />
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}
