/**
 * The SQL functions the exported conditions need, per Splink backend. Splink
 * passes sql_condition through to the engine it runs on, so a condition must
 * be written in that engine's SQL: DuckDB's built-ins, or Spark SQL plus the
 * string-similarity UDFs Splink registers on Spark (jaro_winkler).
 */
export type SplinkDialect = 'duckdb' | 'spark';

export const SPLINK_DIALECTS: readonly SplinkDialect[] = ['duckdb', 'spark'];

export interface DialectSql {
  name: SplinkDialect;
  jaroWinkler(a: string, b: string): string;
  /** Shared space-separated tokens of a over the smaller token count (the engine's overlapCoefficient). */
  tokenOverlap(a: string, b: string): string;
  /** The two space-separated lists share an item. */
  listsShare(a: string, b: string): string;
  /** Equal, or one substitution, insertion, deletion or adjacent swap apart. */
  withinOneEdit(a: string, b: string): string;
  /** Two equal-length strings differ in exactly one position. */
  oneCharacterDiffers(a: string, b: string): string;
  /** Some space-separated token of `tokens`, at least three characters long, starts `word`. */
  someTokenStarts(tokens: string, word: string): string;
}

const tokens = (s: string): string => `str_split(${s}, ' ')`;
const sparkTokens = (s: string): string => `split(${s}, ' ')`;

const duckdb: DialectSql = {
  name: 'duckdb',
  jaroWinkler: (a, b) => `jaro_winkler_similarity(${a}, ${b})`,
  tokenOverlap: (a, b) =>
    `(len(list_filter(${tokens(a)}, lambda t: list_contains(${tokens(b)}, t))) / least(len(${tokens(a)}), len(${tokens(b)})))`,
  listsShare: (a, b) => `list_has_any(${tokens(a)}, ${tokens(b)})`,
  // At distance ≤ 1, Damerau–Levenshtein counts exactly the engine's edits.
  withinOneEdit: (a, b) => `damerau_levenshtein(${a}, ${b}) <= 1`,
  oneCharacterDiffers: (a, b) => `hamming(${a}, ${b}) = 1`,
  someTokenStarts: (t, w) => `len(list_filter(${tokens(t)}, lambda x: length(x) >= 3 AND substr(${w}, 1, length(x)) = x)) > 0`,
};

const spark: DialectSql = {
  name: 'spark',
  jaroWinkler: (a, b) => `jaro_winkler(${a}, ${b})`,
  tokenOverlap: (a, b) =>
    `(size(filter(${sparkTokens(a)}, t -> array_contains(${sparkTokens(b)}, t))) / least(size(${sparkTokens(a)}), size(${sparkTokens(b)})))`,
  listsShare: (a, b) => `arrays_overlap(${sparkTokens(a)}, ${sparkTokens(b)})`,
  // Spark has no Damerau–Levenshtein: an adjacent swap is two equal-length edits over the same letters.
  withinOneEdit: (a, b) =>
    `(levenshtein(${a}, ${b}) <= 1 OR (levenshtein(${a}, ${b}) = 2 AND length(${a}) = length(${b}) AND array_sort(split(${a}, '')) = array_sort(split(${b}, ''))))`,
  oneCharacterDiffers: (a, b) => `size(filter(sequence(1, length(${a})), k -> substr(${a}, k, 1) <> substr(${b}, k, 1))) = 1`,
  someTokenStarts: (t, w) => `exists(${sparkTokens(t)}, x -> length(x) >= 3 AND substr(${w}, 1, length(x)) = x)`,
};

export function dialectSql(name: SplinkDialect): DialectSql {
  return name === 'spark' ? spark : duckdb;
}
