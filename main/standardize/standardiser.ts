/**
 * What a standardiser says about one value: nothing (already in its
 * canonical form, a placeholder, blank, or nothing it can do), a proposed new
 * value with the rule that made it and how sure it is, or a flag (the value
 * is damaged or ambiguous and must not be "fixed" by guessing). Standardisers
 * are pure functions of the value and a small context; the fixes engine runs
 * them over records (standardiseRecord in standardise-record.ts), stores what
 * they say as suggestions and applies the ones a steward (or an automatic
 * rule marked safe) accepts.
 *
 * Confidence scale (0..1), the same for every rule:
 *   1.0        deterministic canonicalisation, nothing inferred: whitespace,
 *              invisible characters, NFC, e-mail case, E.164 of a number that
 *              carries its own country code or is read in the record's country,
 *              ISO of an unambiguous date, ISO code of a recognised country,
 *              gender words, a plain number ("85000.00") or one with a
 *              currency code ("19000 EUR").
 *   0.9–0.95   deterministic given a written convention: postcode layout in the
 *              record's country (0.95), grouped money ("$" aside: 0.95), a
 *              multiplier (52k, 5万: 0.9), gender from a title (Mrs, 先生: 0.9),
 *              a date whose day/month order comes from its column (0.9), a
 *              "mailto:" prefix removed (0.9), plain name casing (0.9).
 *   0.75–0.85  inference from context or usage: two-digit years (0.85), both
 *              a column order and a two-digit year (0.8), country taken from
 *              the source's dominant country (phones 0.8, postcodes 0.8, street
 *              words 0.7), address case (0.85), street types and units (0.8),
 *              a currency read from "$", "¥", "kr" (0.8), a separator that
 *              could be a decimal ("€85.000", "1,5": 0.8), "V" as a gender read
 *              by country (0.8), name casing decided by a Mc/Mac, particle or
 *              apostrophe rule (0.75).
 *   0.4–0.8    a guess a steward must look at: e-mail domain typos (0.8 for a
 *              misspelt top-level domain such as .con, 0.75 one edit, 0.6 two),
 *              repaired e-mail syntax (0.6), Excel serial dates (0.7), a lost
 *              leading zero (0.7, 0.6 by the source's country), name splits
 *              (0.9 Chinese or Korean, 0.85 two words or "Family, Given", 0.75
 *              at a particle, 0.6 three or more words; 0.2 less for Latin
 *              script in East Asian records).
 * When several rules change one value the proposal's confidence is the
 * lowest of theirs (the cleaning rules are 1.0, so it is the field rule's).
 * A proposal may be applied automatically when its rule is safe
 * (standardise-rules.ts); the cleaning rules are all safe, so a proposal is
 * safe exactly when its reported (most significant) rule is.
 */
import type { DateOrder } from './date.ts';
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import type { RuleId } from './standardise-rules.ts';

export type { RuleId } from './standardise-rules.ts';

/** Everything a per-value rule may know besides the value. */
export interface StandardiseContext {
  /** ISO alpha-2 of the record's own country field, when recognised. */
  recordCountry: string | undefined;
  /** The most common recognised country of the record's source, for records without one. */
  sourceCountry: string | undefined;
  /**
   * The column's date order inferred from its unambiguous values
   * (DateOrderEvidence in standardise-date.ts), or undefined when the column
   * gives no evidence or contradicts itself: an ambiguous value is then flagged.
   */
  dateOrder: DateOrder | undefined;
  /** The clock, for two-digit years. */
  now: Date;
}

/** A proposed change: the value to store, the rule that proposes it and how sure it is (0..1). */
export interface Proposal {
  kind: 'change';
  /** The final canonical value (text, or a number for money). */
  value: string | number;
  /** The most significant rule that changed the value (precedence: ruleRank in standardise-rules.ts). */
  rule: RuleId;
  confidence: number;
  /** The other rules that also changed this value (e.g. text_whitespace under name_case), most significant first. */
  also?: RuleId[];
  /** Parameters for the explanation shown, e.g. { country: 'DE', countryFrom: 'source' } or { currency: 'EUR' }. */
  params?: Record<string, string | number>;
}

/** A value that must not be changed by a guess: damaged (4.15555E+09) or ambiguous (07/03/85 with no evidence). */
export interface Flag {
  kind: 'flag';
  rule: RuleId;
  /** Parameters for the sentence shown (shared/i18n fix texts), e.g. { value, reason }. */
  params: Record<string, string | number>;
}

export type Outcome = Proposal | Flag | null;

/**
 * One field's outcome in a record. `group` ties outcomes that must be
 * accepted or rejected together: the name split proposes given_name and
 * family_name as one suggestion (group 'name_split').
 */
export interface FieldOutcome {
  field: CustomerFieldKey;
  outcome: Proposal | Flag;
  group?: string;
}

/** What a field rule returns before the record step adds cleaning rules and compares with the original. */
export interface Change {
  value: string | number;
  rule: RuleId;
  confidence: number;
  params?: Record<string, string | number>;
  also?: RuleId[];
}

export function change(value: string | number, rule: RuleId, confidence: number, params?: Record<string, string | number>): Change {
  return params ? { value, rule, confidence, params } : { value, rule, confidence };
}

export function flag(rule: RuleId, params: Record<string, string | number>): Flag {
  return { kind: 'flag', rule, params };
}
