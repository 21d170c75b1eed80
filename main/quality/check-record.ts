/**
 * The one place where a customer record is judged. Everything the profiler
 * reports about a single record comes from here; the run-wide findings
 * (outliers, formats) are derived afterwards from what this records in the
 * accumulators. Metrics are then counted from the stored issues, so the
 * dashboard and the drill-down agree by construction.
 */
import type { RecordIssue } from './types.ts';
import { rules, type RuleId } from './rules.ts';
import type { Accumulators } from './accumulators.ts';
import { detectPlaceholder } from './validators/placeholder.ts';
import { checkEmail } from './validators/email.ts';
import { checkPhone, isLandlineOnly } from './validators/phone.ts';
import { callingCodeOf } from './validators/phone-fast.ts';
import { checkPostcode } from './validators/postcode.ts';
import { resolveCountry, countryFormat } from './validators/country.ts';
import { checkBirthDate, dateOrderFor, parseDate, type DateOrder } from './validators/date.ts';
import { parseIncome } from './validators/income.ts';
import { recogniseGender, genderFormat } from './validators/gender.ts';
import { checkName } from './validators/name.ts';
import { phoneFormat } from './format-pattern.ts';
import { compareWithReference, type ReferenceValue } from './accuracy.ts';

export type CustomerRow = Record<string, string | number | null> & { id: number; source_id: number };

export interface CheckContext {
  now: Date;
  defaultCountry: string | undefined;
  /** Fields judged for this project (mapped by at least one source). */
  fields: readonly string[];
  timelinessMs: number;
  /** Whether any update stamp exists to judge timeliness by. */
  judgeTimeliness: boolean;
  references: Map<number, ReferenceValue[]>;
  /** Customers whose record id repeats an earlier one in the same source → that earlier customer's id. */
  duplicateRecordIds: Map<number, number>;
}

interface RecordState {
  row: CustomerRow;
  out: RecordIssue[];
  recordCountry: string | undefined;
  country: string | undefined;
  order: DateOrder;
  updated: number | undefined;
  created: number | undefined;
}

const dayMs = 86_400_000;

function push(s: RecordState, field: string, rule: RuleId, message: string, suggestion?: string): void {
  const def = rules[rule];
  s.out.push({ customerId: s.row.id, sourceId: s.row.source_id, field, dimension: def.dimension, rule, severity: def.severity, message, suggestion });
}

function text(v: string | number | null): string | undefined {
  if (v === null) return undefined;
  const s = typeof v === 'number' ? String(v) : v.trim();
  return s === '' ? undefined : s;
}

export function checkRecord(row: CustomerRow, index: number, ctx: CheckContext, acc: Accumulators, out: RecordIssue[]): void {
  const countryText = text(row.country ?? null);
  const recordCountry = countryText && !detectPlaceholder(countryText, 'country') ? resolveCountry(countryText) : undefined;
  const country = recordCountry ?? ctx.defaultCountry;
  const s: RecordState = { row, out, recordCountry, country, order: dateOrderFor(country), updated: undefined, created: undefined };
  acc.startRecord(index, row.id, row.source_id);
  for (const field of ctx.fields) {
    const raw = row[field] ?? null;
    const value = text(raw);
    if (value === undefined) {
      push(s, field, 'missing', `${field} is empty`);
      continue;
    }
    const ph = typeof raw === 'string' ? detectPlaceholder(value, field) : undefined;
    if (ph) {
      push(s, field, 'placeholder', ph.reason);
      continue;
    }
    checkField(s, field, value, raw, ctx, acc);
  }
  if (ctx.judgeTimeliness) checkTimeliness(s, ctx, acc);
  const refs = ctx.references.get(row.id);
  if (refs) for (const ref of refs) acc.outcome(ref.field, compareWithReference(row, ref, country, (field, rule, message) => push(s, field, rule, message)));
}

function checkField(s: RecordState, field: string, value: string, raw: string | number | null, ctx: CheckContext, acc: Accumulators): void {
  switch (field) {
    case 'email': return checkEmailField(s, value, acc);
    case 'phone':
    case 'mobile': return checkPhoneField(s, field, value, acc);
    case 'postcode': return checkPostcodeField(s, value);
    case 'country':
      // Only recognised values have a format worth comparing; the rest are already invalid.
      if (s.recordCountry) acc.pattern(field, countryFormat(value));
      else push(s, field, 'country_unrecognised', `"${value}" is not a country we recognise`);
      return;
    case 'birth_date': return checkBirthDateField(s, value, ctx, acc);
    case 'created_at':
    case 'updated_at': return checkStampField(s, field, value, ctx, acc);
    case 'income': return checkIncomeField(s, value, raw, acc);
    case 'gender':
      if (recogniseGender(value)) acc.pattern(field, genderFormat(value));
      else push(s, field, 'gender_unrecognised', `"${value}" is not a gender value we recognise`);
      return;
    case 'full_name':
    case 'given_name':
    case 'family_name': {
      const problem = checkName(value);
      if (problem) push(s, field, 'name_invalid', `"${value}" ${problem}`);
      return;
    }
    case 'source_record_id': {
      const first = ctx.duplicateRecordIds.get(s.row.id);
      if (first !== undefined) push(s, field, 'duplicate_record_id', `record id "${value}" already used by customer ${first} in the same source`);
      return;
    }
    default:
      return;
  }
}

