/**
 * The one entry point the fixes engine calls per record. Every field gets at
 * most one outcome:
 *   1. blank, placeholder ("n/a", "TEST", "000-000-0000") or source record
 *      id: nothing;
 *   2. cleaning (invisible characters, NFC, whitespace; standardise-text.ts);
 *   3. the field's rule on the cleaned value (phone, date, email, name,
 *      country, gender, money, street, place, postcode);
 *   4. a flag from step 3 wins (the value must be looked at, not re-spaced);
 *      otherwise the final value, if it differs from the original, is
 *      proposed under the most significant rule that changed it (the rule
 *      table's order, standardise-rules.ts), the others listed in `also`, with
 *      the lowest of their confidences.
 * Then, for a record with a full name and neither given nor family name, the
 * split of the (standardised) full name into both, as one group.
 *
 * Values that repeat (genders, countries, cities, regions, given and family
 * names, companies, incomes: 90–100% repeats in a generated million) are
 * memoised per field, per value and per the part of the context the rule
 * reads; the memo holds the field outcome itself, shared between records, so
 * callers must not mutate outcomes. Full names, e-mails, phones, streets,
 * postcodes, birth dates and stamps are mostly distinct (0–67% repeats): a
 * memo would cost more than it saves, and their rules answer the common
 * shapes by character codes instead.
 *
 * The placeholder check runs only when a rule has something to say (most
 * values are already canonical), except for values that need cleaning.
 */
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import type { DateOrder } from './date.ts';
import { resolveCountry } from './country.ts';
import { detectPlaceholder } from './placeholder.ts';
import { cleanText, generalCleanText, isClean } from './standardise-text.ts';
import { standardisePhone } from './standardise-phone.ts';
import { standardiseDate } from './standardise-date.ts';
import { standardiseEmail } from './standardise-email.ts';
import { standardiseName, type NameField } from './standardise-name.ts';
import { splitName } from './standardise-name-split.ts';
import { standardiseCountry, standardiseGender } from './standardise-codes.ts';
import { standardiseMoney } from './standardise-money.ts';
import { standardiseStreet } from './standardise-street.ts';
import { standardisePlace } from './standardise-case.ts';
import { standardisePostcode } from './standardise-postcode.ts';
import { ruleRank, type RuleId } from './standardise-rules.ts';
import type { Change, FieldOutcome, Flag, Outcome, Proposal, StandardiseContext } from './standardiser.ts';

export type DateField = 'birth_date' | 'created_at' | 'updated_at';
export type RecordValues = Partial<Record<CustomerFieldKey, string | number | null>>;

/** What the engine knows about a record besides its values. */
export interface RecordContext {
  /** ISO alpha-2 of the record's country; when omitted it is read from values.country. */
  recordCountry?: string;
  /** The source's most common recognised country, for records without one. */
  sourceCountry?: string;
  /** Each date column's order inferred for the record's source (DateOrderEvidence). */
  dateOrders?: Partial<Record<DateField, DateOrder>>;
  now: Date;
}

const fieldOrder: readonly CustomerFieldKey[] = [
  'full_name', 'given_name', 'family_name', 'gender', 'birth_date', 'email', 'phone', 'mobile', 'company', 'street', 'city', 'region',
  'postcode', 'country', 'income', 'created_at', 'updated_at',
];

type FieldResult = Change | Flag | null;

/** The field's own rule on a cleaned, non-placeholder value. */
function fieldRule(field: CustomerFieldKey, v: string, ctx: StandardiseContext): FieldResult {
  const country = ctx.recordCountry ?? ctx.sourceCountry;
  const inferred = ctx.recordCountry === undefined;
  switch (field) {
    case 'phone':
    case 'mobile':
      return standardisePhone(v, ctx);
    case 'birth_date':
      return standardiseDate(v, 'date', ctx);
    case 'created_at':
    case 'updated_at':
      return standardiseDate(v, 'stamp', ctx);
    case 'email':
      return standardiseEmail(v);
    case 'full_name':
    case 'given_name':
    case 'family_name':
      return standardiseName(v, field, country);
    case 'country':
      return standardiseCountry(v);
    case 'gender':
      return standardiseGender(v, country);
    case 'income':
      return standardiseMoney(v, country);
    case 'street':
      return standardiseStreet(v, country, inferred);
    case 'city':
    case 'region':
      return standardisePlace(v, country);
    case 'postcode':
      return standardisePostcode(v, country, inferred);
    default:
      return null;
  }
}

