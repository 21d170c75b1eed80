/**
 * Which backups to keep, the way restic's `forget --keep-last/--keep-daily/
 * --keep-weekly` decides: the newest N; and for each of the last D days
 * that have a backup, that day's newest; and for each of the last W weeks
 * that have one, that week's newest. A backup any rule keeps is kept. Days
 * and weeks are the machine's local calendar (weeks start on Monday), as a
 * person reads "one a day".
 */
import type { BackupSettings } from '../../shared/channels/backup.ts';

export type RetentionPolicy = Pick<BackupSettings, 'keepLast' | 'keepDaily' | 'keepWeekly'>;

export interface Dated {
  createdAt: string;
}

/** The backups to keep, in the order given; `backups` must be newest first. */
export function backupsToKeep<T extends Dated>(backups: readonly T[], policy: RetentionPolicy): Set<T> {
  const keep = new Set<T>(backups.slice(0, policy.keepLast));
  keepNewestPerBucket(backups, policy.keepDaily, dayKey, keep);
  keepNewestPerBucket(backups, policy.keepWeekly, weekKey, keep);
  return keep;
}

function keepNewestPerBucket<T extends Dated>(backups: readonly T[], buckets: number, key: (d: Date) => string, keep: Set<T>): void {
  const seen = new Set<string>();
  for (const b of backups) {
    if (seen.size >= buckets) return;
    const k = key(new Date(b.createdAt));
    if (seen.has(k)) continue;
    seen.add(k); // newest first: the first backup of a bucket is its newest
    keep.add(b);
  }
}

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** The local date of the Monday that starts d's week. */
function weekKey(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday);
}