function checkEmailField(s: RecordState, value: string, acc: Accumulators): void {
  const c = checkEmail(value);
  if (c.status === 'invalid') push(s, 'email', 'email_syntax', `"${value}" ${c.reason}`, c.suggestion);
  else if (c.status === 'typo') push(s, 'email', 'email_domain_typo', `"${value}": ${c.reason}`, c.suggestion);
  const first = acc.firstWithKey('email', value.toLowerCase());
  if (first !== undefined) push(s, 'email', 'duplicate_email', `same email as customer ${first}`);
}

function checkPhoneField(s: RecordState, field: 'phone' | 'mobile', value: string, acc: Accumulators): void {
  const c = checkPhone(value, s.country);
  let key: string | undefined;
  let mismatch = false;
  if (c.status === 'valid') {
    key = c.e164;
    const expected = s.recordCountry ? callingCodeOf(s.recordCountry) : undefined;
    if (c.international && expected && expected !== c.callingCode) {
      mismatch = true;
      push(s, field, 'phone_country_mismatch', `"${value}" has country code +${c.callingCode} but the record's country ${s.recordCountry} uses +${expected}`);
    }
    if (field === 'mobile' && isLandlineOnly(c.type)) push(s, field, 'mobile_is_landline', `"${value}" is a landline number`);
  } else if (c.status === 'invalid') {
    push(s, field, 'phone_invalid', `"${value}" ${c.reason}`);
  }
  // Formats are compared among valid values that agree with their record: one issue per dimension at most.
  if (c.status === 'valid' && !mismatch) acc.pattern(field, phoneFormat(value));
  key ??= value.replace(/\D/g, '');
  if (key.length >= 5) {
    const first = acc.firstWithKey(field, key);
    if (first !== undefined) push(s, field, 'duplicate_phone', `same ${field} number as customer ${first}`);
  }
}

function checkPostcodeField(s: RecordState, value: string): void {
  const c = checkPostcode(value, s.country);
  if (c.status !== 'invalid') return;
  // A well-formed postcode of another country disagrees with the record; anything else is malformed.
  if (c.fitsCountries.length > 0 && !c.suggestion) {
    push(s, 'postcode', 'postcode_country_mismatch', `"${value}" is not a ${s.country} postcode (it fits ${c.fitsCountries.slice(0, 4).join(', ')})`);
  } else {
    push(s, 'postcode', 'postcode_invalid', c.reason, c.suggestion);
  }
}

function checkBirthDateField(s: RecordState, value: string, ctx: CheckContext, acc: Accumulators): void {
  const c = checkBirthDate(value, s.order, ctx.now);
  if (c.status === 'unparseable') {
    push(s, 'birth_date', 'date_unparseable', `"${value}" is not a date we can read`);
    return;
  }
  acc.pattern('birth_date', c.date.format);
  if (c.status === 'future') push(s, 'birth_date', 'birth_date_future', `birth date ${value} is in the future`);
  else if (c.status === 'implausible') push(s, 'birth_date', 'age_implausible', `birth date ${value} gives an age of ${c.age}`);
}

function checkStampField(s: RecordState, field: 'created_at' | 'updated_at', value: string, ctx: CheckContext, acc: Accumulators): void {
  const d = parseDate(value, s.order, ctx.now);
  if (!d) {
    push(s, field, 'date_unparseable', `"${value}" is not a date we can read`);
    return;
  }
  acc.pattern(field, d.format);
  // A stamp later today is not "future": exports carry times and time zones.
  if (d.time > ctx.now.getTime() + dayMs) {
    push(s, field, 'date_future', `${field} ${value} is in the future`);
    return;
  }
  if (field === 'updated_at') s.updated = d.time;
  else s.created = d.time;
}

function checkIncomeField(s: RecordState, value: string, raw: string | number | null, acc: Accumulators): void {
  const parsed = parseIncome(raw ?? value);
  if (!parsed) {
    push(s, 'income', 'income_unparseable', `"${value}" is not an amount we can read`);
    return;
  }
  acc.pattern('income', parsed.format);
  if (parsed.value < 0) push(s, 'income', 'income_negative', `income ${value} is negative`);
  else acc.income(parsed.value);
}

function checkTimeliness(s: RecordState, ctx: CheckContext, acc: Accumulators): void {
  const stamp = s.updated ?? s.created;
  if (stamp === undefined) {
    acc.age(undefined);
    push(s, 'updated_at', 'no_update_date', 'no readable update or creation date');
    return;
  }
  const age = ctx.now.getTime() - stamp;
  acc.age(age);
  if (age > ctx.timelinessMs) {
    push(s, 'updated_at', 'stale', `last updated ${Math.floor(age / dayMs)} days ago (window ${Math.round(ctx.timelinessMs / dayMs)} days)`);
  }
}
