import { useTranslation } from 'react-i18next';

/** The review's keys, always in view under the group. */
export function ReviewKeyHint() {
  const { t } = useTranslation();
  const keys = ['move', 'accept', 'reject', 'open', 'records', 'pick', 'split', 'mark', 'notSame', 'unmerge', 'list', 'undo'] as const;
  return (
    <div className="key-hint" data-testid="key-hint" aria-label={t('merge.keys.title')}>
      <strong>{t('merge.keys.title')}</strong>
      {keys.map((k) => <span key={k}>{t(`merge.keys.${k}`)}</span>)}
    </div>
  );
}
