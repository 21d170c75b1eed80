import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../shared/channels/backup.ts';
import { contentsText, formatWhen } from './format.ts';

/**
 * Confirms a restore and takes the backup's passphrase (this session's is used when left empty and known).
 * An encrypted project's backup opens with the project's key; if its passphrase was changed since, the one it had then is asked for too.
 */
export function RestorePanel({ backup, passphraseKnown, projectEncrypted, onConfirm, onCancel }: {
  backup: BackupEntry;
  passphraseKnown: boolean;
  projectEncrypted: boolean;
  onConfirm: (passphrase: string | undefined, projectPassphrase: string | undefined) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [projectPassphrase, setProjectPassphrase] = useState('');
  const ready = passphrase !== '' || passphraseKnown;
  return (
    <section className="card restore-panel" data-testid="restore-panel">
      <h2>{t('backups.restore.title', { when: formatWhen(backup.createdAt, i18n.language) })}</h2>
      <p>{t('backups.restore.explain', { contents: backup.contents ? contentsText(t, backup.contents, i18n.language) : t('backups.list.unknown') })}</p>
      <label className="field">
        <span>{t('backups.restore.passphrase')}</span>
        <input type="password" autoComplete="off" data-testid="restore-passphrase" value={passphrase}
          placeholder={passphraseKnown ? t('backups.restore.passphraseKnown') : ''} onChange={(e) => setPassphrase(e.target.value)} />
      </label>
      {projectEncrypted && (
        <label className="field">
          <span>{t('backups.restore.projectPassphrase')}</span>
          <input type="password" autoComplete="off" data-testid="restore-project-passphrase" value={projectPassphrase} onChange={(e) => setProjectPassphrase(e.target.value)} />
        </label>
      )}
      <div className="toolbar">
        <button data-testid="restore-confirm" disabled={!ready} onClick={() => onConfirm(passphrase === '' ? undefined : passphrase, projectPassphrase === '' ? undefined : projectPassphrase)}>{t('backups.restore.confirm')}</button>
        <button className="secondary" data-testid="restore-cancel" onClick={onCancel}>{t('backups.cancel')}</button>
      </div>
    </section>
  );
}
