import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Shows what went wrong in words a person can act on; the code helps support. */
/** `detail` replaces the service's (English) sentence where the view can say it in the reader's language. */
export function ErrorBanner({ error, onDismiss, detail }: { error: Error; onDismiss?: () => void; detail?: string }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : 'internal';
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>{t(`error.${code}`, { defaultValue: t('error.internal') })}</strong>
      <span>{detail ?? error.message}</span>
      {onDismiss && <button className="link" onClick={onDismiss}>{t('common.dismiss')}</button>}
    </div>
  );
}
