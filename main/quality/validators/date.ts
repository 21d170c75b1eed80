/**
 * Dates as CRM exports write them: ISO (with or without a time), European
 * day-first with slashes, dots or dashes, American month-first, two-digit
 * years, Chinese 1985年3月7日, compact YYYYMMDD and English month names.
 * Hand-written rather than date-fns parse: one pass of a few regexes is what
 * a million-row profile can afford, and the matched format name feeds the
 * one-format-per-column check.
 */

export interface ParsedDate {
  /** Milliseconds since the epoch at UTC midnight of the date. */
  time: number;
  year: number;
  month: number;
  day: number;
  /** The format it matched, e.g. "yyyy-MM-dd", "dd.MM.yyyy". */
  format: string;
}

export type DateOrder = 'DMY' | 'MDY';

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ymdOther = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i;
const chinese = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(\s*\d{1,2}:\d{2}(?::\d{2})?)?$/;
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const dayMonthName = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{2}|\d{4})$/i;
const monthNameDay = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

/**
 * Parses a date, or returns undefined. `order` settles ambiguous slash dates
 * (07/03/1985); it comes from the record's country (MDY for the US). A day
 * above 12 settles it regardless. Two-digit years pivot on `now`: a year not
 * after this year's two digits is this century.
 */
export function parseDate(raw: string, order: DateOrder = 'DMY', now: Date = new Date()): ParsedDate | undefined {
  const v = raw.trim();
  let m = iso.exec(v);
  if (m) return make(+m[1], +m[2], +m[3], v.length > 10 ? 'yyyy-MM-dd HH:mm' : m[2].length === 2 && m[3].length === 2 ? 'yyyy-MM-dd' : 'yyyy-M-d');
  if ((m = numeric.exec(v))) return fromNumeric(m, order, now);
  if ((m = chinese.exec(v))) return make(+m[1], +m[2], +m[3], m[4] ? 'yyyy年M月d日 HH:mm' : 'yyyy年M月d日');
  if ((m = ymdOther.exec(v))) return make(+m[1], +m[3], +m[4], `yyyy${m[2]}MM${m[2]}dd`);
  if ((m = compact.exec(v))) return make(+m[1], +m[2], +m[3], 'yyyyMMdd');
  if ((m = dayMonthName.exec(v))) {
    const mon = months[m[2].toLowerCase()];
    return mon ? make(fullYear(m[3], now), mon, +m[1], 'd MMM yyyy') : undefined;
  }
  if ((m = monthNameDay.exec(v))) {
    const mon = months[m[1].toLowerCase()];
    return mon ? make(+m[3], mon, +m[2], 'MMM d, yyyy') : undefined;
  }
  return undefined;
}

function fromNumeric(m: RegExpExecArray, order: DateOrder, now: Date): ParsedDate | undefined {
  const a = +m[1];
  const b = +m[3];
  const sep = m[2];
  const year = fullYear(m[4], now);
  const yearPart = m[4].length === 2 ? 'yy' : 'yyyy';
  // Dots and dashes are day-first everywhere they are used (07.03.1985).
  let dayFirst = sep !== '/' || order === 'DMY';
  if (a > 12 && b <= 12) dayFirst = true;
  else if (b > 12 && a <= 12) dayFirst = false;
  const pad = m[1].length === 2 && m[3].length === 2;
  const part = pad ? (dayFirst ? `dd${sep}MM` : `MM${sep}dd`) : dayFirst ? `d${sep}M` : `M${sep}d`;
  return dayFirst ? make(year, b, a, `${part}${sep}${yearPart}`) : make(year, a, b, `${part}${sep}${yearPart}`);
}

function fullYear(text: string, now: Date): number {
  if (text.length === 4) return +text;
  const yy = +text;
  const current = now.getUTCFullYear() % 100;
  const century = now.getUTCFullYear() - current;
  return yy <= current ? century + yy : century - 100 + yy;
}

function make(year: number, month: number, day: number, format: string): ParsedDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return undefined;
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 31 February into March; a calendar date must come back unchanged.
  if (new Date(time).getUTCDate() !== day) return undefined;
  return { time, year, month, day, format };
}

export type BirthDateCheck =
  | { status: 'valid'; date: ParsedDate; age: number }
  | { status: 'unparseable' }
  | { status: 'future'; date: ParsedDate }
  | { status: 'implausible'; date: ParsedDate; age: number };

/** A birth date must parse, not lie in the future, and give an age from 0 to 120. */
export function checkBirthDate(raw: string, order: DateOrder, now: Date): BirthDateCheck {
  const date = parseDate(raw, order, now);
  if (!date) return { status: 'unparseable' };
  if (date.time > now.getTime()) return { status: 'future', date };
  const age = ageOn(date, now);
  if (age > 120) return { status: 'implausible', date, age };
  return { status: 'valid', date, age };
}

export function ageOn(date: ParsedDate, now: Date): number {
  const y = now.getUTCFullYear() - date.year;
  const beforeBirthday = now.getUTCMonth() + 1 < date.month || (now.getUTCMonth() + 1 === date.month && now.getUTCDate() < date.day);
  return beforeBirthday ? y - 1 : y;
}

/** Countries that write month first. Everywhere else day-first is the safer reading. */
const monthFirst = new Set(['US', 'PH', 'FM', 'MH', 'PW']);

export function dateOrderFor(country: string | undefined): DateOrder {
  return country && monthFirst.has(country) ? 'MDY' : 'DMY';
}
