/**
 * Names: placeholders are caught by the placeholder check (they count as
 * missing); this judges the values that remain. Deliberately lenient: names
 * have apostrophes, hyphens, particles and every script.
 */

export function checkName(raw: string): string | undefined {
  const v = raw.trim();
  if (/@/.test(v)) return 'holds an email address, not a name';
  if (/\d/.test(v)) return 'contains digits';
  if (!/\p{L}/u.test(v)) return 'has no letters';
  if (/(.)\1{3,}/u.test(v)) return 'repeats one character';
  return undefined;
}
