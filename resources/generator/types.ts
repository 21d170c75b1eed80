import type { CustomerFieldKey } from '../../shared/domain/fields.ts';

/** Locales the generator can write people for. Western ones are all representable in Windows-1252. */
export type Locale = 'en-US' | 'en-GB' | 'de-DE' | 'fr-FR' | 'es-ES' | 'it-IT' | 'nl-NL' | 'zh-CN';

export const ALL_LOCALES: readonly Locale[] = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'zh-CN'];
export const WESTERN_LOCALES: readonly Locale[] = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL'];

/**
 * A defect deliberately put into one cell. A quality checker's recall is the
 * share of these it finds, so every kind here is something a checker can see
 * in the cell alone (typos in names are not: those are duplicate variation).
 */
export type ErrorKind =
  | 'invalid_email' // missing @, double @, spaces, no top-level domain
  | 'email_domain_typo' // gmial.com, hotmial.com, 163.con
  | 'invalid_phone' // too few or too many digits, letters
  | 'placeholder_phone' // 000-000-0000, 1111111111
  | 'future_birth_date' // 2085 for 1985
  | 'impossible_age' // born before 1900
  | 'invalid_date' // 31/02/1985, 1985-13-45
  | 'negative_income'
  | 'absurd_income' // 1e10
  | 'placeholder_name' // TEST, asdf, xxx, N/A, 测试
  | 'placeholder_value' // n/a, -, unknown, none in other fields
  | 'missing_value'; // a value the person has, left blank

export const ERROR_KINDS: readonly ErrorKind[] = [
  'invalid_email', 'email_domain_typo', 'invalid_phone', 'placeholder_phone', 'future_birth_date', 'impossible_age',
  'invalid_date', 'negative_income', 'absurd_income', 'placeholder_name', 'placeholder_value', 'missing_value',
];

export interface InjectedError {
  field: CustomerFieldKey;
  kind: ErrorKind;
}

/** Every customer field as exported text; '' is a blank cell. */
export type CustomerTextValues = Record<CustomerFieldKey, string>;

/** Why a record exists: a new person, a repeat of an earlier one, or a new member of an earlier one's household. */
export type RecordRole = 'original' | 'duplicate' | 'household_member';

/** One generated record with its ground truth. */
export interface GeneratedCustomer {
  /** The real-world person. Records with equal entityId are duplicates; different ids are different people. */
  entityId: string;
  /** People living at one address with one landline. Never implies the same entityId. */
  householdId?: string;
  role: RecordRole;
  locale: Locale;
  values: CustomerTextValues;
  /** Exactly the defects injected into `values`, one per field at most. */
  errors: InjectedError[];
  /** The canonical value behind each standardisable cell, and whether the cell leads to it. */
  truth: RecordTruth;
}

/** The fields a standardiser puts into a canonical form, and which the truth file describes. */
export type TruthField = 'email' | 'phone' | 'mobile' | 'country' | 'birth_date' | 'gender' | 'income';

export const TRUTH_FIELDS: readonly TruthField[] = ['email', 'phone', 'mobile', 'country', 'birth_date', 'gender', 'income'];

/** What one cell really says. */
export interface CellTruth {
  /**
   * The canonical form: email trimmed and lower-case, phones E.164, country ISO 3166-1 alpha-2,
   * birth date YYYY-MM-DD, gender F/M/X, income a plain number. '' when the person has no such
   * value, or the cell is blank or a placeholder.
   */
  value: string;
  /**
   * Whether a careful standardiser, reading the cell in the conventions of the record's country,
   * gets exactly `value` from it without outside knowledge. null when the cell is blank.
   */
  recoverable: boolean | null;
}

export interface RecordTruth {
  email: CellTruth;
  phone: CellTruth;
  mobile: CellTruth;
  country: CellTruth;
  birth_date: CellTruth & {
    /** The pattern the cell is written in ('d/m/y', 'm/d/y', 'y-m-d', 'd.m.y', 'y年m月d日' …); '' when blank or a placeholder. */
    format: string;
    /** A slash or dash date, day and month first, both ≤ 12 and different: the value alone cannot tell which is which. */
    ambiguous: boolean | null;
  };
  gender: CellTruth;
  /** ISO 4217 currency, set only when the cell shows one ($, £, €, ¥, 元, EUR, GBP). */
  income: CellTruth & { currency: string };
}

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Share of records that repeat an earlier person (default 0.12). */
  duplicateRate?: number;
  /** Share of records that are a new member of an earlier person's household (default 0.06). */
  householdRate?: number;
  /** Share of records that get one or two injected errors (default 0.08). */
  errorRate?: number;
  /** Locales to draw people from, equally likely unless `localeWeights` says otherwise (default: all). */
  locales?: Locale[];
  localeWeights?: Partial<Record<Locale, number>>;
  /**
   * The "today" of the data set: timestamps fall in the six years before it and ages are
   * counted from it. Fixed by default so a seed always gives the same file.
   */
  referenceDate?: Date;
}
