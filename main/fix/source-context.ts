/**
 * What the standardisers need to know about a record's source before they
 * can judge its values: the country most of its records name (for phones
 * without a country of their own), and the day/month order each date column
 * shows in its unambiguous values (a day above 12 settles it), so that an
 * ambiguous "07/03/1985" is read the way its own column writes dates, or
 * flagged when the column gives no evidence.
 */
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import type { DateOrder } from '../standardize/date.ts';
import { resolveCountry } from '../standardize/country.ts';
import { detectPlaceholder } from '../standardize/placeholder.ts';
import type { Db } from '../store/open-project.ts';
import { DateOrderEvidence } from '../standardize/standardise-date.ts';

export const dateFields = ['birth_date', 'created_at', 'updated_at'] as const satisfies readonly CustomerFieldKey[];

export interface SourceContext {
  country: string | undefined;
  dateOrders: Partial<Record<CustomerFieldKey, DateOrder | undefined>>;
}

/** The record's own country, unless blank or a placeholder. */
export function recordCountry(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !raw.trim() || detectPlaceholder(raw, 'country')) return undefined;
  return resolveCountry(raw);
}

export function readSourceContexts(db: Db): Map<number, SourceContext> {
  const contexts = new Map<number, SourceContext>();
  const tallies = new Map<number, Map<string, number>>();
  const spellings = db.prepare('SELECT source_id, country, count(*) n FROM customers WHERE country IS NOT NULL GROUP BY source_id, country').raw().iterate() as IterableIterator<[number, unknown, number]>;
  for (const [source, country, n] of spellings) {
    const iso = recordCountry(country);
    if (!iso) continue;
    const t = tallies.get(source) ?? new Map<string, number>();
    t.set(iso, (t.get(iso) ?? 0) + n);
    tallies.set(source, t);
  }
  const evidence = new Map<number, DateOrderEvidence[]>();
  const dates = db.prepare(`SELECT source_id, ${dateFields.join(', ')} FROM customers`).raw().iterate() as IterableIterator<[number, ...unknown[]]>;
  for (const row of dates) {
    let e = evidence.get(row[0]);
    if (!e) evidence.set(row[0], (e = dateFields.map(() => new DateOrderEvidence())));
    for (let i = 0; i < dateFields.length; i++) {
      const v = row[i + 1];
      if (typeof v === 'string') e[i].add(v);
    }
  }
  const sources = db.prepare('SELECT id FROM sources').pluck().all() as number[];
  for (const id of sources) {
    const t = tallies.get(id);
    const country = t ? [...t.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] : undefined;
    const e = evidence.get(id);
    const dateOrders = Object.fromEntries(dateFields.map((f, i) => [f, e?.[i].inferredOrder()]));
    contexts.set(id, { country, dateOrders });
  }
  return contexts;
}
