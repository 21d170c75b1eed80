import { useTranslation } from 'react-i18next';
import { rfmDrillText, type RfmDrill } from './segment-name.ts';

/** Says what of RFM the Customers grid is showing (a segment, a heat-map cell, a month), with how many customers, and lifts it. */
export function SegmentBanner({ segment, count, onClear }: { segment: RfmDrill; count: number | null; onClear?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="drill-banner" data-testid="segment-banner">
      <span data-testid="segment-what">{rfmDrillText(t, segment)}</span>
      {count !== null && <span className="badge" data-testid="segment-count">{count.toLocaleString(i18n.language)}</span>}
      {onClear && <button className="link" data-testid="segment-clear" onClick={onClear}>{t('rfm.clear')}</button>}
    </div>
  );
}
