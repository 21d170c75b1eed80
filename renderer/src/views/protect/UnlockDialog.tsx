import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectInfo } from '../../../../shared/contract.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Dialog } from '../../components/Dialog.tsx';

/**
 * Asks for the passphrase of an encrypted project. The passphrase goes to
 * the service in the body of one request and is kept in this component's
 * state only while the dialog is open.
 */
export function UnlockDialog({ path, name, canRemember, onOpened, onCancel }: {
  path: string;
  name: string;
  canRemember: boolean;
  onOpened: (info: ProjectInfo) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onOpened(await api.invoke('project:open', { path, passphrase, remember: canRemember ? remember : undefined }));
    } catch (err) {
      setError(err as Error);
      if (err instanceof ApiError && err.code === 'wrong_passphrase') setPassphrase('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('protect.unlockTitle', { name })} onClose={onCancel} busy={busy} testId="unlock-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('protect.unlockText')}</p>
        {error && <ErrorBanner error={error} detail={error instanceof ApiError && error.code === 'wrong_passphrase' ? t('protect.wrong', { name }) : undefined} />}
        <label className="field">
          <span>{t('protect.passphrase')}</span>
          <input type="password" autoFocus autoComplete="current-password" data-testid="unlock-passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        {canRemember && (
          <label className="check">
            <input type="checkbox" data-testid="unlock-remember" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            {t('protect.remember')}
          </label>
        )}
        <div className="toolbar end">
          <button type="button" className="secondary" disabled={busy} onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" data-testid="unlock" disabled={busy || passphrase.length === 0}>{t('protect.unlock')}</button>
        </div>
      </form>
    </Dialog>
  );
}
