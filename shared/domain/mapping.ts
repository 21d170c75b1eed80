import type { TargetField } from './fields.ts';

/** Header → target field (null: kept as an extra field). */
export type Mapping = Record<string, TargetField | null>;

/**
 * Headers are file content, so any text can be one, "__proto__" included.
 * Written into an ordinary object, that header sets the prototype instead of
 * a key and the column vanishes; mappings and extra-field objects are
 * therefore built without a prototype and read by own keys only.
 */
export function emptyMapping(): Mapping {
  return Object.create(null) as Mapping;
}

export function mappingOf(entries: Iterable<readonly [string, TargetField | null]>): Mapping {
  const mapping = emptyMapping();
  for (const [header, field] of entries) mapping[header] = field;
  return mapping;
}

/** The field a header maps to; never something inherited from Object.prototype. */
export function fieldOf(mapping: Mapping, header: string): TargetField | null {
  return Object.hasOwn(mapping, header) ? (mapping[header] ?? null) : null;
}

/** An object for header-keyed values (extra fields) that any header can be a key of. */
export function headerKeyed<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/**
 * The mapping with `header` mapped to `field` (null: kept as an extra field).
 * A field comes from one column: choosing it for this column frees it elsewhere.
 */
export function withField(headers: readonly string[], mapping: Mapping, header: string, field: TargetField | null): Mapping {
  return mappingOf(headers.map((h) => [h, h === header ? field : field && fieldOf(mapping, h) === field ? null : fieldOf(mapping, h)]));
}
