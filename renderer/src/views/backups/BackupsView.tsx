import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupOverview, BackupResult, BackupSettings, RestoreResult, SettingsScope } from '../../../../shared/channels/backup.ts';
import type { JobDone } from '../../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { useJob, useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { BackupList } from './BackupList.tsx';
import { BackupSettingsCard } from './BackupSettingsCard.tsx';
import { contentsText, detailAddsToRefusal, formatBytes, formatWhen, refusalText } from './format.ts';
import { JobPanel } from './JobPanel.tsx';
import { PassphraseCard, type NewPassphrase } from './PassphraseCard.tsx';
import { RestorePanel } from './RestorePanel.tsx';
import './backups.css';

type Outcome = { kind: 'ok' | 'failed'; text: string; detail?: string };

/** The project's backups: back up now, restore one, and when backups are made and kept. */
export function BackupsView({ projectEncrypted = false }: { projectEncrypted?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const load = useLoad(() => api.invoke('backup:overview', {}), []);
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { progress, done } = useJob(jobId);
  /** When the backup being restored was made, for the message after the job (the list is reloaded by then). */
  const restoringAt = useRef<string | null>(null);

  useEffect(() => {
    if (load.data) setOverview(load.data);
  }, [load.data]);
  const refresh = useCallback(() => api.invoke('backup:overview', {}).then(setOverview, setError), []);

  const describeDone = useCallback((d: JobDone): Outcome => {
    const restore = d.kind === 'restore';
    if (d.status === 'cancelled') return { kind: 'failed', text: t(restore ? 'backups.restore.cancelled' : 'backups.backupCancelled') };
    if (d.status === 'failed') {
      return { kind: 'failed', text: `${refusalText(t, d.error?.code)} ${t(restore ? 'backups.restore.refused' : 'backups.backupFailed')}`, detail: detailAddsToRefusal(d.error?.code) ? d.error?.message : undefined };
    }
    if (restore) {
      const r = d.result as RestoreResult;
      return { kind: 'ok', text: t('backups.restore.done', { when: formatWhen(restoringAt.current ?? '', lang), contents: contentsText(t, r.restored, lang), previous: r.previous ? formatWhen(r.previous.createdAt, lang) : '' }) };
    }
    const r = d.result as BackupResult;
    const made = t('backups.made', { size: formatBytes(r.backup.bytes, lang), contents: r.backup.contents ? contentsText(t, r.backup.contents, lang) : '' });
    return { kind: 'ok', text: r.removed.length > 0 ? `${made} ${t('backups.removed', { count: r.removed.length })}` : made };
  }, [t, lang]);

  useEffect(() => {
    if (!done || done.jobId !== jobId) return;
    setOutcome(describeDone(done));
    setJobId(null);
    setCancelling(false);
    void refresh();
  }, [done, jobId, describeDone, refresh]);

  const run = (start: () => Promise<{ jobId: string }>): void => {
    setError(null);
    setOutcome(null);
    start().then((r) => setJobId(r.jobId), setError);
  };
  const backUp = (typed: NewPassphrase | null): void => run(() => api.invoke('backup:start', typed ? { passphrase: typed.passphrase, remember: typed.remember } : {}));
  const setPassphrase = (p: NewPassphrase | null): void => {
    setError(null);
    api.invoke('backup:passphrase', p ? { passphrase: p.passphrase, remember: p.remember } : { passphrase: null }).then(refresh, setError);
  };
  const restore = (backup: BackupEntry, passphrase: string | undefined, projectPassphrase: string | undefined): void => {
    restoringAt.current = backup.createdAt;
    setRestoring(null);
    run(() => api.invoke('backup:restore', { name: backup.name, passphrase, projectPassphrase }));
  };
  const saveSettings = (settings: BackupSettings, scope: SettingsScope): Promise<void> =>
    api.invoke('backup:settings', { settings, scope }).then(setOverview, (err: Error) => (setError(err), Promise.reject(err)));

  const busy = jobId !== null;
  return (
    <div className="view backups-view" data-testid="backups-view">
      <h1>{t('backups.title')}</h1>
      <p className="muted intro">{t('backups.intro')} <code>age -d backup.crmsteward.gz.age | gunzip &gt; project.crmsteward</code></p>
      {load.error && <ErrorBanner error={load.error} />}
      {!overview && load.loading && <p className="muted" data-testid="backups-loading">{t('app.loading')}</p>}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {overview && (
        <>
          <PassphraseCard status={overview.passphrase} busy={busy} onSet={setPassphrase} onBackUp={backUp} onForget={() => setPassphrase(null)} />
          {overview.lastError && !busy && (
            <div className="error-banner" data-testid="backup-last-error">
              <strong>{t('backups.lastError', { reason: t(`backups.reason.${overview.lastError.reason}`), when: formatWhen(overview.lastError.at, lang) })}</strong>
              <span>{refusalText(t, overview.lastError.code)}</span>
              {detailAddsToRefusal(overview.lastError.code) && <span className="small outcome-detail">{overview.lastError.message}</span>}
            </div>
          )}
          {busy && <JobPanel progress={progress} cancelling={cancelling} onCancel={() => (setCancelling(true), void api.invoke('job:cancel', { jobId: jobId! }))} />}
          {outcome && (
            <div className={outcome.kind === 'ok' ? 'success' : 'error-banner'} role="status" data-testid="backup-outcome">
              <span>{outcome.text}</span>
              {outcome.detail && <span className="small outcome-detail">{outcome.detail}</span>}
            </div>
          )}
          {restoring && <RestorePanel backup={restoring} passphraseKnown={overview.passphrase.known} projectEncrypted={projectEncrypted} onConfirm={(p, pp) => restore(restoring, p, pp)} onCancel={() => setRestoring(null)} />}
          <p className="muted small" data-testid="backup-folder-path">{t('backups.folder', { folder: overview.folder })}</p>
          <BackupList backups={overview.backups} busy={busy} onRestore={(b) => (setOutcome(null), setRestoring(b))} />
          <BackupSettingsCard overview={overview} busy={busy} onSave={saveSettings} />
        </>
      )}
    </div>
  );
}
