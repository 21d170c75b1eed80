import type { TFunction } from 'i18next';
import type { IssueFilter } from '../../../../shared/channels/quality.ts';

/**
 * A drill-down from the dashboard to the customers grid: the filter, and the
 * source's file name it may name. Its words are made where it is shown
 * (drillLabel), so they follow the UI language when it is switched.
 */
export interface Drill {
  filter: IssueFilter;
  sourceName?: string;
}

export function drillLabel(t: TFunction, filter: IssueFilter, sourceName?: string): string {
  const parts: string[] = [];
  if (filter.rule) parts.push(t(`quality.ruleName.${filter.rule}`, { defaultValue: filter.rule }));
  else if (filter.dimension) parts.push(t(`quality.dimension.${filter.dimension}`));
  if (filter.verified) parts.push(t('quality.drill.verified'));
  if (filter.ageBucket !== undefined) parts.push(t('quality.drill.ageBucket', { bucket: t(`quality.ageBucket.${filter.ageBucket}`) }));
  if (filter.field) parts.push(t(`quality.fieldName.${filter.field}`, { defaultValue: filter.field }));
  if (sourceName) parts.push(t('quality.drill.inSource', { source: sourceName }));
  return parts.join(' · ');
}

export const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
