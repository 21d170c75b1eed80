import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../i18n/words.ts';

/** Shows what went wrong in words a person can act on; the code helps support. */
/** `detail` replaces the service's (English) sentence where the view can say it in the reader's language. */
export function ErrorBanner({ error, onDismiss, detail }: { error: Error; onDismiss?: () => void; detail?: string }) {
  const { t, i18n } = useTranslation();
  const code = error instanceof ApiError ? error.code : 'internal';
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>{t(`error.${code}`, { defaultValue: t('error.internal') })}</strong>
      <span>{detail ?? errorMessage(t, i18n.language, error)}</span>
      {onDismiss && <button className="link" onClick={onDismiss}>{t('common.dismiss')}</button>}
    </div>
  );
}
