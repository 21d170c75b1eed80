/**
 * The standardisation rules, declared once: the fixes engine, the review UI
 * and the CLI read this table (id, the fields a rule applies to, whether it
 * may be applied automatically, one English sentence). Translations key on
 * the id.
 *
 * Safe rules change only how a value is written, never what it says, and
 * infer nothing: the user may let them apply without review. Everything
 * that guesses (an order, a country, a spelling, a split) needs a steward.
 *
 * The table's order is the precedence: when several rules change one value
 * (a name trimmed and re-cased), the proposal carries the earliest rule here
 * (the most significant change) and lists the others in `also`. Field rules
 * come before the cleaning rules, flags before everything (a flagged value
 * gets the flag and no change, even if it also has stray spaces).
 */
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';

export interface RuleDef {
  id: string;
  kind: 'change' | 'flag';
  fields: readonly CustomerFieldKey[];
  safe: boolean;
  description: string;
}

const phones = ['phone', 'mobile'] as const;
const dates = ['birth_date', 'created_at', 'updated_at'] as const;
const names = ['full_name', 'given_name', 'family_name'] as const;
const textFields = [
  'full_name', 'given_name', 'family_name', 'gender', 'birth_date', 'email', 'phone', 'mobile', 'company', 'street', 'city', 'region',
  'postcode', 'country', 'income', 'created_at', 'updated_at',
] as const;

export const standardiseRules = [
  // Flags: the value is damaged or ambiguous; nothing is proposed.
  { id: 'phone_damaged', kind: 'flag', fields: phones, safe: false, description: 'The phone number was turned into scientific notation by a spreadsheet (4.15555E+09); its last digits are lost and cannot be recovered.' },
  { id: 'date_ambiguous', kind: 'flag', fields: dates, safe: false, description: 'The date can be read day-first or month-first and its column gives no evidence which; or a birth date carries a time of day that may have shifted it.' },
  // Field rules, most significant first.
  { id: 'name_split', kind: 'change', fields: ['given_name', 'family_name'], safe: false, description: 'Given and family name taken from the full name (family name first for Chinese, Japanese and Korean names).' },
  { id: 'email_domain_typo', kind: 'change', fields: ['email'], safe: false, description: 'The e-mail domain looks like a typo of a common mail provider (gmial.com → gmail.com).' },
  { id: 'email_repair', kind: 'change', fields: ['email'], safe: false, description: 'An unusable e-mail address repaired: spaces, a comma for a dot, a "mailto:" prefix.' },
  { id: 'date_excel_serial', kind: 'change', fields: dates, safe: false, description: 'A number that reads as an Excel date serial (days since 1899-12-30) written as an ISO date.' },
  { id: 'date_iso_inferred', kind: 'change', fields: dates, safe: false, description: 'Date written as ISO 8601, with the day/month order taken from its column or the century from a two-digit year.' },
  { id: 'phone_e164_source_country', kind: 'change', fields: phones, safe: false, description: 'Phone number written in E.164, read as a national number of the source\'s most common country (the record has none).' },
  { id: 'postcode_leading_zero', kind: 'change', fields: ['postcode'], safe: false, description: 'Leading zeros a spreadsheet dropped restored to the country\'s postcode length.' },
  { id: 'money_amount', kind: 'change', fields: ['income'], safe: false, description: 'An amount written with currency, grouping or a multiplier ("$85,000", "85.000,00 €", "52k", "5万") as a plain number; the currency is kept as an ISO 4217 code where one was given.' },
  { id: 'gender_code', kind: 'change', fields: ['gender'], safe: false, description: 'Gender written as F, M or X.' },
  { id: 'address_street_type', kind: 'change', fields: ['street'], safe: false, description: 'Street-type abbreviation written out in the country\'s language (St → Street, Str. → Straße, Av. → Avenue, C/ → Calle).' },
  { id: 'address_unit', kind: 'change', fields: ['street'], safe: false, description: 'Apartment or unit written one way (Apt. 5, #5, apt5 → Apt 5; Whg. 5 → Wohnung 5).' },
  { id: 'postcode_format', kind: 'change', fields: ['postcode'], safe: false, description: 'Postcode written in its country\'s format (sw1a1aa → SW1A 1AA, 123456789 → 12345-6789).' },
  { id: 'name_case', kind: 'change', fields: names, safe: false, description: 'A name written all upper or all lower case, capitalised with its particles and prefixes (McDonald, O\'Brien, van der Berg).' },
  { id: 'address_case', kind: 'change', fields: ['street', 'city', 'region'], safe: false, description: 'An address written all upper or all lower case in title case, keeping directions (NW), PO Box and ordinals (1st).' },
  { id: 'phone_e164', kind: 'change', fields: phones, safe: true, description: 'Valid phone number written in E.164 (+4930123456), its country from the number itself or the record.' },
  { id: 'date_iso', kind: 'change', fields: dates, safe: true, description: 'Unambiguous date written as ISO 8601: YYYY-MM-DD, or YYYY-MM-DDTHH:mm:ss for a time stamp (its zone kept, none invented).' },
  { id: 'country_iso', kind: 'change', fields: ['country'], safe: true, description: 'Country written as its ISO 3166-1 alpha-2 code (Deutschland → DE, 中国 → CN).' },
  { id: 'email_case', kind: 'change', fields: ['email'], safe: true, description: 'E-mail address trimmed and written in lower case.' },
  // Cleaning, applied to every text field before its field rule.
  { id: 'text_invisible', kind: 'change', fields: textFields, safe: true, description: 'Invisible characters removed (zero-width space or joiner, byte-order mark, soft hyphen, direction marks) and non-breaking spaces made ordinary spaces.' },
  { id: 'text_nfc', kind: 'change', fields: textFields, safe: true, description: 'Accented letters stored in Unicode NFC (one code point per letter).' },
  { id: 'text_whitespace', kind: 'change', fields: textFields, safe: true, description: 'Leading and trailing spaces removed, runs of spaces made one.' },
] as const satisfies readonly RuleDef[];

export type RuleId = (typeof standardiseRules)[number]['id'];

/** Precedence: a lower rank is the more significant rule. */
export const ruleRank: Readonly<Record<RuleId, number>> = Object.fromEntries(standardiseRules.map((r, i) => [r.id, i])) as Record<RuleId, number>;

const byId = new Map<string, RuleDef>(standardiseRules.map((r) => [r.id, r]));

export function ruleDef(id: string): RuleDef | undefined {
  return byId.get(id);
}

export function isSafeRule(id: string): boolean {
  return byId.get(id)?.safe ?? false;
}
