import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../main/backup/retention.ts';

/** Local-time dates (retention reads the local calendar), newest first as the folder lists them. */
const at = (y: number, m: number, d: number, h = 12): { createdAt: string; label: string } => ({
  createdAt: new Date(y, m - 1, d, h).toISOString(),
  label: `${d}.${m} ${h}h`,
});
const kept = (backups: ReturnType<typeof at>[], policy: { keepLast: number; keepDaily: number; keepWeekly: number }) =>
  backups.filter((b) => backupsToKeep(backups, policy).has(b)).map((b) => b.label);

describe('which backups retention keeps', () => {
  // Wednesday 10 Dec 2025 back to Monday 24 Nov: three a day on the 10th, one on each other listed day.
  const backups = [
    at(2025, 12, 10, 18), at(2025, 12, 10, 12), at(2025, 12, 10, 9),
    at(2025, 12, 9), at(2025, 12, 8), // Tue, Mon: same week as the 10th
    at(2025, 12, 7), at(2025, 12, 1), // Sun 7th and Mon 1st: the week of 1–7 Dec
    at(2025, 11, 30), at(2025, 11, 24), // Sun 30 Nov and Mon 24 Nov: the week of 24–30 Nov
  ];

  it('keeps the newest N when only keepLast is set', () => {
    expect(kept(backups, { keepLast: 2, keepDaily: 0, keepWeekly: 0 })).toEqual(['10.12 18h', '10.12 12h']);
  });

  it('keeps the newest backup of each of the last D days that have one', () => {
    // Days with backups, newest first: 10th (its newest is 18h), 9th, 8th; the 7th is the fourth day.
    expect(kept(backups, { keepLast: 1, keepDaily: 3, keepWeekly: 0 })).toEqual(['10.12 18h', '9.12 12h', '8.12 12h']);
  });

  it('keeps the newest backup of each of the last W weeks, weeks starting on Monday', () => {
    // Weeks: 8–14 Dec (newest 10th 18h), 1–7 Dec (newest the 7th), 24–30 Nov (newest the 30th).
    expect(kept(backups, { keepLast: 1, keepDaily: 0, keepWeekly: 3 })).toEqual(['10.12 18h', '7.12 12h', '30.11 12h']);
  });

  it('keeps whatever any rule keeps', () => {
    expect(kept(backups, { keepLast: 2, keepDaily: 2, keepWeekly: 2 })).toEqual(['10.12 18h', '10.12 12h', '9.12 12h', '7.12 12h']);
  });

  it('keeps everything when the policy reaches back further than the backups', () => {
    expect(kept(backups, { keepLast: 100, keepDaily: 0, keepWeekly: 0 })).toHaveLength(backups.length);
  });
});
