/**
 * When an automatic backup is due: `scheduleHours` after the newest backup
 * of the project (whatever made it: a backup made by hand resets the
 * clock), at once when there is none, never when the schedule is off.
 */
export function nextBackupAt(scheduleHours: number, newestAt: string | null, now: Date): Date | null {
  if (scheduleHours <= 0) return null;
  if (newestAt === null) return now;
  return new Date(Date.parse(newestAt) + scheduleHours * 3_600_000);
}

export function backupDue(scheduleHours: number, newestAt: string | null, now: Date): boolean {
  const next = nextBackupAt(scheduleHours, newestAt, now);
  return next !== null && next.getTime() <= now.getTime();
}
