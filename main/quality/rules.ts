/**
 * Every rule the profiler can report, with the dimension it counts against
 * and its severity. The dashboard legend, the report and the metrics all read
 * this one table.
 */
import type { Dimension, Severity } from './types.ts';

export interface RuleDef {
  dimension: Dimension;
  severity: Severity;
  /** Short English description for legends and the report. */
  title: string;
}

export const rules = {
  missing: { dimension: 'completeness', severity: 'warning', title: 'Value missing' },
  placeholder: { dimension: 'completeness', severity: 'warning', title: 'Placeholder instead of a value' },

  email_syntax: { dimension: 'validity', severity: 'error', title: 'Email address malformed' },
  email_domain_typo: { dimension: 'validity', severity: 'warning', title: 'Email domain looks mistyped' },
  phone_invalid: { dimension: 'validity', severity: 'error', title: 'Phone number not valid for its country' },
  mobile_is_landline: { dimension: 'validity', severity: 'warning', title: 'Landline number in the mobile field' },
  postcode_invalid: { dimension: 'validity', severity: 'error', title: 'Postcode not valid for its country' },
  date_unparseable: { dimension: 'validity', severity: 'error', title: 'Date not readable' },
  birth_date_future: { dimension: 'validity', severity: 'error', title: 'Birth date in the future' },
  age_implausible: { dimension: 'validity', severity: 'error', title: 'Age over 120' },
  date_future: { dimension: 'validity', severity: 'error', title: 'Date in the future' },
  income_unparseable: { dimension: 'validity', severity: 'error', title: 'Income not a number' },
  income_negative: { dimension: 'validity', severity: 'error', title: 'Negative income' },
  income_outlier: { dimension: 'validity', severity: 'warning', title: 'Income far outside the usual range' },
  country_unrecognised: { dimension: 'validity', severity: 'error', title: 'Country not recognised' },
  name_invalid: { dimension: 'validity', severity: 'error', title: 'Name not a plausible name' },
  gender_unrecognised: { dimension: 'validity', severity: 'warning', title: 'Gender value not recognised' },

  format_inconsistent: { dimension: 'consistency', severity: 'info', title: 'Written in a different format from the rest of the column' },
  phone_country_mismatch: { dimension: 'consistency', severity: 'warning', title: "Phone country code differs from the record's country" },
  postcode_country_mismatch: { dimension: 'consistency', severity: 'warning', title: "Postcode belongs to another country's format" },
  differs_across_sources: { dimension: 'consistency', severity: 'warning', title: "Differs from the same customer's value in another source" },
  postcode_city_mismatch: { dimension: 'consistency', severity: 'warning', title: 'City differs from the one most customers with this postcode give' },
  postcode_region_mismatch: { dimension: 'consistency', severity: 'warning', title: 'Region differs from the one most customers with this postcode give' },

  stale: { dimension: 'timeliness', severity: 'info', title: 'Not updated within the window' },
  no_update_date: { dimension: 'timeliness', severity: 'info', title: 'No usable update date' },

  duplicate_record_id: { dimension: 'uniqueness', severity: 'error', title: 'Record id repeated within its source' },
  duplicate_email: { dimension: 'uniqueness', severity: 'warning', title: 'Email shared with another customer' },
  duplicate_phone: { dimension: 'uniqueness', severity: 'warning', title: 'Phone shared with another customer' },
  probable_duplicate: { dimension: 'uniqueness', severity: 'warning', title: 'Probably the same customer as an earlier record (duplicate matching)' },

  reference_mismatch: { dimension: 'accuracy', severity: 'error', title: 'Differs from the verified reference' },
  reference_unexpected: { dimension: 'accuracy', severity: 'error', title: 'Has a value where the reference has none' },
  reference_missing: { dimension: 'accuracy', severity: 'warning', title: 'Missing a value the reference has' },
} as const satisfies Record<string, RuleDef>;

export type RuleId = keyof typeof rules;

/** Fields each dimension judges; metrics for other fields of that dimension are not applicable. */
export const validityFields = [
  'full_name', 'given_name', 'family_name', 'gender', 'birth_date', 'email', 'phone', 'mobile', 'postcode', 'country', 'income', 'created_at', 'updated_at',
] as const;
export const consistencyFields = ['phone', 'mobile', 'postcode', 'birth_date', 'created_at', 'updated_at', 'country', 'gender', 'income'] as const;
/** Fields whose consistency is their agreement with the postcode (place-consistency.ts); judged where a postcode is mapped. */
export const placeFields = ['city', 'region'] as const;
export const uniquenessFields = ['source_record_id', 'email', 'phone', 'mobile'] as const;
/** The record-level timeliness issue is filed under this field. */
export const timelinessField = 'updated_at';
