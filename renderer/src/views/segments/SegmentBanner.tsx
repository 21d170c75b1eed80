import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GridQuery } from '../../../../shared/contract.ts';

/** The grid opened on one segment (or on the customers a segmentation could not place), from the Segments view. */
export interface SegmentDrill {
  filter: NonNullable<GridQuery['segment']>;
  /** The segment's name as the steward gave it; null: "Segment n" (or "missing a feature") in the language of the moment. */
  name: string | null;
}

export function segmentLabel(t: TFunction, segment: number | null, name: string | null): string {
  if (segment === null) return t('segments.missingLabel');
  return name || t('segments.defaultName', { n: segment });
}

/** Says which segment the grid is showing, with how many customers, and lifts it (the DrillBanner of segments). */
export function SegmentBanner({ segment, count, onClear }: { segment: SegmentDrill; count: number | null; onClear?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="drill-banner" data-testid="segment-banner">
      <span data-testid="segment-what">{t('segments.showing', { what: segmentLabel(t, segment.filter.segment, segment.name) })}</span>
      {count !== null && <span className="badge" data-testid="segment-count">{count.toLocaleString(i18n.language)}</span>}
      {onClear && <button className="link" data-testid="segment-clear" onClick={onClear}>{t('quality.drill.clear')}</button>}
    </div>
  );
}

const namedFeatures = new Set(['age', 'income', 'recency', 'frequency', 'monetary']);

/** A feature as the user reads it: the built-in and RFM ones in the UI language, an extra column by its header. */
export function featureLabel(t: TFunction, name: string): string {
  return namedFeatures.has(name) ? t(`segments.featureShort.${name}`) : name;
}
