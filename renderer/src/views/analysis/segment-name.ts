import type { TFunction } from 'i18next';
import type { GridQuery } from '../../../../shared/contract.ts';

/** A default segment in the UI language; a steward's own name as typed. */
export function segmentName(t: TFunction, s: { name: string; preset?: string; index?: number }): string {
  if (s.index === -1) return t('rfm.other');
  return s.preset ? t(`rfm.segments.${s.preset}`, { defaultValue: s.name }) : s.name;
}

/** What the RFM view opened in the Customers grid: a segment, a heat-map cell (recency and frequency scores) or a month's buyers or refunders. */
export type RfmDrill =
  | { kind: 'segment'; index: number; label: string }
  | { kind: 'cell'; r: number; f: number }
  | { kind: 'month'; month: string; refund: boolean };

/** The grid's (and the export's) restriction for an RFM drill. */
export function rfmDrillQuery(d: RfmDrill | null): Pick<GridQuery, 'rfmSegment' | 'rfmCell' | 'rfmMonth'> {
  if (d?.kind === 'segment') return { rfmSegment: d.index };
  if (d?.kind === 'cell') return { rfmCell: { r: d.r, f: d.f } };
  if (d?.kind === 'month') return { rfmMonth: { month: d.month, refund: d.refund } };
  return {};
}

/** What the grid shows, in the language of the moment. */
export function rfmDrillText(t: TFunction, d: RfmDrill): string {
  if (d.kind === 'segment') return t('rfm.banner', { segment: d.label });
  if (d.kind === 'cell') return t('rfm.charts.bannerCell', { r: d.r, f: d.f });
  return t(d.refund ? 'rfm.charts.bannerRefunds' : 'rfm.charts.bannerPurchases', { month: d.month });
}
