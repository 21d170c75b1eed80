import { useTranslation } from 'react-i18next';

/** The review grid's keys, always in view under the grid. */
export function KeyHint() {
  const { t } = useTranslation();
  const keys = ['move', 'accept', 'reject', 'reopen', 'edit', 'select', 'extend'] as const;
  return (
    <div className="key-hint" data-testid="key-hint" aria-label={t('fixes.keys.title')}>
      <strong>{t('fixes.keys.title')}</strong>
      {keys.map((k) => <span key={k}>{t(`fixes.keys.${k}`)}</span>)}
      <span className="muted">{t('fixes.keys.selection')}</span>
    </div>
  );
}
