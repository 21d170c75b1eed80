import { useTranslation } from 'react-i18next';
import type { ReferenceImport } from '../../../../shared/channels/quality.ts';
import { ApiError } from '../../api/client.ts';
import { referenceErrorText, referenceResultText } from './reference-text.ts';

/** What the last reference import matched (or why a file could not be used), and whether accuracy is being measured against it. */
export function ReferenceNotice({ results, error, profiling, onProfile, onDismiss }: { results: ReferenceImport[]; error: Error | null; profiling: boolean; onProfile: (() => void) | null; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {error && (
        <div className="error-banner" role="alert" data-testid="reference-error">
          <strong>{t('quality.reference.errorTitle')}</strong>
          <span>{error instanceof ApiError ? referenceErrorText(t, error) : error.message}</span>
          <button className="link" onClick={onDismiss}>{t('common.dismiss')}</button>
        </div>
      )}
      {results.length > 0 && (
        <div className="reference-notice" role="status" data-testid="reference-result">
          <div>
            <ul>{results.map((r, i) => <li key={`${r.fileName}-${i}`}>{referenceResultText(t, i18n.language, r)}</li>)}</ul>
            <div className="muted small">
              {profiling ? t('quality.reference.profiling') : onProfile ? <>{t('quality.reference.profileToMeasure')} <button className="link" data-testid="reference-profile" onClick={onProfile}>{t('quality.reference.profileAgain')}</button></> : null}
            </div>
          </div>
          <button className="link" data-testid="reference-dismiss" onClick={onDismiss}>{t('common.dismiss')}</button>
        </div>
      )}
    </>
  );
}
