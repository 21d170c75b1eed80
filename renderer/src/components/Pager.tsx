import { useTranslation } from 'react-i18next';

/** Previous / next over a list read in pages, with where the page is ("101–200 of 1,204"). */
export function Pager({ offset, limit, total, onChange }: { offset: number; limit: number; total: number; onChange: (offset: number) => void }) {
  const { t, i18n } = useTranslation();
  if (total <= limit) return null;
  const n = (x: number): string => x.toLocaleString(i18n.language);
  return (
    <div className="toolbar pager" data-testid="pager">
      <button className="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>{t('common.previous')}</button>
      <span className="muted">{t('common.range', { from: n(offset + 1), to: n(Math.min(total, offset + limit)), total: n(total) })}</span>
      <button className="secondary" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>{t('common.next')}</button>
    </div>
  );
}
