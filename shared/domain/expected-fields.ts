import type { Entity, TargetField } from './fields.ts';
import { fieldOf, type Mapping } from './mapping.ts';

/**
 * The customer fields every judgement of a file leans on: the record id
 * (re-imports, references, uniqueness), a name, an email, a phone and the
 * last update (timeliness). Left unmapped while the file has a column that
 * looks like one, they silently skew the quality figures, so the preview
 * warns.
 */
export const expectedFields = [
  { field: 'source_record_id', satisfiedBy: ['source_record_id'] },
  { field: 'full_name', satisfiedBy: ['full_name', 'given_name', 'family_name'] },
  { field: 'email', satisfiedBy: ['email'] },
  { field: 'phone', satisfiedBy: ['phone', 'mobile'] },
  { field: 'updated_at', satisfiedBy: ['updated_at'] },
] as const satisfies readonly { field: TargetField; satisfiedBy: readonly TargetField[] }[];

export type ExpectedField = (typeof expectedFields)[number]['field'];

/** Columns of a file that look like an expected field, by their name or their values. */
export interface LikelyColumns {
  field: ExpectedField;
  headers: string[];
}

export interface UnmappedWarning {
  field: ExpectedField;
  /** Columns kept as extra fields that look like it. */
  headers: string[];
}

/**
 * The expected fields a customer file leaves unmapped although one of its
 * extra-field columns looks like them. The record id counts as mapped when
 * an id column is chosen.
 */
export function unmappedWarnings(entity: Entity, mapping: Mapping, idColumn: string | null, likely: LikelyColumns[]): UnmappedWarning[] {
  if (entity !== 'customer') return [];
  const mapped = new Set(Object.keys(mapping).map((h) => fieldOf(mapping, h)));
  if (idColumn) mapped.add('source_record_id');
  const warnings: UnmappedWarning[] = [];
  for (const expected of expectedFields) {
    if (expected.satisfiedBy.some((f) => mapped.has(f))) continue;
    const headers = likely.find((l) => l.field === expected.field)?.headers.filter((h) => fieldOf(mapping, h) === null && h !== idColumn) ?? [];
    if (headers.length) warnings.push({ field: expected.field, headers });
  }
  return warnings;
}
