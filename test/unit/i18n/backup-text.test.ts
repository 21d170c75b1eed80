import { describe, expect, it } from 'vitest';
import { textKeys } from './text-keys.ts';
import { backup_en } from '../../../renderer/src/i18n/areas/backup.en.ts';
import { backup_zhCN } from '../../../renderer/src/i18n/areas/backup.zh-CN.ts';
import { BackupReason } from '../../../shared/channels/backup.ts';
import { BatchKind } from '../../../shared/channels/fix.ts';

describe('Backups view text', () => {
  const english = textKeys(backup_en);
  const chinese = textKeys(backup_zhCN);

  it('has the same keys in English and Simplified Chinese', () => {
    expect([...english].filter((k) => !chinese.has(k))).toEqual([]);
    expect([...chinese].filter((k) => !english.has(k))).toEqual([]);
  });

  it('names every reason a backup is made, every kind of last change and every step of a backup or restore', () => {
    for (const reason of BackupReason.options) expect(english.has(`backups.reason.${reason}`), reason).toBe(true);
    for (const kind of ['import', ...BatchKind.options]) expect(english.has(`backups.change.${kind}`), kind).toBe(true);
    // The steps main/backup reports (create-backup.ts, restore-backup.ts) and the job runner's 'queued'.
    for (const step of ['queued', 'snapshot', 'encrypt', 'decrypt', 'verify']) expect(english.has(`backups.step.${step}`), step).toBe(true);
  });

  it('says every refusal of a restore in words of its own', () => {
    for (const code of ['wrong_passphrase', 'backup_damaged', 'backup_incomplete', 'not_a_backup']) {
      expect(backup_zhCN.backups.refusal[code as keyof typeof backup_zhCN.backups.refusal]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
