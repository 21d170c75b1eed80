/**
 * Dates to ISO 8601. Canonical forms:
 *   - a date (birth_date, or a stamp without a time): YYYY-MM-DD;
 *   - a time stamp (created_at, updated_at with a time): YYYY-MM-DDTHH:mm:ss,
 *     with the fraction of a second and the zone only when the value had them
 *     ("Z" or ±HH:MM; "UTC"/"GMT" become "Z"). No zone is invented: a stamp
 *     without one stays a local time, as the source wrote it.
 *
 * Day/month order. Year-first, dotted (07.03.1985, day-first wherever dots
 * are used), Chinese (1985年3月7日), compact (19850307) and month-name dates
 * are unambiguous. So is a slash or dash date whose first or second number is
 * above 12, or whose two numbers are equal. Any other slash or dash date
 * (07/03/1985) is read in its column's inferred order (DateOrderEvidence,
 * rule date_iso_inferred) or, when the column gives none, flagged
 * (date_ambiguous). The record's country is not used to guess: US exports
 * written by European systems are common enough that a guess would be wrong
 * in bulk.
 *
 * A birth date with a time of day other than midnight
 * ("1985-03-06T23:00:00Z") is flagged: it is usually a local midnight shifted
 * into UTC, and cutting the time would give the day before.
 */
import { parseDate, type DateOrder } from './date.ts';
import { change, flag, type Change, type Flag, type StandardiseContext } from './standardiser.ts';

