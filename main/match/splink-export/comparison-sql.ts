/**
 * The engine's comparisons (comparisons.ts, comparisons-place.ts) as ordered
 * Splink comparison levels: each level is the SQL of one branch of the
 * engine's level function, in the order the engine tests them, so the first
 * condition that holds is the level the engine picks. Where the engine adds
 * no evidence for a level it did find (an agreement another agreement
 * implies, implied-agreements.ts), an extra level says so and carries m = u.
 *
 * Columns are prepared.csv's (prepared-rows.ts) with Splink's _l / _r suffixes.
 */
import type { DialectSql } from './dialect.ts';

export interface LevelSql {
  /** The engine's level index this condition yields. */
  engineLevel: number;
  label: string;
  /** SQL condition; 'ELSE' for the last level. */
  sql: string;
  /**
   * The engine counts 0 bits for this level although it is not "missing" (m = u): 'always', or
   * 'agreement' when only an agreement (positive weight) is dropped (implied-agreements.ts).
   */
  noEvidence?: 'always' | 'agreement';
  /** prepared.csv column whose term frequency adjusts this level. */
  tfColumn?: string;
  /** A fixed weight in bits instead of the model's m and u (levels of the dependence corrections). */
  bits?: number;
}

export interface ComparisonSql {
  /** The engine comparison's name (also Splink's output_column_name). */
  name: string;
  description: string;
  levels: LevelSql[];
}

const l = (c: string): string => `${c}_l`;
const r = (c: string): string => `${c}_r`;
const eq = (c: string): string => `${l(c)} = ${r(c)}`;
const isNull = (c: string): string => `${l(c)} IS NULL OR ${r(c)} IS NULL`;
const any = (...xs: string[]): string => xs.map((x) => `(${x})`).join(' OR ');
const all = (...xs: string[]): string => xs.map((x) => `(${x})`).join(' AND ');

/**
 * The levels of a one-column comparison as the engine orders them: missing, `before` (levels tested
 * ahead of agreement), exact (adjusted by the column's term frequency when `tf`), the comparison's own
 * levels, and plain disagreement (the engine's last level).
 */
function framed(column: string, exactLabel: string, tf: boolean, middle: LevelSql[], before: LevelSql[] = []): LevelSql[] {
  const last = Math.max(1, ...middle.map((x) => x.engineLevel)) + 1;
  return [
    { engineLevel: 0, label: 'missing', sql: isNull(column) },
    ...before,
    { engineLevel: 1, label: exactLabel, sql: eq(column), ...(tf ? { tfColumn: column } : {}) },
    ...middle,
    { engineLevel: last, label: 'different', sql: 'ELSE' },
  ];
}

/** Name a of one record is the other name slot of the other record (comparisons.ts swapped()), with its first/second-letter gate. */
function swapped(d: DialectSql, a: string, otherOfB: string, b: string, otherOfA: string): string {
  const gate = any(
    `substr(${a}, 1, 1) = substr(${otherOfB}, 1, 1)`,
    `length(${a}) > 1 AND length(${otherOfB}) > 1 AND substr(${a}, 2, 1) = substr(${otherOfB}, 2, 1)`,
    `length(${a}) <= 1 AND length(${otherOfB}) <= 1`,
  );
  return all(`${otherOfB} IS NOT NULL`, gate, `${d.jaroWinkler(a, otherOfB)} >= 0.92`, any(`${otherOfA} IS NULL`, `${d.jaroWinkler(b, otherOfA)} >= 0.92`));
}

/** Either record's primary or secondary double-metaphone code equals one of the other's (comparisons.ts metaEqual). */
function metaphoneAgrees(prefix: string): string {
  const m1 = `${prefix}_meta`;
  const m2 = `${prefix}_meta2`;
  return all(`${l(m1)} IS NOT NULL`, any(eq(m1), `${l(m2)} = ${r(m1)}`, `${l(m2)} = ${r(m2)}`, `${l(m1)} = ${r(m2)}`));
}

function givenName(d: DialectSql): ComparisonSql {
  return {
    name: 'given_name',
    description: 'Given name (folded, nickname groups, double metaphone); exact agreement adjusted by term frequency.',
    levels: framed('given_name', 'exact', true, [
      { engineLevel: 2, label: 'nickname', sql: d.listsShare(l('given_nicknames'), r('given_nicknames')) },
      { engineLevel: 3, label: 'jaro-winkler ≥ 0.92', sql: `${d.jaroWinkler(l('given_name'), r('given_name'))} >= 0.92` },
      { engineLevel: 4, label: 'swapped with family name', sql: swapped(d, l('given_name'), r('family_name'), r('given_name'), l('family_name')) },
      { engineLevel: 5, label: 'double metaphone', sql: metaphoneAgrees('given') },
      { engineLevel: 6, label: 'jaro-winkler ≥ 0.80', sql: `${d.jaroWinkler(l('given_name'), r('given_name'))} >= 0.8` },
      { engineLevel: 7, label: 'initial', sql: all(any(`length(${l('given_name')}) = 1`, `length(${r('given_name')}) = 1`), `substr(${l('given_name')}, 1, 1) = substr(${r('given_name')}, 1, 1)`) },
    ]),
  };
}

