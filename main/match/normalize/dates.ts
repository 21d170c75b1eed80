/**
 * Birth dates in the formats exports actually contain. The result is a
 * YYYYMMDD string so that "one digit off" is a plain character comparison.
 * Ambiguous slash dates are read month-first (US exports, the most common
 * source of slashes); the day/month-swapped comparison level absorbs the
 * records where that guess is wrong.
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  januar: 1, februar: 2, marz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, okt: 10, dez: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, juin: 6, juillet: 7, aout: 8,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9,
  octubre: 10, noviembre: 11, diciembre: 12,
};

const THIS_YEAR = new Date().getFullYear();

function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  // Birth dates are in the past: a two-digit year after this year belongs to the last century.
  return y + (y > THIS_YEAR % 100 ? 1900 : 2000);
}

function ymd(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}${m < 10 ? '0' : ''}${m}${d < 10 ? '0' : ''}${d}`;
}

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

/** Excel stores dates as days since 1899-12-30. */
function fromExcelSerial(n: number): string | null {
  const date = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Year-first dates keep a mistyped month or day ("1737-81-01", "1860-05-00"):
 * the digits are still evidence, and "one digit off" compares them as typed.
 */
function lenient(y: string, m: string, d: string): string | null {
  if (+y < 1000 || +y > 2999) return null;
  return `${y}${m.padStart(2, '0')}${d.padStart(2, '0')}`;
}

function parseNumeric(s: string): string | null {
  let m = /^(\d{4})[-/.年 ](\d{1,2})[-/.月 ](\d{1,2})/.exec(s);
  if (m) return lenient(m[1], m[2], m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return lenient(m[1], m[2], m[3]);
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})\b/.exec(s);
  if (!m) return null;
  const a = +m[1];
  const b = +m[3];
  const y = fullYear(+m[4], m[4].length);
  // Dots and dashes are day-first in the locales that use them; slashes month-first unless impossible.
  const dayFirst = m[2] !== '/' ? a <= 31 && (b <= 12 || a > 12) : a > 12;
  return dayFirst ? ymd(y, b, a) : ymd(y, a, b);
}

function parseWords(s: string): string | null {
  let m = /^(\d{1,2})\.?\s+([a-zà-ü]+)\.?,?\s+(\d{2,4})$/i.exec(s);
  if (m) {
    const mon = monthNumber(m[2]);
    return mon ? ymd(fullYear(+m[3], m[3].length), mon, +m[1]) : null;
  }
  m = /^([a-zà-ü]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2,4})$/i.exec(s);
  if (m) {
    const mon = monthNumber(m[1]);
    return mon ? ymd(fullYear(+m[3], m[3].length), mon, +m[2]) : null;
  }
  return null;
}

/** YYYYMMDD, or null when the value is not a recognisable date. */
export function parseDate(raw: string | number): string | null {
  if (typeof raw === 'number') {
    if (raw >= 10000000 && raw <= 29991231) return parseNumeric(String(raw));
    return raw > 0 && raw < 80000 ? fromExcelSerial(raw) : null;
  }
  const s = raw.trim();
  if (!s) return null;
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromExcelSerial(Math.floor(+s));
  return parseNumeric(s) ?? parseWords(s);
}
