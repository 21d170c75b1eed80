import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../i18n/words.ts';

/** Shows what went wrong in words a person can act on; the code helps support. */
export function ErrorBanner({ error, onDismiss }: { error: Error; onDismiss?: () => void }) {
  const { t, i18n } = useTranslation();
  const code = error instanceof ApiError ? error.code : 'internal';
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>{t(`error.${code}`, { defaultValue: t('error.internal') })}</strong>
      <span>{errorMessage(t, i18n.language, error)}</span>
      {onDismiss && <button className="link" onClick={onDismiss}>{t('common.dismiss')}</button>}
    </div>
  );
}
