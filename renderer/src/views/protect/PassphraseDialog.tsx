import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { NewPassphraseFields, passphraseProblem, type NewPassphrase } from './NewPassphraseFields.tsx';

type Done = 'doneProtected' | 'doneChanged' | 'doneRemoved';

/**
 * Encrypts the open project, changes its passphrase, or removes it. The
 * current passphrase is asked for each time (the service checks it), so an
 * unlocked, unattended screen cannot be used to change the protection.
 */
export function PassphraseDialog({ project, canRemember, onClose }: { project: ProjectInfo; canRemember: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>({ value: '', repeat: '' });
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const run = async (action: () => Promise<unknown>, outcome: Done): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setDone(outcome);
      setCurrent('');
      setNext({ value: '', repeat: '' });
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const rememberIt = canRemember ? remember : undefined;
  const setPassphrase = () =>
    run(() => api.invoke('project:set-passphrase', { current: project.encrypted ? current : undefined, next: next.value, remember: rememberIt }), project.encrypted ? 'doneChanged' : 'doneProtected');
  const removePassphrase = () => run(() => api.invoke('project:remove-passphrase', { current }), 'doneRemoved');
  const nextOk = passphraseProblem(next) === null;

  return (
    <Dialog title={t('protect.dialogTitle', { name: project.name })} onClose={onClose} busy={busy} testId="passphrase-dialog">
      {done && <p className="success" data-testid="passphrase-done">{t(`protect.${done}`)}</p>}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} detail={error instanceof ApiError && error.code === 'wrong_passphrase' ? t('protect.wrongCurrent') : undefined} />}
      {busy && <p className="loading-dot" data-testid="passphrase-working">{t('protect.working')}</p>}
      <p className="muted">{t(project.encrypted ? 'protect.changeText' : 'protect.protectText')}</p>
      {project.encrypted && (
        <label className="field">
          <span>{t('protect.current')}</span>
          <input type="password" autoComplete="current-password" data-testid="current-passphrase" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
      )}
      <NewPassphraseFields value={next} onChange={setNext} label={t(project.encrypted ? 'protect.newPassphrase' : 'protect.passphrase')} testid="next" />
      {canRemember && (
        <label className="check">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          {t('protect.remember')}
        </label>
      )}
      <div className="toolbar end">
        <button type="button" className="secondary" disabled={busy} onClick={onClose}>{t('common.close')}</button>
        <button type="button" data-testid="set-passphrase" disabled={busy || !nextOk || (project.encrypted && !current)} onClick={() => void setPassphrase()}>
          {t(project.encrypted ? 'protect.change' : 'protect.protectNow')}
        </button>
      </div>
      {project.encrypted && (
        <div className="warning">
          <p className="small">{t('protect.removeWarning')}</p>
          <button type="button" className="secondary" data-testid="remove-passphrase" disabled={busy || !current} onClick={() => void removePassphrase()}>{t('protect.remove')}</button>
        </div>
      )}
    </Dialog>
  );
}
