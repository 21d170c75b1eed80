import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueFilter, ReferenceImport } from '../../../../shared/channels/quality.ts';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { useEvent, useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { AccuracyCard } from './AccuracyCard.tsx';
import { Chart } from './Chart.tsx';
import { ageBars, chartDimensions, fieldBars, fieldsFor, sourceBars, trendLines } from './charts.ts';
import type { Drill } from './drill.ts';
import { ClientReportDialog } from './ClientReportDialog.tsx';
import { ProfileControls } from './ProfileControls.tsx';
import { ReferenceNotice } from './ReferenceNotice.tsx';
import { RuleTable } from './RuleTable.tsx';
import { ScoreCards } from './ScoreCards.tsx';
import { formatDateTime } from '../../components/format.ts';

type FieldDimension = (typeof chartDimensions)[number];

/** The quality dashboard: scores with formulas, bars per field and source, the trend, ages, and the rules broken. */
export function QualityView({ project, onDrill, onShowCustomers }: { project: ProjectInfo; onDrill: (d: Drill) => void; onShowCustomers: () => void }) {
  const { t, i18n } = useTranslation();
  const [tick, setTick] = useState(0);
  const overview = useLoad(() => api.invoke('quality:overview', {}), [project.path, tick]);
  const trend = useLoad(() => api.invoke('quality:snapshots', {}), [project.path, tick]);
  const reference = useLoad(() => api.invoke('quality:reference-summary', {}), [project.path, tick]);
  const [dimension, setDimension] = useState<FieldDimension>('completeness');
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // A profile this view started (after a reference import), shown by ProfileControls with its progress and cancel.
  const [profileJob, setProfileJob] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<ReferenceImport[]>([]);
  const [referenceError, setReferenceError] = useState<Error | null>(null);
  const [profileError, setProfileError] = useState<Error | null>(null);
  const [reporting, setReporting] = useState(false);

  const profileAgain = (): void => {
    setProfileError(null);
    api.invoke('quality:profile-start', {}).then((r) => setProfileJob(r.jobId), setProfileError);
  };
  /** Picks files the way the Import view does (a dialog in Electron, an upload in browser mode), stores each as reference, then profiles again. */
  const importReference = async (): Promise<void> => {
    setReferenceError(null);
    try {
      const paths = await api.pickFiles();
      if (paths.length === 0) return;
      setImporting(true);
      setImported([]);
      const results: ReferenceImport[] = [];
      try {
        for (const path of paths) results.push(await api.invoke('quality:reference-import', { path }));
      } finally {
        setImported(results);
        setImporting(false);
        reference.reload();
      }
      profileAgain();
    } catch (err) {
      setReferenceError(err as Error);
    }
  };
  const profileFinished = useCallback(() => (setProfileJob(null), reload()), [reload]);
  // A profile started elsewhere (after an import) also refreshes the dashboard.
  useEvent('job:done', useCallback((d) => d.kind === 'profile' && d.status === 'succeeded' && reload(), [reload]));

  const o = overview.data;
  // Reference values stored (or a verification taken back) after the profile shown, and no profile under way to pick them up.
  const referenceStale = !!o && profileJob === null && !!reference.data?.changedAt && reference.data.changedAt > o.takenAt;
  const sourceName = (id?: number) => o?.sources.find((s) => s.id === id)?.fileName;
  const drill = (filter: IssueFilter): void => onDrill({ filter, sourceName: sourceName(filter.sourceId) });

  return (
    <div className="view quality-view" data-testid="quality-view">
      <div className="view-head">
        <h1>{t('quality.title')}</h1>
        {o && (
          <span className="muted" data-testid="quality-last-run">
            {t('quality.lastRun', { when: formatDateTime(i18n.language, o.takenAt), records: o.metrics.records.toLocaleString(i18n.language) })}
            {o.newCustomers > 0 && <> {t('quality.newSince', { formatted: o.newCustomers.toLocaleString(i18n.language) })}</>}
          </span>
        )}
        {project.customers > 0 && <button className="secondary push-right" data-testid="client-report" onClick={() => setReporting(true)}>{t('clientReport.action')}</button>}
      </div>
      {reporting && <ClientReportDialog project={project} onClose={() => setReporting(false)} />}
      <p className="muted intro">{t('quality.intro')}</p>
      {project.customers > 0 && <ProfileControls key={`${o?.runId ?? 0}-${profileJob ?? ''}`} initialJobId={profileJob} settings={o?.settings ?? null} onFinished={profileFinished} />}
      {overview.error && <ErrorBanner error={overview.error} />}
      {overview.loading && !o && <p className="muted" data-testid="quality-loading">{t('app.loading')}</p>}
      {!overview.loading && !o && !overview.error && (
        <div className="empty" data-testid="quality-empty">
          <p>{project.customers === 0 ? t('quality.noCustomers') : t('quality.neverRun')}</p>
          {project.customers > 0 && <p className="muted">{t('quality.neverRunHelp')}</p>}
        </div>
      )}
      {o && (
        <>
          <ScoreCards
            metrics={o.metrics}
            onDrill={drill}
            accuracyCard={
              <AccuracyCard
                metric={o.metrics.overall.accuracy}
                validity={o.metrics.overall.validity}
                summary={reference.data}
                stale={referenceStale}
                importing={importing}
                onImport={() => void importReference()}
                onShowCustomers={onShowCustomers}
                onProfile={profileAgain}
                onDrill={drill}
              />
            }
          />
          <ReferenceNotice
            results={imported}
            error={referenceError}
            profiling={profileJob !== null}
            onProfile={referenceStale ? profileAgain : null}
            onDismiss={() => (setImported([]), setReferenceError(null))}
          />
          {profileError && <ErrorBanner error={profileError} onDismiss={() => setProfileError(null)} />}
          <div className="chart-grid">
            <section className="panel">
              <div className="panel-head">
                <h2>{t('quality.byField')}</h2>
                <div className="tabs" role="tablist">
                  {/* Accuracy per field once there is a reference to measure it against. */}
                  {[...chartDimensions, ...(o.metrics.overall.accuracy.value !== null ? (['accuracy'] as const) : [])].map((d) => (
                    <button key={d} role="tab" aria-selected={d === dimension} className={d === dimension ? 'tab active' : 'tab'} data-testid={`field-tab-${d}`} onClick={() => setDimension(d)}>{t(`quality.dimension.${d}`)}</button>
                  ))}
                </div>
              </div>
              <Chart testId="chart-fields" height={Math.max(160, 26 * fieldsFor(o.metrics, dimension).length + 40)} option={fieldBars(t, o.metrics, dimension)} onClick={(c) => drill({ field: fieldsFor(o.metrics, dimension)[c.dataIndex], dimension })} />
            </section>
            <section className="panel">
              <h2>{t('quality.bySource')}</h2>
              <Chart testId="chart-sources" option={(w) => sourceBars(t, o.metrics, o.sources, w)} onClick={(c) => drill({ sourceId: o.sources[c.dataIndex].id, dimension: chartDimensions[c.seriesIndex] })} />
            </section>
            <section className="panel">
              <h2>{t('quality.age')}</h2>
              {o.metrics.ageHistogram.length > 0 ? (
                <Chart testId="chart-age" option={(w) => ageBars(t, o.metrics, w)} onClick={(c) => drill({ ageBucket: c.dataIndex })} />
              ) : (
                <p className="muted">{t('quality.ageEmpty')}</p>
              )}
            </section>
            <section className="panel">
              <h2>{t('quality.trend')}</h2>
              {trend.data && trend.data.length > 1 ? <Chart testId="chart-trend" option={trendLines(t, trend.data, i18n.language)} /> : <p className="muted" data-testid="trend-empty">{t('quality.trendEmpty')}</p>}
            </section>
          </div>
          <section className="panel">
            <h2>{t('quality.rules')}</h2>
            <RuleTable metrics={o.metrics} onDrill={drill} />
          </section>
        </>
      )}
    </div>
  );
}
