/**
 * Phones to E.164 (+4930123456), read by checkPhone (its fast paths answer
 * the common shapes in about a microsecond). The country a national number
 * is read in: the record's own country; a number with its own international
 * prefix (+, 00, 011) needs none; failing both, the source's dominant
 * country, which is an inference (its own rule, not safe).
 *
 * An extension cannot be written in E.164; it is kept the RFC 3966 way,
 * "+14155550134;ext=12", so no digit is lost.
 *
 * Numbers a spreadsheet turned into scientific notation (4.15555E+09) have
 * lost their last digits: they are flagged, never "fixed". Invalid numbers
 * get nothing (data quality reports them).
 */
import { checkPhone } from './phone.ts';
import { change, flag, type Change, type Flag, type StandardiseContext } from './standardiser.ts';

const e164 = /^\+[1-9]\d{5,14}(?:;ext=\d{1,6})?$/;
const scientific = /^[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*\+?\d{1,3}$/;
const extension = /\s*(?:;?\s*ext\.?|extension|x|#|转|分机|內線|内线)\s*(\d{1,6})\s*$/i;

/** A phone value: a change to E.164, a damage flag, or null (canonical, invalid or unjudged). */
export function standardisePhone(raw: string | number, ctx: StandardiseContext): Change | Flag | null {
  if (typeof raw === 'number') {
    // A phone read as a number: digits survive only below 2^53 and without a fraction.
    if (!Number.isSafeInteger(raw) || raw <= 0) return flag('phone_damaged', { value: String(raw), reason: 'scientific' });
    raw = String(raw);
  }
  const v = raw.trim();
  if (e164.test(v)) return null;
  if (scientific.test(v)) return flag('phone_damaged', { value: v, reason: 'scientific' });
  const country = ctx.recordCountry ?? ctx.sourceCountry;
  const check = checkPhone(v, country);
  if (check.status !== 'valid') return null;
  // Only a value with something besides digits and ( ) + - . / spaces can carry an extension.
  const ext = /[^\d\s()+\-./]/.test(v) ? extension.exec(v) : null;
  const value = ext ? `${check.e164};ext=${ext[1]}` : check.e164;
  if (value === v) return null;
  if (check.international || ctx.recordCountry) return change(value, 'phone_e164', 1);
  return change(value, 'phone_e164_source_country', 0.8, { country: ctx.sourceCountry as string, countryFrom: 'source' });
}
