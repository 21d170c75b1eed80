import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfmOverview } from '../../../../shared/channels/analysis.ts';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import type { RfmRule } from '../../../../shared/domain/rfm-rules.ts';
import { readRates } from '../../../../shared/domain/rfm-rates.ts';
import { api } from '../../api/client.ts';
import { useJob, useLoad } from '../../api/hooks.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { RfmChartsPanel } from './RfmChartsPanel.tsx';
import { segmentName, type RfmDrill } from './segment-name.ts';
import './analysis.css';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * RFM: the date and currency it is computed for, the segment table (each
 * segment opens its customers in the Customers grid), the charts (each mark
 * opens its customers too) and the rules editor.
 * Editing a rule re-labels the stored scores at once; a new calculation is
 * needed only for another date, currency or rates.
 */
export function RfmView({ project, onOpen }: { project: ProjectInfo; onOpen: (d: RfmDrill) => void }) {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(() => api.invoke('rfm:overview', {}), [project.path]);
  const [overview, setOverview] = useState<RfmOverview | null>(null);
  const shown = overview ?? loaded.data;
  const [asOf, setAsOf] = useState(today());
  const [per, setPer] = useState<'customer' | 'golden'>('customer');
  const [currency, setCurrency] = useState('');
  const [ratesText, setRatesText] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const rates = readRates(ratesText);
  const n = (v: number): string => v.toLocaleString(i18n.language);
  const money = (v: number): string => v.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  const act = async (work: () => Promise<RfmOverview>, after?: () => void): Promise<void> => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      setOverview(await work());
      after?.();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  // A run is a job: progress, a cancel button, and the service answers meanwhile. Its result is the new overview.
  const [runJob, setRunJob] = useState<string | null>(null);
  const job = useJob(runJob);
  const running = runJob !== null && job.done === null;
  useEffect(() => {
    if (!job.done) return;
    if (job.done.status === 'succeeded') setOverview(job.done.result as RfmOverview);
    if (job.done.status === 'failed') setError(new Error(job.done.error?.message ?? ''));
  }, [job.done]);
  const run = (): void => {
    setError(null);
    setSaved(false);
    api.invoke('rfm:run', { asOf, per, currency: currency || undefined, rates: rates ?? {} }).then((r) => setRunJob(r.jobId), (e: Error) => setError(e));
  };
  const saveRules = (rules: RfmRule[] | null) => act(() => api.invoke('rfm:save-rules', { rules }), () => setSaved(true));

  const scored = shown?.run?.scored ?? 0;
  return (
    <div className="view rfm-view" data-testid="rfm-view">
      <div className="view-head"><h1>{t('rfm.title')}</h1></div>
      <p className="muted">{t('rfm.intro')}</p>
      {project.transactions === 0 && <div className="empty" data-testid="rfm-no-transactions"><p>{t('rfm.noTransactions')}</p></div>}
      <div className="rfm-controls" data-testid="rfm-controls">
        <label>{t('rfm.asOf')} <input type="date" data-testid="rfm-as-of" value={asOf} onChange={(e) => setAsOf(e.target.value)} /></label>
        <label>{t('rfm.per')} <select data-testid="rfm-per" value={per} onChange={(e) => setPer(e.target.value as 'customer' | 'golden')}>
          <option value="customer">{t('rfm.perCustomer')}</option>
          <option value="golden">{t('rfm.perGolden')}</option>
        </select></label>
        <label>{t('rfm.currency')} <input className="currency" data-testid="rfm-currency" maxLength={3} placeholder={t('rfm.currencyAuto')} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} /></label>
        <label className="rates">{t('rfm.rates')} <input data-testid="rfm-rates" placeholder={t('rfm.ratesHelp')} value={ratesText} onChange={(e) => setRatesText(e.target.value)} /></label>
        <button data-testid="rfm-run" disabled={busy || running || rates === null || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || (currency !== '' && currency.length !== 3)} onClick={run}>{running ? t('rfm.running') : t('rfm.run')}</button>
      </div>
      {running && <ProgressBar testId="rfm-progress" progress={job.progress} stepText={t(`rfm.step.${job.progress?.step || 'read'}`)} onCancel={() => void api.invoke('job:cancel', { jobId: runJob })} />}
      {job.done?.status === 'cancelled' && <p className="muted" data-testid="rfm-cancelled">{t('rfm.cancelled')}</p>}
      {rates === null && <p className="warn-text" data-testid="rfm-rates-invalid">{t('rfm.ratesInvalid')}</p>}
      {(error ?? loaded.error) && <ErrorBanner error={(error ?? loaded.error)!} onDismiss={() => setError(null)} />}
      {!shown && loaded.loading && <p className="muted">{t('app.loading')}</p>}
      {shown && !shown.run && project.transactions > 0 && <p className="muted" data-testid="rfm-not-run">{t('rfm.notRun')}</p>}
      {shown?.run && (
        <div className="rfm-run" data-testid="rfm-run-figures">
          <p>{t('rfm.ranAs', { asOf: shown.run.asOf, per: t(shown.run.per === 'golden' ? 'rfm.perGolden' : 'rfm.perCustomer'), scored: n(shown.run.scored), currency: shown.run.currency ?? '—' })}</p>
          {shown.run.leftOut.length > 0 && <p className="warn-text" data-testid="rfm-left-out">{t('rfm.leftOut', { list: shown.run.leftOut.map((l) => `${l.currency} (${n(l.transactions)})`).join(', ') })}</p>}
          {shown.run.unlinked > 0 && <p className="muted small">{t('rfm.unlinked', { count: shown.run.unlinked })}</p>}
          {shown.run.undated > 0 && <p className="muted small">{t('rfm.undated', { count: shown.run.undated })}</p>}
          {shown.run.refundOnly > 0 && <p className="muted small">{t('rfm.refundOnly', { count: shown.run.refundOnly })}</p>}
        </div>
      )}
      {shown?.run && (
        <table className="table rfm-segments" data-testid="rfm-segments">
          <thead><tr><th>{t('rfm.segment')}</th><th className="num">{t('rfm.customers')}</th><th className="num">{t('rfm.share')}</th><th className="num">{t('rfm.monetary')}</th><th /></tr></thead>
          <tbody>
            {shown.segments.filter((s) => s.index >= 0 || s.count > 0).map((s) => (
              <tr key={`${s.index}-${s.name}`} data-testid={`segment-${s.index}`}>
                <td>{segmentName(t, s)}</td>
                <td className="num" data-testid={`segment-${s.index}-count`}>{n(s.count)}</td>
                <td className="num">{scored ? `${((100 * s.count) / scored).toFixed(1)}%` : '—'}</td>
                <td className="num">{money(s.monetary)}</td>
                <td><button className="link" data-testid={`segment-${s.index}-open`} disabled={s.count === 0} onClick={() => onOpen({ kind: 'segment', index: s.index, label: segmentName(t, s) })}>{t('rfm.open')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && <RfmChartsPanel runKey={`${project.path}|${shown.run?.ranAt ?? ''}`} onOpen={onOpen} />}
      {saved && <div className="success" role="status" data-testid="rules-saved">{t('rfm.saved')}</div>}
      {shown && <RulesEditor rules={shown.rules} saving={busy} onSave={(r) => void saveRules(r)} onReset={() => void saveRules(null)} />}
    </div>
  );
}
