/**
 * The SQL functions the exported conditions need, per Splink backend. Splink
 * passes sql_condition through to the engine it runs on, so a condition must
 * be written in that engine's SQL: DuckDB's built-ins, or Spark SQL plus the
 * string-similarity UDFs Splink registers on Spark (jaro_winkler). No
 * lambdas: Splink reads the input columns a condition uses from its SQL, and
 * would take a lambda's variable for a column.
 */
export type SplinkDialect = 'duckdb' | 'spark';

export const SPLINK_DIALECTS: readonly SplinkDialect[] = ['duckdb', 'spark'];

export interface DialectSql {
  name: SplinkDialect;
  jaroWinkler(a: string, b: string): string;
  /** Shared space-separated tokens over the smaller token count (the engine's overlapCoefficient; a token repeated within one value counts once). */
  tokenOverlap(a: string, b: string): string;
  /** The two space-separated lists share an item. */
  listsShare(a: string, b: string): string;
  /** Equal, or one substitution, insertion, deletion or adjacent swap apart. */
  withinOneEdit(a: string, b: string): string;
  /** Two equal-length strings differ in exactly one position. */
  oneCharacterDiffers(a: string, b: string): string;
}

const tokens = (s: string): string => `str_split(${s}, ' ')`;
const sparkTokens = (s: string): string => `split(${s}, ' ')`;

const duckdb: DialectSql = {
  name: 'duckdb',
  jaroWinkler: (a, b) => `jaro_winkler_similarity(${a}, ${b})`,
  tokenOverlap: (a, b) => `(len(list_intersect(${tokens(a)}, ${tokens(b)})) / least(len(${tokens(a)}), len(${tokens(b)})))`,
  listsShare: (a, b) => `list_has_any(${tokens(a)}, ${tokens(b)})`,
  // At distance ≤ 1, Damerau–Levenshtein counts exactly the engine's edits.
  withinOneEdit: (a, b) => `damerau_levenshtein(${a}, ${b}) <= 1`,
  oneCharacterDiffers: (a, b) => `hamming(${a}, ${b}) = 1`,
};

const spark: DialectSql = {
  name: 'spark',
  jaroWinkler: (a, b) => `jaro_winkler(${a}, ${b})`,
  tokenOverlap: (a, b) => `(size(array_intersect(${sparkTokens(a)}, ${sparkTokens(b)})) / least(size(${sparkTokens(a)}), size(${sparkTokens(b)})))`,
  listsShare: (a, b) => `arrays_overlap(${sparkTokens(a)}, ${sparkTokens(b)})`,
  // Spark has no Damerau–Levenshtein: an adjacent swap is two equal-length edits over the same letters.
  withinOneEdit: (a, b) =>
    `(levenshtein(${a}, ${b}) <= 1 OR (levenshtein(${a}, ${b}) = 2 AND length(${a}) = length(${b}) AND array_sort(split(${a}, '')) = array_sort(split(${b}, ''))))`,
  // Birth dates are eight characters (YYYYMMDD).
  oneCharacterDiffers: (a, b) =>
    `${Array.from({ length: 8 }, (_, k) => `(CASE WHEN substr(${a}, ${k + 1}, 1) <> substr(${b}, ${k + 1}, 1) THEN 1 ELSE 0 END)`).join(' + ')} = 1`,
};

export function dialectSql(name: SplinkDialect): DialectSql {
  return name === 'spark' ? spark : duckdb;
}