function familyName(d: DialectSql): ComparisonSql {
  return {
    name: 'family_name',
    description: 'Family name (folded, double metaphone); exact agreement adjusted by term frequency.',
    levels: framed('family_name', 'exact', true, [
      { engineLevel: 3, label: 'jaro-winkler ≥ 0.92', sql: `${d.jaroWinkler(l('family_name'), r('family_name'))} >= 0.92` },
      { engineLevel: 2, label: 'swapped with given name', sql: swapped(d, l('family_name'), r('given_name'), r('family_name'), l('given_name')) },
      { engineLevel: 4, label: 'double metaphone', sql: metaphoneAgrees('family') },
      { engineLevel: 5, label: 'jaro-winkler ≥ 0.80', sql: `${d.jaroWinkler(l('family_name'), r('family_name'))} >= 0.8` },
    ]),
  };
}

function birthDate(d: DialectSql): ComparisonSql {
  const [a, b] = [l('birth_date'), r('birth_date')];
  const sameYear = `substr(${a}, 1, 4) = substr(${b}, 1, 4)`;
  return {
    name: 'birth_date',
    description: 'Birth date as YYYYMMDD, read in the record country\'s day/month order; placeholder dates are missing.',
    levels: framed('birth_date', 'exact', false, [
      { engineLevel: 2, label: 'day and month swapped', sql: all(sameYear, `substr(${a}, 5, 2) = substr(${b}, 7, 2)`, `substr(${a}, 7, 2) = substr(${b}, 5, 2)`) },
      { engineLevel: 3, label: 'one digit off', sql: d.oneCharacterDiffers(a, b) },
      { engineLevel: 4, label: 'same year', sql: sameYear },
    ]),
  };
}

function email(d: DialectSql, withNames: boolean): ComparisonSql {
  const lookAlike = any(eq('email_local'), `${d.jaroWinkler(l('email_local'), r('email_local'))} >= 0.95`);
  const piece = `substr(${l('family_name')}, 1, 5)`;
  // comparisons.ts builtFromSharedName: both local parts contain the start of a family name both records carry.
  const builtFromSharedName = all(
    `length(${piece}) >= 3`,
    any(`instr(${r('family_name')}, ${piece}) > 0`, `instr(${r('given_name')}, ${piece}) > 0`),
    `instr(${l('email_letters')}, ${piece}) > 0`, `instr(${r('email_letters')}, ${piece}) > 0`,
  );
  const namesExact = all(eq('given_name'), eq('family_name'));
  return {
    name: 'email',
    description: 'Canonical email (case, gmail dots and +tags removed). Look-alike local parts add nothing when they are built from a shared family name or both names agree exactly (the names already count that agreement).',
    levels: framed('email', 'exact (canonical)', true, [
      { engineLevel: 0, label: 'look-alike local part built from a shared family name', sql: all(lookAlike, builtFromSharedName) },
      ...(withNames ? [
        { engineLevel: 2, label: 'same local part, names agree exactly (implied)', sql: all(eq('email_local'), namesExact), noEvidence: 'agreement' as const },
        { engineLevel: 3, label: 'local part jaro-winkler ≥ 0.95, names agree exactly (implied)', sql: all(lookAlike, namesExact), noEvidence: 'agreement' as const },
      ] satisfies LevelSql[] : []),
      { engineLevel: 2, label: 'same local part', sql: eq('email_local') },
      { engineLevel: 3, label: 'local part jaro-winkler ≥ 0.95', sql: `${d.jaroWinkler(l('email_local'), r('email_local'))} >= 0.95` },
    ]),
  };
}

function phone(): ComparisonSql {
  const pairs = (x: string): string[] => [`${l(x)} = ${r(x)}`, `${l(x)} = ${r(x.replace('phone', 'mobile'))}`, `${l(x.replace('phone', 'mobile'))} = ${r(x)}`, `${l(x.replace('phone', 'mobile'))} = ${r(x.replace('phone', 'mobile'))}`];
  const [samePhone, ...crossOrMobile] = pairs('phone');
  return {
    name: 'phone',
    description: 'Phone and mobile in E.164, compared across each other. Splink adjusts by the frequency of the phone column of either record; the engine by the left record\'s phone.',
    levels: [
      { engineLevel: 0, label: 'missing', sql: all(`${l('phone')} IS NULL AND ${l('mobile')} IS NULL`) + ` OR ` + all(`${r('phone')} IS NULL AND ${r('mobile')} IS NULL`) },
      { engineLevel: 1, label: 'exact (E.164)', sql: samePhone, tfColumn: 'phone' },
      { engineLevel: 1, label: 'exact (E.164), phone and mobile crossed', sql: any(...crossOrMobile), tfColumn: 'phone' },
      { engineLevel: 2, label: 'same last 7 digits', sql: any(...pairs('phone_last7')) },
      { engineLevel: 3, label: 'different', sql: 'ELSE' },
    ],
  };
}

