import type { TFunction } from 'i18next';
import type { BackupContents } from '../../../../shared/channels/backup.ts';

/** A file size as people read it: 17 KB, 4.2 MB, 1.3 GB (decimal units, as file managers show them). */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toLocaleString(lang, { maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 })} ${units[unit]}`;
}

export function formatWhen(iso: string, lang: string): string {
  // Seconds too: backups made within a minute of each other must not look the same.
  return new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** "200 customers, 1 source" in the reader's language (plural forms where the language has them). */
export function contentsText(t: TFunction, contents: Pick<BackupContents, 'customers' | 'sources'>, lang: string): string {
  return t('backups.contents', {
    customers: t('backups.count.customers', { count: contents.customers, formatted: contents.customers.toLocaleString(lang) }),
    sources: t('backups.count.sources', { count: contents.sources, formatted: contents.sources.toLocaleString(lang) }),
  });
}

/** Refusals the view can say in the reader's language; anything else is "something went wrong" with the detail. */
const knownRefusals = new Set(['passphrase_required', 'wrong_passphrase', 'backup_damaged', 'backup_incomplete', 'not_a_backup', 'project_unreadable', 'busy']);

export function refusalText(t: TFunction, code: string | undefined): string {
  return t(`backups.refusal.${code && knownRefusals.has(code) ? code : 'other'}`);
}

/** The service's English sentence adds facts (sizes, SQLite's finding) except for these, which it only repeats. */
export function detailAddsToRefusal(code: string | undefined): boolean {
  return code !== 'wrong_passphrase' && code !== 'passphrase_required' && code !== 'busy' && code !== 'cancelled';
}
