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

/** Month names and abbreviations in English, German, French, Spanish and Italian, accents folded. */
const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  januar: 1, februar: 2, marz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, okt: 10, oktober: 10, dez: 12, dezember: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12,
};

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return months[w] ?? (w.length > 3 ? months[w.slice(0, 3)] : undefined);
}

const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ymdOther = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i;
const chinese = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(\s*\d{1,2}:\d{2}(?::\d{2})?)?$/;
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const dayMonthName = /^(\d{1,2})(?:st|nd|rd|th|\.)?[\s-]+([a-zà-ü]{3,10})\.?,?[\s-]+(\d{2}|\d{4})$/i;
const monthNameDay = /^([a-zà-ü]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

/**
 * Parses a date, or returns undefined. `order` settles ambiguous slash dates
 * (07/03/1985); it comes from the record's country (MDY for the US). A day
 * above 12 settles it regardless. Two-digit years pivot on `now`: a year not
 * after this year's two digits is this century.
 */
export function parseDate(raw: string, order: DateOrder = 'DMY', now: Date = new Date()): ParsedDate | undefined {
  const v = raw.trim();
  const fast = isoFast(v);
  if (fast !== null) return fast;
  if (!iso.test(v)) {
    const numericShape = numericFast(v, order);
    if (numericShape !== null) return numericShape;
  }
  return generalParseDate(v, order, now);
}

/** parseDate by the regexes alone (exported for the differential test). */
export function generalParseDate(raw: string, order: DateOrder = 'DMY', now: Date = new Date()): ParsedDate | undefined {
  const v = raw.trim();
  let m = iso.exec(v);
  if (m) return make(+m[1], +m[2], +m[3], v.length > 10 ? 'yyyy-MM-dd HH:mm' : m[2].length === 2 && m[3].length === 2 ? 'yyyy-MM-dd' : 'yyyy-M-d');
  if ((m = numeric.exec(v))) return fromNumeric(m, order, now);
  if ((m = chinese.exec(v))) return make(+m[1], +m[2], +m[3], m[4] ? 'yyyy年M月d日 HH:mm' : 'yyyy年M月d日');
  if ((m = ymdOther.exec(v))) return make(+m[1], +m[3], +m[4], `yyyy${m[2]}MM${m[2]}dd`);
  if ((m = compact.exec(v))) return make(+m[1], +m[2], +m[3], 'yyyyMMdd');
  if ((m = dayMonthName.exec(v))) {
    const mon = monthNumber(m[2]);
    return mon ? make(fullYear(m[3], now), mon, +m[1], 'd MMM yyyy') : undefined;
  }
  if ((m = monthNameDay.exec(v))) {
    const mon = monthNumber(m[1]);
    return mon ? make(+m[3], mon, +m[2], 'MMM d, yyyy') : undefined;
  }
  return undefined;
}

const digitAt = (v: string, i: number): number => {
  const c = v.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/**
 * The iso pattern for its common shapes, read by character codes (no match
 * arrays): "yyyy-MM-dd", then nothing or "T"/" " HH:mm:ss and an optional
 * "Z". Returns null for every other shape, which the regexes then read.
 */
function isoFast(v: string): ParsedDate | undefined | null {
  const n = v.length;
  if (n !== 10 && n !== 19 && n !== 20) return null;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return null;
  const y0 = digitAt(v, 0), y1 = digitAt(v, 1), y2 = digitAt(v, 2), y3 = digitAt(v, 3), m0 = digitAt(v, 5), m1 = digitAt(v, 6), d0 = digitAt(v, 8), d1 = digitAt(v, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  if (n > 10) {
    const sep = v.charCodeAt(10);
    if (sep !== 84 && sep !== 32) return null;
    if (v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return null;
    if ((digitAt(v, 11) | digitAt(v, 12) | digitAt(v, 14) | digitAt(v, 15) | digitAt(v, 17) | digitAt(v, 18)) < 0) return null;
    if (n === 20 && v.charCodeAt(19) !== 90) return null;
  }
  return make(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1, n > 10 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd');
}

function fromNumeric(m: RegExpExecArray, order: DateOrder, now: Date): ParsedDate | undefined {
  return numericDate(+m[1], +m[3], m[2], fullYear(m[4], now), m[4].length === 2 ? 'yy' : 'yyyy', m[1].length === 2 && m[3].length === 2, order);
}

/**
 * The numeric pattern for its common shapes, "dd/MM/yyyy" (or dots, dashes)
 * with nothing, " HH:mm" or " HH:mm:ss" after it, read by character codes.
 * Returns null for every other shape, which the regexes then read.
 */
function numericFast(v: string, order: DateOrder): ParsedDate | undefined | null {
  const n = v.length;
  if (n !== 10 && n !== 16 && n !== 19) return null;
  const sep = v.charCodeAt(2);
  if ((sep !== 47 && sep !== 46 && sep !== 45) || v.charCodeAt(5) !== sep) return null;
  const a0 = digitAt(v, 0), a1 = digitAt(v, 1), b0 = digitAt(v, 3), b1 = digitAt(v, 4), y0 = digitAt(v, 6), y1 = digitAt(v, 7), y2 = digitAt(v, 8), y3 = digitAt(v, 9);
  if ((a0 | a1 | b0 | b1 | y0 | y1 | y2 | y3) < 0) return null;
  if (n > 10) {
    if (v.charCodeAt(10) !== 32 || v.charCodeAt(13) !== 58 || (digitAt(v, 11) | digitAt(v, 12) | digitAt(v, 14) | digitAt(v, 15)) < 0) return null;
    if (n === 19 && (v.charCodeAt(16) !== 58 || (digitAt(v, 17) | digitAt(v, 18)) < 0)) return null;
  }
  return numericDate(a0 * 10 + a1, b0 * 10 + b1, v[2], y0 * 1000 + y1 * 100 + y2 * 10 + y3, 'yyyy', true, order);
}

function numericDate(a: number, b: number, sep: string, year: number, yearPart: string, pad: boolean, order: DateOrder): ParsedDate | undefined {
  // Dots and dashes are day-first everywhere they are used (07.03.1985).
  let dayFirst = sep !== '/' || order === 'DMY';
  if (a > 12 && b <= 12) dayFirst = true;
  else if (b > 12 && a <= 12) dayFirst = false;
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
  // Date.UTC would roll 31 February into March; a calendar date must exist (proleptic Gregorian, as Date uses).
  if (day > 28 && day > daysInMonth(year, month)) return undefined;
  return { time: Date.UTC(year, month - 1, day), year, month, day, format };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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

/** YYYY-MM-DD of a parsed date: the canonical form fixes write and exports compare against. */
export function isoDate(d: ParsedDate): string {
  return `${d.year}-${d.month < 10 ? '0' : ''}${d.month}-${d.day < 10 ? '0' : ''}${d.day}`;
}

/** Excel stores dates as days since 1899-12-30. */
function excelSerialKey(n: number): string | null {
  const date = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  const y = date.getUTCFullYear();
  return y >= 1000 && y <= 2999 ? `${y}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}` : null;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The date as a YYYYMMDD key for matching, read by parseDate (the same
 * reading validity and fixes use) and, where that finds no calendar date,
 * two readings that are evidence without being dates: Excel serial numbers,
 * and year-first dates with a mistyped month or day ("1737-81-01",
 * "1860-05-00"), kept as typed so "one digit off" can compare them.
 */
export function dateKey(raw: string | number, order: DateOrder, now: Date = new Date()): string | null {
  let s: string;
  if (typeof raw === 'number') {
    if (raw > 0 && raw < 80000) return excelSerialKey(Math.floor(raw));
    s = String(raw);
  } else {
    s = raw.trim();
    if (!s) return null;
    if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialKey(Math.floor(+s));
  }
  const d = parseDate(s, order, now);
  if (d) return `${d.year}${pad2(d.month)}${pad2(d.day)}`;
  const m = /^(\d{4})[-/.年 ](\d{1,2})[-/.月 ](\d{1,2})/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m || +m[1] < 1000 || +m[1] > 2999) return null;
  return `${m[1]}${m[2].padStart(2, '0')}${m[3].padStart(2, '0')}`;
}
