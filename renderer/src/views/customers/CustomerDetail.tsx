import { useTranslation } from 'react-i18next';
import { customerFields } from '../../../../shared/domain/fields.ts';
import { formatStoredDate } from '../../../../shared/i18n/dates.ts';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { CustomerIssues } from '../quality/CustomerIssues.tsx';
import { Verification } from './Verification.tsx';
import { CustomerActivity } from '../analysis/CustomerActivity.tsx';
import { EditableValue } from './EditableValue.tsx';
import { readOnlyColumns } from './columns.ts';

/**
 * The working record beside the row exactly as the source file had it, with
 * its verification and quality issues. Its values are edited in place.
 */
export function CustomerDetail({ id, onClose, version = 0, onEdited = () => {} }: { id: number; onClose: () => void; version?: number; onEdited?: () => void }) {
  const { t, i18n } = useTranslation();
  // Dates read in the UI language; the stored text is what an edit starts from.
  const shown = (kind: string, v: unknown): string | undefined => (kind === 'date' && typeof v === 'string' ? formatStoredDate(i18n.language, v) : undefined);
  const { data, error, loading } = useLoad(() => api.invoke('customers:get', { id }), [id, version]);
  return (
    <aside className="detail" data-testid="customer-detail" aria-label={t('detail.title')}>
      <header className="detail-head">
        <h2>{t('detail.title')} #{id}</h2>
        <button className="link" data-testid="close-detail" onClick={onClose}>{t('common.close')}</button>
      </header>
      {loading && !data && <p className="muted">{t('app.loading')}</p>}
      {error && <ErrorBanner error={error} />}
      {data && (
        <div className="detail-body">
          <Verification id={id} version={version} onChanged={onEdited} />
          <section>
            <h3>{t('detail.mapped')}</h3>
            <table className="kv" data-testid="mapped-values">
              <tbody>
                {customerFields.map((f) => (
                  <tr key={f.key}>
                    <th>{t(f.label)}</th>
                    <td>
                      {readOnlyColumns.has(f.key)
                        ? data.customer[f.key] === null ? <span className="muted">—</span> : String(data.customer[f.key])
                        : <EditableValue key={`${f.key}-${String(data.customer[f.key])}`} customerId={id} field={f.key} label={t(f.label)} value={data.customer[f.key] ?? null} shown={shown(f.kind, data.customer[f.key])} onSaved={onEdited} />}
                    </td>
                  </tr>
                ))}
                {Object.entries(data.extra).map(([k, v]) => (
                  <tr key={k} className="extra">
                    <th>{k} <span className="tag">{t('detail.extra')}</span></th>
                    <td>{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <CustomerIssues id={id} />
          <section>
            <h3>{t('detail.sourceRow')}</h3>
            <p className="muted small" data-testid="source-location">{t('detail.location', { file: data.source.fileName, row: data.raw.rowNumber, line: data.raw.lineNumber })}</p>
            <table className="kv" data-testid="source-row">
              <tbody>
                {data.source.headers.map((h, i) => (
                  <tr key={h}>
                    <th className="mono">{h}</th>
                    <td className="pre">{data.raw.cells[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <CustomerActivity id={id} version={version} />
        </div>
      )}
    </aside>
  );
}
