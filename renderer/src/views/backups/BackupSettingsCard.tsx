import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupOverview, BackupSettings, SettingsScope } from '../../../../shared/channels/backup.ts';
import { formatWhen } from './format.ts';

const scheduleChoices = [0, 1, 4, 12, 24, 168];

/** Schedule, backups before bulk changes, retention and folder, for this project or as the app's default. */
export function BackupSettingsCard({ overview, busy, onSave }: { overview: BackupOverview; busy: boolean; onSave: (settings: BackupSettings, scope: SettingsScope) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(overview.settings);
  const [scope, setScope] = useState<SettingsScope>(overview.scope);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setDraft(overview.settings);
    setScope(overview.scope);
  }, [overview.settings, overview.scope]);
  const set = <K extends keyof BackupSettings>(key: K, value: BackupSettings[K]): void => (setSaved(false), setDraft((d) => ({ ...d, [key]: value })));
  const count = (key: 'keepLast' | 'keepDaily' | 'keepWeekly', min: number) => (
    <input type="number" className="count" min={min} data-testid={`backup-${key}`} value={draft[key]} onChange={(e) => set(key, Math.max(min, Math.floor(Number(e.target.value) || 0)))} />
  );
  const choices = scheduleChoices.includes(draft.scheduleHours) ? scheduleChoices : [...scheduleChoices, draft.scheduleHours].sort((a, b) => a - b);
  return (
    <section className="card backup-settings" data-testid="backup-settings">
      <h2>{t('backups.settings.title')}</h2>
      <p className="muted small" data-testid="next-backup">
        {overview.nextScheduledAt === null ? t('backups.settings.off')
          : overview.passphrase.known ? t('backups.settings.next', { when: formatWhen(overview.nextScheduledAt, i18n.language) })
          : t('backups.settings.paused')}
      </p>
      <label className="field">
        <span>{t('backups.settings.schedule')}</span>
        <select data-testid="backup-schedule" value={draft.scheduleHours} onChange={(e) => set('scheduleHours', Number(e.target.value))}>
          {choices.map((h) => <option key={h} value={h}>{t(`backups.settings.every.${h}`, { defaultValue: `${h} h` })}</option>)}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" data-testid="backup-before-risky" checked={draft.beforeRisky} onChange={(e) => set('beforeRisky', e.target.checked)} />
        {t('backups.settings.beforeRisky')}
      </label>
      <p className="retention">
        {/* The separators ("backups, " / "个备份，") carry their own spacing: Chinese puts none after its comma. */}
        {t('backups.settings.keepLast')} {count('keepLast', 1)} {t('backups.settings.backupsUnit')}{t('backups.settings.keepDaily')} {count('keepDaily', 0)} {t('backups.settings.days')}{t('backups.settings.keepWeekly')} {count('keepWeekly', 0)} {t('backups.settings.weeks')}
      </p>
      <label className="field">
        <span>{t('backups.settings.folder')}</span>
        <input data-testid="backup-folder" value={draft.folder ?? ''} placeholder={`${t('backups.settings.folderDefault')}: ${overview.folder}`}
          onChange={(e) => set('folder', e.target.value.trim() === '' ? null : e.target.value)} />
      </label>
      <div className="field">
        <span>{t('backups.settings.scope')}</span>
        <label className="check"><input type="radio" name="backup-scope" data-testid="scope-project" checked={scope === 'project'} onChange={() => (setSaved(false), setScope('project'))} />{t('backups.settings.scopeProject')}</label>
        <label className="check"><input type="radio" name="backup-scope" data-testid="scope-app" checked={scope === 'app'} onChange={() => (setSaved(false), setScope('app'))} />{t('backups.settings.scopeApp')}</label>
      </div>
      <div className="toolbar">
        <button className="secondary" data-testid="backup-settings-save" disabled={busy} onClick={() => void onSave(draft, scope).then(() => setSaved(true))}>{t('backups.settings.save')}</button>
        {saved && <span className="muted small" data-testid="backup-settings-saved">{t('backups.settings.saved')}</span>}
      </div>
    </section>
  );
}
