/**
 * The features a segmentation can use, in one registry. A feature says which
 * customer columns it reads and how one row becomes a number (or null when
 * the customer lacks it). Features computed elsewhere (recency, frequency and
 * monetary value of the newest per-customer RFM run) load their values once
 * in `prepare` and look the customer up by id; a customer the run did not
 * score (no purchase up to its as-of date) lacks them.
 */
import { checkBirthDate, dateOrderFor } from '../standardize/date.ts';
import { parseIncome } from '../standardize/income.ts';
import { resolveCountry } from '../standardize/country.ts';
import type { Db } from '../store/open-project.ts';
import { rfmScoreColumn, sampleExtraJson } from '../store/segments-repo.ts';
import { currentRun } from '../analysis/rfm-segments.ts';
import { AppError } from '../../shared/errors.ts';

/** One customer's row as the features see it: its id and the columns they asked for, by name. */
export interface FeatureRow {
  id: number;
  get(column: string): unknown;
}

export interface FeatureContext {
  /** Ages are counted as of this day. */
  now: Date;
}

export type FeatureReader = (row: FeatureRow) => number | null;

export interface FeatureDef {
  name: string;
  /** builtin: a customer field; rfm: a value of the newest RFM run; extra: a numeric column of the customers' unmapped (extra) data. */
  kind: 'builtin' | 'rfm' | 'extra';
  /** Columns of the customers table it reads. */
  columns: readonly string[];
  prepare(db: Db, ctx: FeatureContext): FeatureReader;
}

/** Age in whole years on `ctx.now`, from a birth date that parses, is not in the future and gives 0 to 120 years (the quality check's rule). */
const age: FeatureDef = {
  name: 'age',
  kind: 'builtin',
  columns: ['birth_date', 'country'],
  prepare: (_db, { now }) => {
    // A million customers share a few tens of thousands of birth dates: each is read once per date order.
    const seen = new Map<string, number | null>();
    return (row) => {
      const raw = row.get('birth_date');
      if (typeof raw !== 'string' || !raw.trim()) return null;
      const country = row.get('country');
      // Ambiguous slash dates are read the way the record's country writes them (07/03 is March in Germany, July in the US).
      const order = dateOrderFor(typeof country === 'string' ? resolveCountry(country) : undefined);
      const key = `${order}${raw}`;
      let age = seen.get(key);
      if (age === undefined) {
        const check = checkBirthDate(raw, order, now);
        age = check.status === 'valid' ? check.age : null;
        if (seen.size < 1_000_000) seen.set(key, age);
      }
      return age;
    };
  },
};

/** Income as written ("52,000", "€52.000", "5万"), read by the quality module's parser. */
const income: FeatureDef = {
  name: 'income',
  kind: 'builtin',
  columns: ['income'],
  prepare: () => (row) => numberOf(row.get('income')),
};

/** recency (days), frequency (purchases) and monetary value as the newest RFM run scored them, which must be per customer. */
function rfmFeature(name: 'recency' | 'frequency' | 'monetary', column: 'recency_days' | 'frequency' | 'monetary'): FeatureDef {
  return {
    name,
    kind: 'rfm',
    columns: [],
    prepare: (db) => {
      const values = rfmScoreColumn(db, column);
      return (row) => values.get(row.id) ?? null;
    },
  };
}

const builtins: readonly FeatureDef[] = [age, income, rfmFeature('recency', 'recency_days'), rfmFeature('frequency', 'frequency'), rfmFeature('monetary', 'monetary')];

/** Why the RFM features cannot be used yet (no run, or a run per golden record), null when they can. */
export function rfmFeaturesUnavailable(db: Db): 'no_run' | 'per_golden' | null {
  const run = currentRun(db);
  if (!run) return 'no_run';
  return run.per === 'golden' ? 'per_golden' : null;
}

function numberOf(raw: unknown): number | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  return parseIncome(raw)?.value ?? null;
}

/** Parsed extra data, cached per row: several extra features of one customer parse its JSON once. */
function extraReader(key: string): FeatureDef {
  return {
    name: key,
    kind: 'extra',
    columns: ['extra_json'],
    prepare: () => {
      let lastText: unknown = null;
      let lastParsed: Record<string, unknown> = {};
      return (row) => {
        const text = row.get('extra_json');
        if (typeof text !== 'string') return null;
        if (text !== lastText) {
          lastText = text;
          lastParsed = JSON.parse(text) as Record<string, unknown>;
        }
        return numberOf(lastParsed[key]);
      };
    },
  };
}

/** How many customers' extra data is looked at to decide which extra columns are numeric. */
const EXTRA_SAMPLE = 5000;
/** An extra column is offered when at least this share of its filled values in the sample read as numbers. */
const NUMERIC_SHARE = 0.9;

/** Extra columns whose values are numbers, judged on the first customers that have extra data. */
export function numericExtraColumns(db: Db): string[] {
  const filled = new Map<string, number>();
  const numeric = new Map<string, number>();
  for (const text of sampleExtraJson(db, EXTRA_SAMPLE)) {
    for (const [key, value] of Object.entries(JSON.parse(text) as Record<string, unknown>)) {
      if (value === null || value === '') continue;
      filled.set(key, (filled.get(key) ?? 0) + 1);
      if (numberOf(value) !== null) numeric.set(key, (numeric.get(key) ?? 0) + 1);
    }
  }
  const builtinNames = new Set(builtins.map((b) => b.name));
  return [...filled].filter(([key, n]) => !builtinNames.has(key) && (numeric.get(key) ?? 0) >= n * NUMERIC_SHARE).map(([key]) => key).sort();
}

/** Every feature the project offers: the built-in ones, then its numeric extra columns. */
export function availableFeatures(db: Db): FeatureDef[] {
  return [...builtins, ...numericExtraColumns(db).map(extraReader)];
}

/** The named features, in the order given; an unknown or repeated name is refused with the list of known ones. */
export function resolveFeatures(db: Db, names: readonly string[]): FeatureDef[] {
  if (names.length === 0) throw new AppError('invalid_input', 'Choose at least one feature.');
  if (new Set(names).size !== names.length) throw new AppError('invalid_input', 'A feature is listed twice.');
  const known = availableFeatures(db);
  const rfmProblem = rfmFeaturesUnavailable(db);
  return names.map((name) => {
    const def = known.find((f) => f.name === name);
    if (!def) throw new AppError('invalid_input', `Unknown feature "${name}". This project offers: ${known.map((f) => f.name).join(', ')}.`);
    if (def.kind === 'rfm' && rfmProblem === 'no_run') throw new AppError('invalid_input', `"${name}" comes from RFM, which has not been run on this project yet: run RFM first (the RFM view, or crm-steward rfm --save).`);
    if (def.kind === 'rfm' && rfmProblem === 'per_golden') throw new AppError('invalid_input', `"${name}" needs an RFM run per customer; the newest run is per golden record. Run RFM per customer first (the RFM view, or crm-steward rfm --save).`);
    return def;
  });
}
