/**
 * The one default configuration: every comparison whose data a project has.
 * A column counts as present when at least 1% of records fill it; below that
 * the EM estimates would rest on a handful of pairs.
 */
import type { Comparison } from './comparisons.ts';
import { birthDate, email, familyName, givenName, phone } from './comparisons.ts';
import { city, company, gender, postcode, region, street } from './comparisons-place.ts';
import { filledCount, type Prepared, type PreparedColumn } from './prepare.ts';

export const allComparisons: readonly Comparison[] = [
  givenName, familyName, birthDate, email, phone, street, postcode, city, region, company, gender,
];

const PRESENCE: Record<string, PreparedColumn[]> = { phone: ['phone', 'mobile'] };

export function hasColumn(p: Prepared, column: PreparedColumn): boolean {
  return filledCount(p, column) >= Math.max(2, 0.01 * p.n);
}

export function chooseComparisons(p: Prepared): Comparison[] {
  return allComparisons.filter((c) => (PRESENCE[c.name] ?? [c.columns[0]]).some((col) => hasColumn(p, col)));
}

export function comparisonByName(name: string): Comparison {
  const c = allComparisons.find((x) => x.name === name);
  if (!c) throw new Error(`unknown comparison ${name}`);
  return c;
}
