import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { formatDateTime } from '../../components/format.ts';
import '../quality/accuracy.css';

/**
 * The record's verification: whether a steward has verified it, the action
 * to mark it (freezing its current values as the reference accuracy is
 * measured against) or take that back, and every verified value it is
 * compared with. Both actions are batches of the change history; `version`
 * goes up after any change (an undo among them), and the panel reads again.
 */
export function Verification({ id, version, onChanged }: { id: number; version: number; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const ref = useLoad(() => api.invoke('quality:reference-of-customer', { id }), [id, version]);

  const change = async (mark: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.invoke(mark ? 'quality:mark-verified' : 'quality:unmark-verified', { ids: [id] });
      onChanged();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const data = ref.data;
  const verified = data?.verified ?? null;
  return (
    <section className="verification" data-testid="verification">
      <h3>
        {t('quality.verify.title')}
        {data && (
          <span className={verified ? 'state verified' : 'state'} data-testid="verified-state">
            {verified ? `✓ ${t('quality.verify.verified', { when: formatDateTime(i18n.language, verified.at) })}` : t('quality.verify.notVerified')}
          </span>
        )}
      </h3>
      {ref.loading && !data && <p className="muted small">{t('app.loading')}</p>}
      {ref.error && <ErrorBanner error={ref.error} />}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {data && (
        <>
          <div className="actions">
            {verified ? (
              <button className="secondary" data-testid="unmark-verified" disabled={busy} title={t('quality.verify.unmarkHelp')} onClick={() => void change(false)}>{t('quality.verify.unmark')}</button>
            ) : (
              <button data-testid="mark-verified" disabled={busy} onClick={() => void change(true)}>{busy ? t('quality.verify.marking') : t('quality.verify.mark')}</button>
            )}
          </div>
          <p className="muted small">{t('quality.verify.help')}</p>
          {data.values.length === 0 ? (
            <p className="muted small" data-testid="reference-values-none">{t('quality.verify.noValues')}</p>
          ) : (
            <details data-testid="reference-values">
              <summary>{t('quality.verify.values', { count: data.values.length })}</summary>
              <table className="kv verified-values">
                <tbody>
                  {data.values.map((v) => (
                    <tr key={v.field}>
                      <th>{t(`quality.fieldName.${v.field}`, { defaultValue: v.field })}</th>
                      <td>
                        {v.value ?? <span className="muted">{t('quality.verify.empty')}</span>}
                        {/* A steward's values need no source line: the state above says who verified. */}
                        {v.origin === 'reference_file' && <span className="muted small"> · {t('quality.verify.fromFile', { file: v.originDetail ?? '' })}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
    </section>
  );
}
