import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassphraseStatus } from '../../../../shared/channels/backup.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/backup-rules.ts';

export interface NewPassphrase {
  passphrase: string;
  remember: boolean;
}

/**
 * The backup passphrase: its state for this session, or a form to set it
 * (typed twice: a typo would lock every backup made with it). "Back up now"
 * takes the typed passphrase along, so a first backup is one step.
 */
export function PassphraseCard({ status, busy, onSet, onBackUp, onForget }: {
  status: PassphraseStatus;
  busy: boolean;
  onSet: (p: NewPassphrase) => void;
  onBackUp: (p: NewPassphrase | null) => void;
  onForget: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [remember, setRemember] = useState(false);
  const problem = passphrase.length < MIN_PASSPHRASE_LENGTH ? 'tooShort' : passphrase !== repeat ? 'mismatch' : null;
  const typed = { passphrase, remember };

  if (status.known) {
    return (
      <section className="card backup-passphrase" data-testid="backup-passphrase-card">
        <div className="toolbar">
          <span data-testid="passphrase-state">{status.remembered ? t('backups.passphrase.remembered') : t('backups.passphrase.known')}</span>
          <button className="link" data-testid="passphrase-forget" disabled={busy} onClick={onForget}>{t('backups.passphrase.forget')}</button>
          <span className="grow" />
          <button data-testid="backup-now" disabled={busy} onClick={() => onBackUp(null)}>{t('backups.backUpNow')}</button>
        </div>
      </section>
    );
  }
  return (
    <section className="card backup-passphrase" data-testid="backup-passphrase-card">
      <h2>{t('backups.passphrase.title')}</h2>
      <p className="muted small">{t('backups.passphrase.help')}</p>
      <div className="passphrase-fields">
        <label className="field">
          <span>{t('backups.passphrase.new')}</span>
          <input type="password" autoComplete="new-password" data-testid="backup-passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('backups.passphrase.repeat')}</span>
          <input type="password" autoComplete="new-password" data-testid="backup-passphrase-repeat" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </label>
      </div>
      {passphrase !== '' && problem && <p className="warn small" data-testid="passphrase-problem">{t(`backups.passphrase.${problem}`)}</p>}
      {status.canRemember && (
        <label className="check">
          <input type="checkbox" data-testid="backup-remember" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          {t('backups.passphrase.remember')}
        </label>
      )}
      <div className="toolbar">
        <button data-testid="backup-now" disabled={busy || problem !== null} onClick={() => onBackUp(typed)}>{t('backups.backUpNow')}</button>
        <button className="secondary" data-testid="backup-set-passphrase" disabled={busy || problem !== null} onClick={() => onSet(typed)}>{t('backups.passphrase.set')}</button>
      </div>
    </section>
  );
}
