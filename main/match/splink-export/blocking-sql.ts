/**
 * The engine's blocking rules (blocking-rules.ts) as Splink join conditions
 * on prepared.csv. The engine hashes a key per record; records with equal
 * keys are paired, which is the equality join below. Unlike Splink, the
 * engine skips blocks of more than 100 records and stops at a pair budget
 * (blocking.ts), so Splink may compare more pairs than the engine did.
 */
const eq = (c: string): string => `l.${c} = r.${c}`;
const prefixEq = (c: string, n: number): string => `substr(l.${c}, 1, ${n}) = substr(r.${c}, 1, ${n})`;
/**
 * "a|b" keys with the smaller value first: the two columns agree in either order. Two rules, not one
 * with OR: an OR is no equi-join, and Spark would compare every pair of records to evaluate it.
 */
const eitherOrder = (a: string, b: string): string[] => [`${eq(a)} AND ${eq(b)}`, `l.${a} = r.${b} AND l.${b} = r.${a}`];

const RULES: Readonly<Record<string, string | string[]>> = {
  email: eq('email'),
  phone: eq('phone_last7'),
  mobile: eq('mobile_last7'),
  'given+family (either order)': eitherOrder('given_name', 'family_name'),
  'family metaphone+birth year': `${eq('family_meta')} AND ${prefixEq('birth_date', 4)}`,
  'given metaphone+birth date': `${eq('given_meta')} AND ${eq('birth_date')}`,
  'family+postcode': `${eq('family_name')} AND ${eq('postcode')}`,
  'birth date+postcode': `${eq('birth_date')} AND ${eq('postcode')}`,
  'given+family metaphone (either order)': eitherOrder('given_meta', 'family_meta'),
  'birth date+city': `${eq('birth_date')} AND ${eq('city')}`,
  'birth date+given initial': `${eq('birth_date')} AND ${prefixEq('given_name', 1)}`,
  'birth date+family initial': `${eq('birth_date')} AND ${prefixEq('family_name', 1)}`,
  'email local part': `${eq('email_local')} AND length(l.email_local) >= 4`,
  'postcode+given initial': `${eq('postcode')} AND ${prefixEq('given_name', 1)}`,
  'postcode+family initial': `${eq('postcode')} AND ${prefixEq('family_name', 1)}`,
  'given metaphone+city': `${eq('given_meta')} AND ${eq('city')}`,
  'family metaphone+city': `${eq('family_meta')} AND ${eq('city')}`,
  'street number+name': `${eq('street_number')} AND ${eq('street_word')}`,
  company: eq('company'),
  'company word+postcode': `${eq('company_word')} AND ${eq('postcode')}`,
};

/** Join conditions of the model's rules; `acrossSources` (link mode) pairs only records of different sources. */
export function blockingSql(rules: readonly string[], acrossSources: boolean): string[] {
  return rules.flatMap((name) => {
    const sql = RULES[name];
    if (!sql) throw new Error(`No Splink form for the blocking rule ${name}.`);
    return (Array.isArray(sql) ? sql : [sql]).map((one) => (acrossSources ? `${one} AND l.source <> r.source` : one));
  });
}
