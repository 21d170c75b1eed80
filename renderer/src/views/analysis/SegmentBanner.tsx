import { useTranslation } from 'react-i18next';
import type { SegmentDrill } from './segment-name.ts';

/** Says which RFM segment the Customers grid is showing, with how many customers, and lifts it. */
export function SegmentBanner({ segment, count, onClear }: { segment: SegmentDrill; count: number | null; onClear?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="drill-banner" data-testid="segment-banner">
      <span data-testid="segment-what">{t('rfm.banner', { segment: segment.label })}</span>
      {count !== null && <span className="badge" data-testid="segment-count">{count.toLocaleString(i18n.language)}</span>}
      {onClear && <button className="link" data-testid="segment-clear" onClick={onClear}>{t('rfm.clear')}</button>}
    </div>
  );
}
