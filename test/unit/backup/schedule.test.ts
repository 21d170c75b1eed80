import { describe, expect, it } from 'vitest';
import { backupDue, nextBackupAt } from '../../../main/backup/schedule.ts';

describe('when an automatic backup is due', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('is due at once when the project has no backup yet', () => {
    expect(backupDue(24, null, now)).toBe(true);
    expect(nextBackupAt(24, null, now)).toEqual(now);
  });

  it('is due the schedule\'s hours after the newest backup, not before', () => {
    expect(nextBackupAt(24, '2026-03-01T08:00:00Z', now)).toEqual(new Date('2026-03-02T08:00:00Z'));
    expect(backupDue(4, '2026-03-01T08:00:01Z', now)).toBe(false);
    expect(backupDue(4, '2026-03-01T08:00:00Z', now)).toBe(true);
  });

  it('is never due when the schedule is off', () => {
    expect(nextBackupAt(0, null, now)).toBeNull();
    expect(backupDue(0, '2020-01-01T00:00:00Z', now)).toBe(false);
  });
});
