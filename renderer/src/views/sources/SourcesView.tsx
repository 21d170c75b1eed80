import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithdrawalPreview } from '../../../../shared/channels/sources.ts';
import { api } from '../../api/client.ts';
import { useDataVersion } from '../../api/data-version.tsx';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { formatDateTime } from '../../components/format.ts';
import { WithdrawDialog } from './WithdrawDialog.tsx';

/** Every imported file with how it was read and how many rows went where; a file imported by mistake can be withdrawn and brought back. */
export function SourcesView({ onShowQuarantine }: { onShowQuarantine: () => void }) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => x.toLocaleString(i18n.language);
  // A withdrawal is a batch of the history: every view that reads records (and Undo) reads again.
  const { version, bump } = useDataVersion();
  const { data, error, loading } = useLoad(() => api.invoke('sources:list', {}), [version]);
  const [asking, setAsking] = useState<number | null>(null);
  // Worded when shown, so the notice follows a switch of language.
  const [notice, setNotice] = useState<{ key: string; file: string; count: number } | null>(null);
  const [failed, setFailed] = useState<Error | null>(null);
  const withdrawn = (r: WithdrawalPreview) => {
    setAsking(null);
    setNotice({ key: 'withdraw.done', file: r.fileName, count: r.customers });
    bump();
  };
  const bringBack = async (sourceId: number) => {
    try {
      const r = await api.invoke('sources:bring-back', { sourceId });
      setNotice({ key: 'withdraw.back', file: r.fileName, count: r.customers });
      bump();
    } catch (e) {
      setFailed(e as Error);
    }
  };
  return (
    <div className="view" data-testid="sources-view">
      <h1>{t('sources.title')}</h1>
      {error && <ErrorBanner error={error} />}
      {failed && <ErrorBanner error={failed} onDismiss={() => setFailed(null)} />}
      {notice && <div className="success" role="status" data-testid="withdraw-notice">{t(notice.key, { file: notice.file, customers: n(notice.count) })}</div>}
      {loading && !data && <p className="muted">{t('app.loading')}</p>}
      {data && data.length === 0 && <div className="empty">{t('sources.empty')}</div>}
      {data && data.length > 0 && (
        <table className="table" data-testid="sources-table">
          <thead>
            <tr>
              <th>#</th><th>{t('import.file')}</th><th>{t('import.entity')}</th><th>{t('sources.format')}</th><th>{t('import.rows')}</th>
              <th>{t('import.imported')}</th><th>{t('import.quarantined')}</th><th>{t('sources.importedAt')}</th><th />
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.id} data-testid={`source-row-${s.id}`} className={s.withdrawnAt ? 'withdrawn muted' : undefined}>
                <td className="num">{s.id}</td>
                <td>
                  <div>{s.withdrawnAt ? <s>{s.fileName}</s> : s.fileName}</div>
                  {s.withdrawnAt && <div className="warn small" data-testid="source-withdrawn">{t('withdraw.state', { when: formatDateTime(i18n.language, s.withdrawnAt) })}</div>}
                  <div className="muted small">{Object.entries(s.mapping).filter(([, f]) => f).map(([h, f]) => `${h} → ${t(`field.${f}`)}`).join(' · ')}</div>
                </td>
                <td>{t(`entity.${s.entity}`)}</td>
                <td>{[s.format.toUpperCase(), s.encoding, s.delimiter === '\t' ? 'TAB' : s.delimiter, s.preset].filter(Boolean).join(' · ')}</td>
                <td className="num">{n(s.rows)}</td>
                <td className="num">{n(s.imported)}</td>
                <td className="num">{s.quarantined > 0 ? <button className="link warn" onClick={onShowQuarantine}>{n(s.quarantined)}</button> : 0}</td>
                <td>{formatDateTime(i18n.language, s.importedAt)}</td>
                <td>
                  {s.withdrawnAt
                    ? <button className="secondary" data-testid={`bring-back-${s.id}`} onClick={() => void bringBack(s.id)}>{t('withdraw.bringBack')}</button>
                    : <button className="secondary" data-testid={`withdraw-${s.id}`} onClick={() => (setNotice(null), setAsking(s.id))}>{t('withdraw.action')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking !== null && <WithdrawDialog sourceId={asking} onClose={() => setAsking(null)} onDone={withdrawn} />}
    </div>
  );
}
