import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { issueText } from '../../../../shared/i18n/issue-text.ts';
import { asTranslate } from '../../i18n/as-translate.ts';

/** The detail panel's "which rule this record broke and why", from the current profile. */
export function CustomerIssues({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data, error } = useLoad(() => api.invoke('quality:issues-of-customer', { id }), [id]);
  return (
    <section data-testid="customer-issues">
      <h3>{t('quality.detail.title')}</h3>
      {error && <ErrorBanner error={error} />}
      {data && data.length === 0 && <p className="muted small">{t('quality.detail.none')}</p>}
      {data && data.length > 0 && (
        <ul className="issue-list">
          {data.map((i) => (
            <li key={`${i.field}-${i.rule}`} data-testid="customer-issue">
              <span className={`sev ${i.severity}`}>{t(`quality.severity.${i.severity}`)}</span>{' '}
              <strong>{t(`quality.fieldName.${i.field}`, { defaultValue: i.field })}</strong>: {t(`quality.ruleName.${i.rule}`, { defaultValue: i.rule })}
              <div className="muted small">{issueText(asTranslate(t), i.field, i.message)}{i.suggestion ? ` · ${t('quality.detail.suggestion', { value: i.suggestion })}` : ''}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
