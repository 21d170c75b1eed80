import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../shared/channels/backup.ts';
import { formatBytes, formatWhen } from './format.ts';

/** The project's backups, newest first, with what each held; Restore opens the confirmation. */
export function BackupList({ backups, busy, onRestore }: { backups: BackupEntry[]; busy: boolean; onRestore: (b: BackupEntry) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (x: number): string => x.toLocaleString(lang);
  if (backups.length === 0) return <div className="empty" data-testid="backups-empty">{t('backups.empty')}</div>;
  return (
    <table className="table backups-table" data-testid="backups-table">
      <thead>
        <tr>
          <th>{t('backups.list.when')}</th><th>{t('backups.list.why')}</th><th className="num">{t('backups.list.size')}</th>
          <th className="num">{t('backups.list.customers')}</th><th className="num">{t('backups.list.sources')}</th><th>{t('backups.list.lastChange')}</th><th />
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name} data-testid="backup-row" title={b.path}>
            <td>{formatWhen(b.createdAt, lang)}</td>
            <td>{b.reason ? t(`backups.reason.${b.reason}`) : ''}</td>
            <td className="num">{formatBytes(b.bytes, lang)}</td>
            <td className="num" data-testid="backup-customers">{b.contents ? n(b.contents.customers) : <span className="muted">{t('backups.list.unknown')}</span>}</td>
            <td className="num">{b.contents ? n(b.contents.sources) : ''}</td>
            <td>
              {b.contents?.lastChange
                ? t('backups.lastChange', { kind: t(`backups.change.${b.contents.lastChange.kind}`, { defaultValue: b.contents.lastChange.kind }), when: formatWhen(b.contents.lastChange.at, lang) })
                : ''}
            </td>
            <td className="num">
              <button className="secondary" data-testid="backup-restore" disabled={busy} onClick={() => onRestore(b)}>{t('backups.list.restore')}</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