const cleaningRules: readonly RuleId[] = ['text_invisible', 'text_nfc', 'text_whitespace'];

function proposal(value: string | number, rules: RuleId[], confidence: number, params: Record<string, string | number> | undefined): Proposal {
  rules.sort((a, b) => ruleRank[a] - ruleRank[b]);
  const p: Proposal = { kind: 'change', value, rule: rules[0], confidence };
  if (rules.length > 1) p.also = rules.slice(1);
  if (params) p.params = params;
  return p;
}

/** One value of one field, without memo: the outcome the record step reports. */
export function standardiseValue(field: CustomerFieldKey, raw: string | number | null | undefined, ctx: StandardiseContext): Outcome {
  if (raw === null || raw === undefined || field === 'source_record_id') return null;
  if (typeof raw === 'number') return standardiseNumber(field, raw, ctx);
  // Most values need no cleaning: they go straight to their rule (no cleaning record, no rule list).
  if (isClean(raw)) {
    if (raw === '') return null;
    // The placeholder check only matters when the rule has something to say ("N/A" would read as Namibia).
    const result = fieldRule(field, raw, ctx);
    if (result === null || detectPlaceholder(raw, field)) return null;
    if ('kind' in result) return result;
    if (result.value === raw) return null;
    const p: Proposal = { kind: 'change', value: result.value, rule: result.rule, confidence: result.confidence };
    if (result.also) p.also = result.also;
    if (result.params) p.params = result.params;
    return p;
  }
  const cleaned = generalCleanText(raw, field === 'street');
  const v = cleaned.value;
  if (v === '' || detectPlaceholder(v, field)) return null;
  const result = fieldRule(field, v, ctx);
  if (result && 'kind' in result) return result;
  const value = result ? result.value : v;
  if (value === raw) return null;
  const rules: RuleId[] = [];
  if (result && result.value !== v) rules.push(result.rule, ...(result.also ?? []));
  if (cleaned.invisible) rules.push(cleaningRules[0]);
  if (cleaned.nfc) rules.push(cleaningRules[1]);
  if (cleaned.whitespace) rules.push(cleaningRules[2]);
  if (rules.length === 0) return null;
  const changed = result && result.value !== v ? result : undefined;
  return proposal(value, rules, changed ? changed.confidence : 1, changed?.params);
}

/** Numbers as stored: a phone or date the import read as a number, a postcode that lost its zeros. */
function standardiseNumber(field: CustomerFieldKey, raw: number, ctx: StandardiseContext): Outcome {
  let result: FieldResult = null;
  if (field === 'phone' || field === 'mobile') result = standardisePhone(raw, ctx);
  else if (field === 'birth_date') result = standardiseDate(raw, 'date', ctx);
  else if (field === 'created_at' || field === 'updated_at') result = standardiseDate(raw, 'stamp', ctx);
  else if (field === 'postcode') result = standardisePostcode(String(raw), ctx.recordCountry ?? ctx.sourceCountry, ctx.recordCountry === undefined);
  if (!result) return null;
  if ('kind' in result) return result;
  if (result.value === raw) return null;
  return proposal(result.value, [result.rule], result.confidence, result.params);
}

/* ---------------------------------------------------------------- memo -- */

const MEMO_LIMIT = 100_000;
/** Fields whose values repeat across customers: full names, streets, phones, e-mails and stamps are nearly all distinct. */
const memoised = new Set<CustomerFieldKey>(['given_name', 'family_name', 'gender', 'company', 'city', 'region', 'country', 'income']);

/**
 * One memo per field and per the part of the context its rule reads: the
 * record's country, or "~" and the source's when the record has none
 * (birth dates: the column's order; country and company: nothing). Each is
 * value → outcome, bounded.
 */
class FieldMemo {
  private readonly byContext = new Map<string, Map<string, FieldOutcome | null>>();
  private year = -1;

  constructor(private readonly field: CustomerFieldKey) {}

  private contextKey(ctx: StandardiseContext): string {
    switch (this.field) {
      case 'birth_date': {
        // Two-digit years pivot on the clock's year: a new year starts afresh.
        const year = ctx.now.getUTCFullYear();
        if (year !== this.year) {
          this.byContext.clear();
          this.year = year;
        }
        return ctx.dateOrder ?? '';
      }
      case 'country':
      case 'company':
        return '';
      default:
        return ctx.recordCountry ?? sourceKey(ctx.sourceCountry);
    }
  }

