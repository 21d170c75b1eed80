import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WordsError } from '../../i18n/words.ts';
import type { QualitySettings } from '../../../../shared/channels/quality.ts';
import { api } from '../../api/client.ts';
import { useJob } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';

/** "Profile now", its progress and cancel, and the two settings a run depends on. A run started elsewhere (after a reference import) comes in as initialJobId. */
export function ProfileControls({ settings, onFinished, initialJobId = null }: { settings: QualitySettings | null; onFinished: () => void; initialJobId?: string | null }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(initialJobId);
  const [error, setError] = useState<Error | null>(null);
  const [country, setCountry] = useState(settings?.defaultCountry ?? '');
  const [days, setDays] = useState(String(settings?.timelinessDays ?? 365));
  const { progress, done } = useJob(jobId);

  useEffect(() => {
    if (!done || done.jobId !== jobId) return;
    if (done.status === 'failed') setError(new WordsError((t) => `${t('quality.failed')}: ${done.error?.message ?? ''}`));
    if (done.status === 'cancelled') setError(new WordsError((t) => t('quality.cancelled')));
    setJobId(null);
    onFinished();
  }, [done, jobId, onFinished]);

  const start = (): void => {
    setError(null);
    api.invoke('quality:profile-start', {}).then((r) => setJobId(r.jobId), setError);
  };
  const saveAndRun = (): void => {
    setError(null);
    api.invoke('quality:settings', { defaultCountry: country.trim() || null, timelinessDays: Number(days) }).then(start, setError);
  };
  const running = jobId !== null && !done;
  return (
    <div className="profile-controls">
      <div className="toolbar">
        {running ? (
          <>
            <span data-testid="profile-progress">{progress && progress.total > 0 ? t('quality.profiling', { done: progress.done.toLocaleString(), total: progress.total.toLocaleString() }) : t('quality.starting')}</span>
            <button className="secondary" data-testid="profile-cancel" onClick={() => void api.invoke('job:cancel', { jobId: jobId! })}>{t('quality.cancel')}</button>
          </>
        ) : (
          <button data-testid="profile-now" onClick={start}>{t('quality.profileNow')}</button>
        )}
        <details className="settings">
          <summary>{t('quality.settings')}</summary>
          <label title={t('quality.defaultCountryHelp')}>
            {t('quality.defaultCountry')} <input data-testid="default-country" size={6} value={country} placeholder={t('quality.none')} onChange={(e) => setCountry(e.target.value)} />
          </label>
          <label>
            {t('quality.windowDays')} <input data-testid="window-days" type="number" min={1} value={days} onChange={(e) => setDays(e.target.value)} />
          </label>
          <button className="secondary" disabled={running} onClick={saveAndRun}>{t('quality.save')}</button>
          <p className="muted small">{t('quality.defaultCountryHelp')}</p>
        </details>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
