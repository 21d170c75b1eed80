import { describe, expect, it } from 'vitest';
import { newBackupPath, parseBackupName } from '../../../main/backup/backup-folder.ts';

describe('backup file names', () => {
  it('say whose backup it is, when (UTC, to the millisecond) and why, and read back', () => {
    const path = newBackupPath('/b', '/p/Acme-2026 customers.crmsteward', 'before-fix', new Date('2026-12-05T10:30:00.123Z'));
    expect(path).toBe('/b/Acme-2026 customers-2026-12-05T10-30-00-123Z-before-fix.crmsteward.gz.age');
    expect(parseBackupName(path.slice(3))).toEqual({ stem: 'Acme-2026 customers', createdAt: '2026-12-05T10:30:00.123Z', reason: 'before-fix' });
  });

  it('ignore files that are not backups (temporary files, descriptions, anything else)', () => {
    expect(parseBackupName('.acme-2026-12-05T10-30-00-123Z-manual.crmsteward.gz.age.123.0a1b2c3d.partial')).toBeNull();
    expect(parseBackupName('acme-2026-12-05T10-30-00-123Z-manual.crmsteward.gz.age.json')).toBeNull();
    expect(parseBackupName('notes.txt')).toBeNull();
  });
});