function street(d: DialectSql): ComparisonSql {
  const overlap = d.tokenOverlap(l('street'), r('street'));
  return {
    name: 'street',
    description: 'Street as normalised tokens (abbreviations expanded); exact agreement adjusted by term frequency.',
    levels: framed('street', 'exact', true, [
      { engineLevel: 2, label: 'same number, similar words', sql: all(eq('street_number'), any(`${overlap} >= 0.6`, `${d.jaroWinkler(l('street'), r('street'))} >= 0.9`)) },
      { engineLevel: 3, label: 'most tokens shared', sql: `${overlap} >= 0.6` },
      { engineLevel: 4, label: 'some tokens shared', sql: `${overlap} >= 0.3` },
    ]),
  };
}

function postcode(d: DialectSql): ComparisonSql {
  return {
    name: 'postcode',
    description: 'Postcode without spaces, upper case; exact agreement adjusted by term frequency.',
    levels: framed('postcode', 'exact', true, [{ engineLevel: 2, label: 'one edit apart', sql: d.withinOneEdit(l('postcode'), r('postcode')) }]),
  };
}

/** The city comparison's agreeing levels, which make a region agreement implied. */
function cityAgrees(d: DialectSql): string {
  return any(eq('city'), `${d.jaroWinkler(l('city'), r('city'))} >= 0.9`);
}

function city(d: DialectSql): ComparisonSql {
  return {
    name: 'city',
    description: 'City (folded); exact agreement adjusted by term frequency.',
    levels: framed('city', 'exact', true, [{ engineLevel: 2, label: 'jaro-winkler ≥ 0.90', sql: `${d.jaroWinkler(l('city'), r('city'))} >= 0.9` }]),
  };
}

function region(d: DialectSql, withCity: boolean): ComparisonSql {
  const implied: LevelSql[] = withCity
    ? [{ engineLevel: 1, label: 'exact, city agrees (implied)', sql: all(eq('region'), l('city') + ' IS NOT NULL', r('city') + ' IS NOT NULL', cityAgrees(d)), noEvidence: 'agreement' }]
    : [];
  return {
    name: 'region',
    description: 'Region (folded). A region agreement adds nothing when the city agrees: the city names its region.',
    levels: framed('region', 'exact', false, [], implied),
  };
}

function company(d: DialectSql): ComparisonSql {
  const overlap = d.tokenOverlap(l('company'), r('company'));
  // comparisons-place.ts namedAfterSharedFamily: "Thompson Inc." for two Thompsons.
  const namedAfterFamily = all(eq('family_name'), `${l('company_named_after_family')} = '1'`, `${r('company_named_after_family')} = '1'`);
  return {
    name: 'company',
    description: 'Company without legal form; a company named after a family name both records share adds nothing (the family name counts it).',
    levels: framed('company', 'exact (legal form removed)', true, [
      { engineLevel: 2, label: 'most words shared', sql: `${overlap} >= 0.75` },
      { engineLevel: 3, label: 'jaro-winkler ≥ 0.90', sql: `${d.jaroWinkler(l('company'), r('company'))} >= 0.9` },
      { engineLevel: 4, label: 'some words shared', sql: `${overlap} >= 0.4` },
    ], [{ engineLevel: 0, label: 'named after the shared family name', sql: namedAfterFamily }]),
  };
}

function gender(): ComparisonSql {
  return {
    name: 'gender',
    description: 'Gender as one code per recognised gender.',
    levels: framed('gender', 'same', false, []),
  };
}

/** The SQL levels of an engine comparison by name; `names` are the model's comparisons (for cross-comparison levels). */
export function comparisonSql(name: string, d: DialectSql, names: readonly string[]): ComparisonSql {
  switch (name) {
    case 'given_name': return givenName(d);
    case 'family_name': return familyName(d);
    case 'birth_date': return birthDate(d);
    case 'email': return email(d, names.includes('given_name') && names.includes('family_name'));
    case 'phone': return phone();
    case 'street': return street(d);
    case 'postcode': return postcode(d);
    case 'city': return city(d);
    case 'region': return region(d, names.includes('city'));
    case 'company': return company(d);
    case 'gender': return gender();
    default: throw new Error(`No Splink form for the comparison ${name}.`);
  }
}

/** A CASE expression giving the engine's level index of a comparison (for conditions that read other comparisons). */
export function engineLevelCase(c: ComparisonSql): string {
  const whens = c.levels.filter((x) => x.sql !== 'ELSE').map((x) => `WHEN ${x.sql} THEN ${x.engineLevel}`).join(' ');
  const last = c.levels[c.levels.length - 1];
  return `(CASE ${whens} ELSE ${last.engineLevel} END)`;
}
