/** The project's quality settings, kept in the settings table so every run and every window agree. */
import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.ts';
import { resolveCountry } from '../standardize/country.ts';

export interface QualitySettings {
  /** ISO alpha-2 used for phones and postcodes when a record has no recognisable country. */
  defaultCountry: string | null;
  /** Records updated within this many days count as timely. */
  timelinessDays: number;
}

const key = 'quality';
export const defaultQualitySettings: QualitySettings = { defaultCountry: null, timelinessDays: 365 };

export function getQualitySettings(db: Database.Database): QualitySettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return { ...defaultQualitySettings };
  try {
    return { ...defaultQualitySettings, ...(JSON.parse(row.value) as Partial<QualitySettings>) };
  } catch {
    return { ...defaultQualitySettings };
  }
}

export function setQualitySettings(db: Database.Database, patch: Partial<QualitySettings>): QualitySettings {
  const next = { ...getQualitySettings(db), ...patch };
  if (next.defaultCountry) {
    const iso = resolveCountry(next.defaultCountry);
    if (!iso) throw new AppError('invalid_input', `"${next.defaultCountry}" is not a country we recognise.`);
    next.defaultCountry = iso;
  }
  if (!Number.isInteger(next.timelinessDays) || next.timelinessDays < 1) throw new AppError('invalid_input', 'The timeliness window must be a whole number of days, at least 1.');
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(next));
  return next;
}