  /** The field's outcome for a value, shared by every record with that value (callers must not mutate it). */
  get(raw: string, ctx: StandardiseContext): FieldOutcome | null {
    const key = this.contextKey(ctx);
    let memo = this.byContext.get(key);
    if (!memo) this.byContext.set(key, (memo = new Map()));
    let hit = memo.get(raw);
    if (hit === undefined) {
      const outcome = standardiseValue(this.field, raw, ctx);
      hit = outcome ? { field: this.field, outcome } : null;
      // Bounded: a column of free text must not grow the memo without limit.
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(raw, hit);
    }
    return hit;
  }
}

/** "~" + the source's country, one string per country (memo keys hash faster when they are the same string). */
const sourceKeys = new Map<string | undefined, string>();
function sourceKey(source: string | undefined): string {
  let k = sourceKeys.get(source);
  if (k === undefined) sourceKeys.set(source, (k = `~${source ?? ''}`));
  return k;
}

const fieldMemos = new Map<CustomerFieldKey, FieldMemo>([...memoised].map((f) => [f, new FieldMemo(f)]));

/* --------------------------------------------------------------- record -- */

function isBlankName(raw: string | number | null | undefined, field: NameField): boolean {
  if (raw === null || raw === undefined) return true;
  const v = cleanText(String(raw)).value;
  return v === '' || detectPlaceholder(v, field) !== undefined;
}

/**
 * Every outcome for one record, in the field order of the customer model,
 * the name split last. Pure: the same values and context give the same
 * outcomes.
 */
export function standardiseRecord(values: RecordValues, ctx: RecordContext): FieldOutcome[] {
  let recordCountry = ctx.recordCountry;
  if (recordCountry === undefined && typeof values.country === 'string' && values.country !== '') {
    const c = cleanText(values.country).value;
    recordCountry = detectPlaceholder(c, 'country') ? undefined : resolveCountry(c);
  }
  // One context for the record; only the date fields' order changes between fields (the rules keep no reference to it).
  const fctx: StandardiseContext = { recordCountry, sourceCountry: ctx.sourceCountry, dateOrder: undefined, now: ctx.now };
  const out: FieldOutcome[] = [];
  for (const field of fieldOrder) {
    const raw = values[field];
    if (raw === null || raw === undefined || raw === '') continue;
    fctx.dateOrder = field === 'birth_date' || field === 'created_at' || field === 'updated_at' ? ctx.dateOrders?.[field] : undefined;
    const memo = typeof raw === 'string' ? fieldMemos.get(field) : undefined;
    if (memo) {
      const hit = memo.get(raw as string, fctx);
      if (hit) out.push(hit);
    } else {
      const outcome = standardiseValue(field, raw, fctx);
      if (outcome) out.push({ field, outcome });
    }
  }
  const full = values.full_name;
  if (full !== null && full !== undefined && isBlankName(values.given_name, 'given_name') && isBlankName(values.family_name, 'family_name')) {
    splitOutcomes(full, out, recordCountry ?? ctx.sourceCountry);
  }
  return out;
}

function splitOutcomes(full: string | number, out: FieldOutcome[], country: string | undefined): void {
  const cleaned = cleanText(String(full)).value;
  if (cleaned === '' || detectPlaceholder(cleaned, 'full_name')) return;
  const fullOutcome = out.find((o) => o.field === 'full_name')?.outcome;
  const name = fullOutcome?.kind === 'change' ? String(fullOutcome.value) : cleaned;
  const parts = splitName(name, country);
  if (!parts) return;
  const confidence = parts.confidence;
  // A part in capitals marks the family name ("WANG Wei"); the new field is written as its own rule would write it.
  const given = String(standardiseName(parts.given, 'given_name', country)?.value ?? parts.given);
  const family = String(standardiseName(parts.family, 'family_name', country)?.value ?? parts.family);
  // "xxx xxx" is not caught as a placeholder whole, but its halves are: no split into two stand-ins.
  if (detectPlaceholder(given, 'given_name') || detectPlaceholder(family, 'family_name')) return;
  out.push(
    { field: 'given_name', outcome: { kind: 'change', value: given, rule: 'name_split', confidence, params: { full_name: name } }, group: 'name_split' },
    { field: 'family_name', outcome: { kind: 'change', value: family, rule: 'name_split', confidence, params: { full_name: name } }, group: 'name_split' },
  );
}