export type DateKind = 'date' | 'stamp';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const canonicalDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const canonicalStamp = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;
/** A time after the date: "T10:15", " 10:15:00.123", " 2:15 PM", "10:15:00Z", " 10:15 +0200". */
const timePart = /(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(?:([AaPp])\.?\s?[Mm]\.?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/;
const numericDate = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;

interface Time {
  h: number;
  mi: number;
  s: number;
  frac: string;
  zone: string;
}

function readTime(m: RegExpExecArray): Time | undefined {
  let h = +m[1];
  const mi = +m[2];
  const s = m[3] ? +m[3] : 0;
  const ampm = m[5]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    h = ampm === 'p' ? (h % 12) + 12 : h % 12;
  }
  if (h > 23 || mi > 59 || s > 59) return undefined;
  let zone = m[6] ?? '';
  if (zone === 'UTC' || zone === 'GMT') zone = 'Z';
  else if (zone.length === 5) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  if (zone === '+00:00' && m[6] === 'Z') zone = 'Z';
  return { h, mi, s, frac: m[4] ?? '', zone };
}

const digit = (v: string, i: number): number => {
  const c = v.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/**
 * The commonest stamp shapes read by character codes: a ten-character date
 * followed by " HH:mm" or " HH:mm:ss" (or "T…"), as in "2025-02-15
 * 22:35:59" and "15/06/2023 12:57". Returns the time (the date part is then
 * the first ten characters), null for an impossible time, or undefined for
 * any other shape (the regexes read those).
 */
function fastTime(v: string): Time | null | undefined {
  const n = v.length;
  if (n !== 16 && n !== 19) return undefined;
  const sep = v.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || v.charCodeAt(13) !== 58 || (n === 19 && v.charCodeAt(16) !== 58)) return undefined;
  const h0 = digit(v, 11), h1 = digit(v, 12), m0 = digit(v, 14), m1 = digit(v, 15);
  const s0 = n === 19 ? digit(v, 17) : 0, s1 = n === 19 ? digit(v, 18) : 0;
  if ((h0 | h1 | m0 | m1 | s0 | s1) < 0) return undefined;
  const h = h0 * 10 + h1, mi = m0 * 10 + m1, sec = s0 * 10 + s1;
  if (h > 23 || mi > 59 || sec > 59) return null;
  return { h, mi, s: sec, frac: '', zone: '' };
}

/** The one- or two-digit number at i, or -1. */
function readNumber(v: string, i: number): number {
  const d0 = digit(v, i);
  if (d0 < 0) return -1;
  const d1 = digit(v, i + 1);
  if (d1 < 0) return d0;
  return digit(v, i + 2) >= 0 ? -1 : d0 * 10 + d1;
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

function fullYear(text: string, now: Date): number {
  if (text.length === 4) return +text;
  const yy = +text;
  const current = now.getUTCFullYear() % 100;
  const century = now.getUTCFullYear() - current;
  return yy <= current ? century + yy : century - 100 + yy;
}

/** Which order settles a numeric date by itself: 'DMY', 'MDY', 'same' (equal numbers) or undefined (ambiguous). */
export function settledOrder(a: number, b: number, sep: string): DateOrder | 'same' | undefined {
  if (sep === '.') return 'DMY';
  if (a === b) return 'same';
  if (a > 12 && b <= 12) return 'DMY';
  if (b > 12 && a <= 12) return 'MDY';
  return undefined;
}

/** Excel's day zero is 1899-12-30 (its 1900 leap-year bug folded in for every date after February 1900). */
function excelSerial(n: number, kind: DateKind): Change | null {
  if (!(n >= 1 && n < 80000)) return null;
  const days = Math.floor(n);
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const fraction = n - days;
  if (fraction > 0 && kind === 'stamp') {
    const secs = Math.round(fraction * 86_400);
    if (secs >= 86_400) return null;
    return change(`${date}T${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`, 'date_excel_serial', 0.7);
  }
  if (fraction > 0) return null;
  return change(date, 'date_excel_serial', 0.7);
}

/**
 * A date or time stamp value: a change to its ISO form, a flag when it is
 * ambiguous, or null (canonical, or not a date: data quality reports those).
 */
export function standardiseDate(raw: string | number, kind: DateKind, ctx: Pick<StandardiseContext, 'dateOrder' | 'now'>): Change | Flag | null {
  return readStamp(raw, kind, ctx, true);
}

/** standardiseDate by the regexes alone (exported for the differential test). */
export function generalStandardiseDate(raw: string | number, kind: DateKind, ctx: Pick<StandardiseContext, 'dateOrder' | 'now'>): Change | Flag | null {
  return readStamp(raw, kind, ctx, false);
}

function readStamp(raw: string | number, kind: DateKind, ctx: Pick<StandardiseContext, 'dateOrder' | 'now'>, fast: boolean): Change | Flag | null {
  if (typeof raw === 'number') return excelSerial(raw, kind);
  const v = raw.trim();
  if (v.length === 10 && canonicalDate.test(v)) return null;
  if (kind === 'stamp' && v.length >= 19 && canonicalStamp.test(v)) return null;
  if (/^\d{5}(?:\.\d+)?$/.test(v)) return excelSerial(+v, kind);

  let datePart = v;
  let time: Time | undefined | null = fast ? fastTime(v) : undefined;
  if (time === null) return null;
  if (time) {
    datePart = v.slice(0, 10);
  } else {
    const t = timePart.exec(v);
    if (t && t.index >= 6) {
      time = readTime(t);
      if (!time) return null;
      datePart = v.slice(0, t.index).replace(/[,\s]+$/, '');
    }
  }
  const read = readDate(datePart, ctx);
  if (read === null) return null;
  if (read.kind === 'flag') return flag(read.rule, { ...read.params, value: v });
  const { date, inferredOrder, century } = read;

  let value = date;
  if (time) {
    if (kind === 'stamp') value = `${date}T${pad2(time.h)}:${pad2(time.mi)}:${pad2(time.s)}${time.frac}${time.zone}`;
    else if (time.h !== 0 || time.mi !== 0 || time.s !== 0) return flag('date_ambiguous', { value: v, reason: 'time', date });
  }
  if (value === v) return null;
  if (!inferredOrder && century === undefined) return change(value, 'date_iso', 1);
  // Each inference costs confidence: the column's order 0.9, a two-digit year's century 0.85, both 0.8.
  const params: Record<string, string | number> = {};
  if (inferredOrder) params.order = inferredOrder;
  if (century !== undefined) params.century = century;
  const confidence = inferredOrder && century !== undefined ? 0.8 : inferredOrder ? 0.9 : 0.85;
  return change(value, 'date_iso_inferred', confidence, params);
}

interface ReadDate {
  kind: 'date';
  date: string;
  inferredOrder?: DateOrder;
  century?: number;
}

/** The date part alone: its ISO form and what was inferred, a flag when it is ambiguous, or null. */
function readDate(datePart: string, ctx: Pick<StandardiseContext, 'dateOrder' | 'now'>): ReadDate | Flag | null {
  // "yyyy-MM-dd", the commonest date part, by character codes.
  if (datePart.length === 10 && datePart.charCodeAt(4) === 45 && datePart.charCodeAt(7) === 45) {
    const y0 = digit(datePart, 0), y1 = digit(datePart, 1), y2 = digit(datePart, 2), y3 = digit(datePart, 3);
    const m0 = digit(datePart, 5), m1 = digit(datePart, 6), d0 = digit(datePart, 8), d1 = digit(datePart, 9);
    if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) >= 0) {
      const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
      return validDay(y, m0 * 10 + m1, d0 * 10 + d1) ? { kind: 'date', date: datePart } : null;
    }
  }
  const n = numericDate.exec(datePart);
  if (n) {
    const a = +n[1];
    const b = +n[3];
    const year = fullYear(n[4], ctx.now);
    const century = n[4].length === 2 ? year - (year % 100) : undefined;
    const settled = settledOrder(a, b, n[2]);
    let order: DateOrder;
    let inferredOrder: DateOrder | undefined;
    if (settled === undefined) {
      if (!validDay(year, a, b) && !validDay(year, b, a)) return null;
      if (!ctx.dateOrder) {
        return flag('date_ambiguous', { value: datePart, reason: 'order', dayFirst: `${year}-${pad2(b)}-${pad2(a)}`, monthFirst: `${year}-${pad2(a)}-${pad2(b)}` });
      }
      order = inferredOrder = ctx.dateOrder;
    } else {
      order = settled === 'same' ? 'DMY' : settled;
    }
    const [d, m] = order === 'DMY' ? [a, b] : [b, a];
    if (!validDay(year, m, d)) return null;
    return { kind: 'date', date: `${year}-${pad2(m)}-${pad2(d)}`, inferredOrder, century };
  }
  // Other day-first-looking numeric shapes ("7/3/985") are not dates.
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]/.test(datePart)) return null;
  // parseDate reads year-first, Chinese, compact and month-name dates; none of them depends on the order.
  const p = parseDate(datePart, 'DMY', ctx.now);
  if (!p || !validDay(p.year, p.month, p.day)) return null;
  const century = p.format === 'd MMM yyyy' && /\D\d{2}$/.test(datePart) ? p.year - (p.year % 100) : undefined;
  return { kind: 'date', date: `${p.year}-${pad2(p.month)}-${pad2(p.day)}`, century };
}

