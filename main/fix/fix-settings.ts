/** The project's fix settings (which safe rules apply automatically), kept in the settings table. */
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../store/open-project.ts';
import { isSafeFixRule } from './fix-rules.ts';

export interface FixSettings {
  autoApply: string[];
}

const key = 'fix';

export function fixSettings(db: Db): FixSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  const stored = row ? (JSON.parse(row) as Partial<FixSettings>) : {};
  return { autoApply: (stored.autoApply ?? []).filter(isSafeRule) };
}

/** Only rules marked safe may apply without a person looking: anything else is refused, not silently dropped. */
export function saveFixSettings(db: Db, next: FixSettings): FixSettings {
  const unsafe = next.autoApply.filter((r) => !isSafeRule(r));
  if (unsafe.length) throw new AppError('invalid_input', `These rules are not safe to apply automatically: ${unsafe.join(', ')}.`);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(next));
  return fixSettings(db);
}

const isSafeRule = isSafeFixRule;
