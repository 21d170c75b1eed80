/**
 * What survivorship needs to know of one member's value, from the
 * standardisers (the one place that reads a phone, a date, an e-mail):
 *   rank  3 valid and canonical as stored; 2 valid, written some other way
 *         (standardising it is certain or nearly); 1 doubtful (an e-mail
 *         domain that looks like a typo, an ambiguous date read by the
 *         record's country, a guess); 0 invalid, damaged or a placeholder;
 *   key   its canonical form, so "+4930123456" and "030 123456" are one
 *         number when counting how many records agree.
 */
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import { resolveCountry } from '../standardize/country.ts';
import { checkBirthDate, dateOrderFor, type DateOrder } from '../standardize/date.ts';
import { checkEmail } from '../standardize/email.ts';
import { generalCheckName } from '../standardize/name.ts';
import { checkPhone } from '../standardize/phone.ts';
import { detectPlaceholder } from '../standardize/placeholder.ts';
import { standardiseValue } from '../standardize/standardise-record.ts';

export type Cell = string | number | null;

export interface Judged {
  rank: 0 | 1 | 2 | 3;
  key: string;
}

/** What a member's source tells about reading its values (fix/source-context.ts gives one per source). */
export interface SourceHint {
  country: string | undefined;
  dateOrders: Partial<Record<string, DateOrder | undefined>>;
}

export interface ValueContext {
  /** The member's own country field. */
  country: Cell;
  hint: SourceHint | undefined;
  now: Date;
}

const NAMES = new Set(['full_name', 'given_name', 'family_name']);

export function recordCountryOf(raw: Cell): string | undefined {
  if (typeof raw !== 'string' || !raw.trim() || detectPlaceholder(raw, 'country')) return undefined;
  return resolveCountry(raw);
}

/** An address in lower case, as the standardisers write it (email_case): one mailbox however it is capitalised. */
function judgeEmail(text: string): Judged {
  const c = checkEmail(text);
  if (c.status === 'invalid') return { rank: 0, key: text.trim().toLowerCase() };
  const key = c.normalised.toLowerCase();
  if (c.status === 'typo') return { rank: 1, key };
  return { rank: key === text ? 3 : 2, key };
}

function judgePhone(text: string, country: string | undefined): Judged {
  const c = checkPhone(text, country);
  if (c.status === 'valid') return { rank: c.e164 === text ? 3 : 2, key: c.e164 };
  return { rank: 0, key: text.replace(/\D/g, '') };
}

function plausibleBirthDate(iso: string, now: Date): boolean {
  return checkBirthDate(iso, 'DMY', now).status === 'valid';
}

function judgeBirthDate(value: string | number, ctx: ValueContext, own: string | undefined): Judged {
  const text = String(value);
  const out = standardiseValue('birth_date', value, { recordCountry: own, sourceCountry: ctx.hint?.country, dateOrder: ctx.hint?.dateOrders.birth_date, now: ctx.now });
  if (out === null) return plausibleBirthDate(text, ctx.now) ? { rank: 3, key: text } : { rank: 0, key: text };
  if (out.kind === 'change') {
    const iso = String(out.value);
    if (!plausibleBirthDate(iso, ctx.now)) return { rank: 0, key: iso };
    return { rank: out.confidence >= 0.85 ? 2 : 1, key: iso };
  }
  // Ambiguous day and month: read the way the record's country writes dates, and say it is a guess.
  const { dayFirst, monthFirst } = out.params;
  if (typeof dayFirst === 'string' && typeof monthFirst === 'string') {
    const iso = dateOrderFor(own ?? ctx.hint?.country) === 'MDY' ? monthFirst : dayFirst;
    return { rank: plausibleBirthDate(iso, ctx.now) ? 1 : 0, key: iso };
  }
  return { rank: 0, key: text };
}

function judgeOther(field: CustomerFieldKey, value: string | number, ctx: ValueContext, own: string | undefined): Judged {
  const text = String(value);
  if (NAMES.has(field) && generalCheckName(text)) return { rank: 0, key: text };
  const dateOrder = field === 'created_at' || field === 'updated_at' ? ctx.hint?.dateOrders[field] : undefined;
  const out = standardiseValue(field, value, { recordCountry: own, sourceCountry: ctx.hint?.country, dateOrder, now: ctx.now });
  if (out === null) return { rank: 3, key: text };
  if (out.kind === 'flag') return { rank: 0, key: text };
  return { rank: out.confidence >= 0.85 ? 2 : 1, key: String(out.value) };
}

export function judgeValue(field: CustomerFieldKey, value: string | number, ctx: ValueContext): Judged {
  const text = String(value);
  if (typeof value === 'string' && detectPlaceholder(value, field)) return { rank: 0, key: `\u0000${text}` };
  const own = recordCountryOf(ctx.country);
  switch (field) {
    case 'email':
      return judgeEmail(text);
    case 'phone':
    case 'mobile':
      return judgePhone(text, own ?? ctx.hint?.country);
    case 'birth_date':
      return judgeBirthDate(value, ctx, own);
    default:
      return judgeOther(field, value, ctx, own);
  }
}
