/**
 * What a standardiser says about one value: nothing (already in its
 * canonical form, or nothing it can do), a proposed new value with the rule
 * that made it and how sure it is, or a flag (the value is damaged or
 * ambiguous and must not be "fixed" by guessing). Standardisers are pure
 * functions of the value and a small context; the fixes engine runs them
 * over records, stores what they say as suggestions and applies the ones a
 * steward (or an automatic rule marked safe) accepts.
 */
import type { DateOrder } from './date.ts';

/** Everything a rule may know besides the value. */
export interface StandardiseContext {
  /** ISO alpha-2 of the record's own country field, when recognised. */
  recordCountry: string | undefined;
  /** The most common recognised country of the record's source, for records without one. */
  sourceCountry: string | undefined;
  /**
   * The column's date order inferred from its unambiguous values (a day
   * above 12 settles a slash date), or undefined when the column gives no
   * evidence or contradicts itself: an ambiguous value is then flagged.
   */
  dateOrder: DateOrder | undefined;
  /** The clock, for two-digit years and plausibility. */
  now: Date;
}

/** A proposed change: the value to store, the rule that proposes it and how sure it is (0..1). */
export interface Proposal {
  kind: 'change';
  value: string | number;
  rule: string;
  confidence: number;
}

/** A value that must not be changed by a guess: damaged (4.15555E+09) or ambiguous (07/03/85 with no evidence). */
export interface Flag {
  kind: 'flag';
  rule: string;
  /** Parameters for the sentence shown (shared/i18n fix texts), e.g. { value, reason }. */
  params: Record<string, string | number>;
}

export type Outcome = Proposal | Flag | null;
