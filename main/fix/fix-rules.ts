/**
 * Every rule a suggestion can carry: the standardisers' rules (main/standardize)
 * and the one the fixes engine adds itself, filling a missing value from
 * another record of the same customer. The UI, the CLI and the settings read
 * this one list.
 */
import { standardiseRules } from '../standardize/standardise-rules.ts';

export interface FixRule {
  id: string;
  fields: readonly string[];
  safe: boolean;
  flags: boolean;
}

export const fixRules: readonly FixRule[] = [
  ...standardiseRules.map((r) => ({ id: r.id, fields: r.fields, safe: r.safe, flags: r.kind === 'flag' })),
  { id: 'fill_from_duplicate', fields: ['given_name', 'family_name', 'gender', 'birth_date', 'email', 'phone', 'mobile', 'company', 'street', 'city', 'region', 'postcode', 'country'], safe: false, flags: false },
];

export function isSafeFixRule(id: string): boolean {
  return fixRules.some((r) => r.id === id && r.safe);
}
