/**
 * INTERIM: a handful of standardisers so the fixes engine can be built and
 * tested while the full set (main/standardize) is being written. Replaced by
 * main/standardize's standardiseRecord when that lands.
 */
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import { resolveCountry } from '../standardize/country.ts';
import { isoDate, parseDate } from '../standardize/date.ts';
import { checkPhone } from '../standardize/phone.ts';
import { detectPlaceholder } from '../standardize/placeholder.ts';
import type { Flag, Outcome, Proposal, StandardiseContext } from '../standardize/standardiser.ts';

export interface FieldOutcome {
  field: CustomerFieldKey;
  outcome: Proposal | Flag;
}

export interface RecordContext extends Omit<StandardiseContext, 'dateOrder'> {
  dateOrders: Partial<Record<CustomerFieldKey, StandardiseContext['dateOrder']>>;
}

export const fixRules = [
  { id: 'whitespace', fields: ['*'], safe: true, flags: false },
  { id: 'email_case', fields: ['email'], safe: true, flags: false },
  { id: 'phone_e164', fields: ['phone', 'mobile'], safe: true, flags: false },
  { id: 'phone_damaged', fields: ['phone', 'mobile'], safe: false, flags: true },
  { id: 'country_iso', fields: ['country'], safe: true, flags: false },
  { id: 'date_iso', fields: ['birth_date'], safe: true, flags: false },
  { id: 'date_ambiguous', fields: ['birth_date'], safe: false, flags: true },
  { id: 'fill_from_duplicate', fields: ['*'], safe: false, flags: false },
] as const;

const change = (value: string | number, rule: string, confidence = 1): Proposal => ({ kind: 'change', value, rule, confidence });

function one(field: CustomerFieldKey, raw: string, ctx: RecordContext): Outcome {
  const v = raw.trim().replace(/\s+/g, ' ');
  if (!v || detectPlaceholder(v, field)) return null;
  switch (field) {
    case 'email': return v.toLowerCase() !== raw ? change(v.toLowerCase(), 'email_case') : null;
    case 'phone':
    case 'mobile': {
      if (/^\d(\.\d+)?e\+?\d+$/i.test(v)) return { kind: 'flag', rule: 'phone_damaged', params: { value: raw } };
      const p = checkPhone(v, ctx.recordCountry ?? ctx.sourceCountry);
      return p.status === 'valid' && p.e164 !== raw ? change(p.e164, 'phone_e164') : null;
    }
    case 'country': {
      const c = resolveCountry(v);
      return c && c !== raw ? change(c, 'country_iso') : null;
    }
    case 'birth_date': {
      const order = ctx.dateOrders.birth_date;
      const ambiguous = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}$/.exec(v);
      if (ambiguous && +ambiguous[1] <= 12 && +ambiguous[2] <= 12 && ambiguous[1] !== ambiguous[2] && !order) {
        return { kind: 'flag', rule: 'date_ambiguous', params: { value: raw } };
      }
      const d = parseDate(v, order ?? 'DMY', ctx.now);
      return d && isoDate(d) !== raw ? change(isoDate(d), 'date_iso') : null;
    }
    default:
      return v !== raw ? change(v, 'whitespace') : null;
  }
}

export function standardiseRecord(values: Partial<Record<CustomerFieldKey, string | number | null>>, ctx: RecordContext): FieldOutcome[] {
  const out: FieldOutcome[] = [];
  for (const [field, raw] of Object.entries(values) as [CustomerFieldKey, string | number | null][]) {
    if (typeof raw !== 'string') continue;
    const o = one(field, raw, ctx);
    if (o) out.push({ field, outcome: o });
  }
  return out;
}

/** Feeds a column's values; tells the day/month order its unambiguous values show. */
export class DateOrderEvidence {
  private dmy = 0;
  private mdy = 0;
  add(raw: string): void {
    const m = /^(\d{1,2})\/(\d{1,2})\/\d{2,4}/.exec(raw.trim());
    if (!m) return;
    if (+m[1] > 12 && +m[2] <= 12) this.dmy++;
    else if (+m[2] > 12 && +m[1] <= 12) this.mdy++;
  }
  inferredOrder(): 'DMY' | 'MDY' | undefined {
    if (this.dmy > 0 && this.mdy === 0) return 'DMY';
    if (this.mdy > 0 && this.dmy === 0) return 'MDY';
    return undefined;
  }
}