/**
 * Evidence for one column's day/month order: feed it every value of the
 * column (one source), then ask inferredOrder(). Only slash and dash dates
 * whose numbers settle the order vote (25/12/1990 says day-first,
 * 12/25/1990 month-first); ISO, dotted, Chinese and month-name dates say
 * nothing about how the column writes slashes.
 *
 * Threshold: at least `minVotes` (5) deciding values, and the winning order
 * holding at least `minShare` (95%) of them. Five agreeing votes leave a 6%
 * chance that a column mixing both orders half and half looks settled; more
 * contradiction than one in twenty means two systems fed the column, and then
 * every ambiguous value is flagged rather than guessed.
 */
export class DateOrderEvidence {
  dayFirst = 0;
  monthFirst = 0;
  ambiguous = 0;

  constructor(
    readonly minVotes = 5,
    readonly minShare = 0.95,
  ) {}

  /** Reads "a/b/yy[yy]" or "a-b-yy[yy]" (a time may follow) by character codes; every other value says nothing. */
  add(raw: string | number | null | undefined): void {
    if (typeof raw !== 'string') return;
    let i = 0;
    while (raw.charCodeAt(i) === 32) i++;
    const a = readNumber(raw, i);
    if (a < 0) return;
    i += digit(raw, i + 1) >= 0 ? 2 : 1;
    const sep = raw.charCodeAt(i);
    if (sep !== 47 && sep !== 45) return;
    const b = readNumber(raw, i + 1);
    if (b < 0) return;
    i += 1 + (digit(raw, i + 2) >= 0 ? 2 : 1);
    if (raw.charCodeAt(i) !== sep) return;
    let y = i + 1;
    while (digit(raw, y) >= 0) y++;
    const yearDigits = y - i - 1;
    if ((yearDigits !== 2 && yearDigits !== 4) || (y < raw.length && raw.charCodeAt(y) !== 32 && raw.charCodeAt(y) !== 84)) return;
    if (a < 1 || b < 1 || (a > 12 && b > 12)) return;
    const settled = settledOrder(a, b, sep === 47 ? '/' : '-');
    if (settled === 'DMY') this.dayFirst++;
    else if (settled === 'MDY') this.monthFirst++;
    else if (settled === undefined) this.ambiguous++;
  }

  inferredOrder(): DateOrder | undefined {
    const votes = this.dayFirst + this.monthFirst;
    if (votes < this.minVotes) return undefined;
    if (this.dayFirst >= votes * this.minShare) return 'DMY';
    if (this.monthFirst >= votes * this.minShare) return 'MDY';
    return undefined;
  }
}
