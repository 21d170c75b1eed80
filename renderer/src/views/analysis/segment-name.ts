import type { TFunction } from 'i18next';

/** A default segment in the UI language; a steward's own name as typed. */
export function segmentName(t: TFunction, s: { name: string; preset?: string; index?: number }): string {
  if (s.index === -1) return t('rfm.other');
  return s.preset ? t(`rfm.segments.${s.preset}`, { defaultValue: s.name }) : s.name;
}

/** An RFM segment opened in the Customers grid. */
export interface SegmentDrill {
  index: number;
  label: string;
}
