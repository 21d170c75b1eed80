import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { formatDateTime } from '../../components/format.ts';

/** Every imported file with how it was read and how many rows went where. */
export function SourcesView({ onShowQuarantine }: { onShowQuarantine: () => void }) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => x.toLocaleString(i18n.language);
  const { data, error, loading } = useLoad(() => api.invoke('sources:list', {}), []);
  return (
    <div className="view" data-testid="sources-view">
      <h1>{t('sources.title')}</h1>
      {error && <ErrorBanner error={error} />}
      {loading && !data && <p className="muted">{t('app.loading')}</p>}
      {data && data.length === 0 && <div className="empty">{t('sources.empty')}</div>}
      {data && data.length > 0 && (
        <table className="table" data-testid="sources-table">
          <thead>
            <tr>
              <th>#</th><th>{t('import.file')}</th><th>{t('import.entity')}</th><th>{t('sources.format')}</th><th>{t('import.rows')}</th>
              <th>{t('import.imported')}</th><th>{t('import.quarantined')}</th><th>{t('sources.importedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.id}>
                <td className="num">{s.id}</td>
                <td>
                  <div>{s.fileName}</div>
                  <div className="muted small">{Object.entries(s.mapping).filter(([, f]) => f).map(([h, f]) => `${h} → ${t(`field.${f}`)}`).join(' · ')}</div>
                </td>
                <td>{t(`entity.${s.entity}`)}</td>
                <td>{[s.format.toUpperCase(), s.encoding, s.delimiter === '\t' ? 'TAB' : s.delimiter, s.preset].filter(Boolean).join(' · ')}</td>
                <td className="num">{n(s.rows)}</td>
                <td className="num">{n(s.imported)}</td>
                <td className="num">{s.quarantined > 0 ? <button className="link warn" onClick={onShowQuarantine}>{n(s.quarantined)}</button> : 0}</td>
                <td>{formatDateTime(i18n.language, s.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
