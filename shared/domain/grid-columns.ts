/**
 * Which columns the customers grid opens with. The columns people read most,
 * in the order they come in the grid, among those the project's records fill;
 * until the project says (or when it has no records), all of them. A column
 * nobody's export fills is left out: it would only push Email off the screen.
 */
export const preferredColumns = ['source', 'source_record_id', 'full_name', 'given_name', 'family_name', 'email', 'phone', 'mobile', 'company', 'city', 'country', 'birth_date', 'updated_at'];

/** At most this many: more would not fit a window, and the column chooser shows the rest. */
const MAX_DEFAULT = 12;

/** The default columns for a project whose records fill these fields (the source is always named). */
export function defaultColumns(filled: readonly string[] | null): string[] {
  if (filled === null || filled.length === 0) return preferredColumns;
  const has = new Set(['source', ...filled]);
  const preferred = preferredColumns.filter((c) => has.has(c));
  // A project that fills few of the usual columns shows what it does fill (street, postcode, gender …) after them.
  const rest = filled.filter((c) => !preferredColumns.includes(c));
  return [...preferred, ...rest].slice(0, MAX_DEFAULT);
}
