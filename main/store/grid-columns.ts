/**
 * The customers grid's columns, kept per project in its settings table (a
 * choice made in browser mode must survive the next start, whose address
 * and so whose browser storage differ), and the fields its records fill.
 */
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import type { Db } from './open-project.ts';

const key = 'customers_grid_columns';

/** Records read to see which fields hold data: enough to find any field filled in one record of a few thousand. */
const SAMPLE = 5000;

/** The visible columns the user chose for this project, or null if they never did. */
export function chosenColumns(db: Db): string[] | null {
  const text = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) && v.every((c) => typeof c === 'string') ? v : null;
  } catch {
    return null;
  }
}

export function chooseColumns(db: Db, visible: string[]): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(visible));
}

/**
 * The customer fields some record fills, judged on up to SAMPLE records
 * spread evenly over the ids (every record in a smaller project): reading
 * that many rows by id takes milliseconds at a million customers, where a
 * scan of the whole table for an empty column would take seconds.
 */
export function filledFields(db: Db): string[] {
  const { lo, hi } = db.prepare('SELECT min(id) lo, max(id) hi FROM customers').get() as { lo: number | null; hi: number | null };
  if (lo === null || hi === null) return [];
  const step = Math.max(1, (hi - lo + 1) / SAMPLE);
  const count = Math.min(SAMPLE, hi - lo + 1);
  const has = customerFieldKeys.map((f) => `max(${f} IS NOT NULL AND trim(${f}) <> '') AS ${f}`).join(', ');
  const row = db
    .prepare(`WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < ?) SELECT ${has} FROM customers WHERE id IN (SELECT ? + CAST(i * ? AS INTEGER) FROM k)`)
    .get(count, lo, step) as Record<string, number | null>;
  return customerFieldKeys.filter((f) => row[f] === 1);
}
