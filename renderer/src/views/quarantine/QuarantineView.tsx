import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { Pager } from '../../components/Pager.tsx';
import { problemText } from '../../components/problem-text.ts';

const PAGE = 100;

/** Rows that could not be read as records, kept verbatim with the reason: nothing is silently dropped. */
export function QuarantineView() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [sourceId, setSourceId] = useState<number | undefined>(undefined);
  const sources = useLoad(() => api.invoke('sources:list', {}), []);
  const page = useLoad(() => api.invoke('quarantine:page', { offset, limit: PAGE, sourceId }), [offset, sourceId]);
  const total = page.data?.total ?? 0;
  return (
    <div className="view" data-testid="quarantine-view">
      <div className="view-head">
        <h1>{t('quarantine.title')}</h1>
        <select data-testid="quarantine-source" value={sourceId ?? ''} onChange={(e) => (setSourceId(e.target.value ? Number(e.target.value) : undefined), setOffset(0))}>
          <option value="">{t('quarantine.allSources')}</option>
          {sources.data?.map((s) => <option key={s.id} value={s.id}>{s.fileName}</option>)}
        </select>
      </div>
      <p className="muted">{t('quarantine.intro')}</p>
      {page.error && <ErrorBanner error={page.error} />}
      {page.loading && !page.data && <p className="muted">{t('app.loading')}</p>}
      {page.data && total === 0 && <div className="empty" data-testid="quarantine-empty">{t('quarantine.empty')}</div>}
      {page.data && total > 0 && (
        <>
          <table className="table" data-testid="quarantine-table">
            <thead>
              <tr><th>{t('quarantine.file')}</th><th>{t('quarantine.row')}</th><th>{t('quarantine.line')}</th><th>{t('quarantine.reason')}</th><th>{t('quarantine.raw')}</th></tr>
            </thead>
            <tbody>
              {page.data.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.fileName}</td>
                  <td className="num">{r.rowNumber}</td>
                  <td className="num">{r.lineNumber}</td>
                  <td><strong>{t(`quarantine.reasons.${r.reason}`)}</strong><div className="muted small">{problemText(t, r.reason, r.detail)}</div></td>
                  <td className="pre mono raw">{r.rawText}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} limit={PAGE} total={total} onChange={setOffset} />
        </>
      )}
    </div>
  );
}
