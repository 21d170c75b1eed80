import type { TFunction } from 'i18next';
import type { ClusterMemberView, SurvivorReason } from '../../../../shared/channels/merge.ts';

/** A probability as the locale writes a percentage, one decimal ("97.3%"). */
export function pct(p: number, lng: string): string {
  return p.toLocaleString(lng, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** How a steward recognises a record: its id in its source, else its customer number. */
export function recordName(t: TFunction, m: Pick<ClusterMemberView, 'id' | 'sourceRecordId'>): string {
  return m.sourceRecordId ?? t('duplicates.record', { id: m.id });
}

export function reasonName(t: TFunction, reason: SurvivorReason): string {
  return t(`merge.reason.${reason}`, { defaultValue: reason });
}
