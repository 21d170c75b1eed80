/**
 * Date and timestamp spellings seen in real exports. Hand-written instead of
 * date-fns `format` because the 1M-row benchmark formats two or three dates
 * per row and a template switch is several times faster.
 */

export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

export type DateStyle =
  | 'iso' // 1985-03-07
  | 'dmy_slash' // 07/03/1985
  | 'd_m_y_slash' // 7/3/1985
  | 'mdy_slash' // 03/07/1985
  | 'm_d_y_slash' // 3/7/1985
  | 'mdy_short' // 3/7/85
  | 'dmy_dot' // 07.03.1985
  | 'd_m_y_dot' // 7.3.1985
  | 'dmy_dash' // 07-03-1985
  | 'd_mon_y' // 7 Mar 1985
  | 'zh' // 1985年3月7日
  | 'ymd_slash' // 1985/3/7
  | 'compact'; // 19850307

export type TimestampStyle =
  | 'iso_z' // 2021-03-04T10:22:05Z
  | 'iso_ms_z' // 2021-03-04T10:22:05.000Z (Salesforce)
  | 'sql' // 2021-03-04 10:22:05
  | 'dmy_hm' // 04/03/2021 10:22
  | 'mdy_ampm' // 3/4/2021 10:22 AM (Dynamics, US)
  | 'dmy_dot_hm' // 04.03.2021 10:22
  | 'ymd_slash_hms' // 2021/3/4 10:22:05
  | 'zh_hm'; // 2021年3月4日 10:22

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const p2 = (n: number): string => (n < 10 ? '0' + n : String(n));

export function formatDate(date: Ymd, style: DateStyle): string {
  const { y, m, d } = date;
  const ys = String(y).padStart(4, '0');
  switch (style) {
    case 'iso': return `${ys}-${p2(m)}-${p2(d)}`;
    case 'dmy_slash': return `${p2(d)}/${p2(m)}/${ys}`;
    case 'd_m_y_slash': return `${d}/${m}/${ys}`;
    case 'mdy_slash': return `${p2(m)}/${p2(d)}/${ys}`;
    case 'm_d_y_slash': return `${m}/${d}/${ys}`;
    case 'mdy_short': return `${m}/${d}/${p2(y % 100)}`;
    case 'dmy_dot': return `${p2(d)}.${p2(m)}.${ys}`;
    case 'd_m_y_dot': return `${d}.${m}.${ys}`;
    case 'dmy_dash': return `${p2(d)}-${p2(m)}-${ys}`;
    case 'd_mon_y': return `${d} ${MON[m - 1] ?? m} ${ys}`;
    case 'zh': return `${ys}年${m}月${d}日`;
    case 'ymd_slash': return `${ys}/${m}/${d}`;
    case 'compact': return `${ys}${p2(m)}${p2(d)}`;
  }
}

/** Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm): no Date object per timestamp. */
function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Timestamps are UTC: exports from cloud CRMs are, and it keeps files independent of the machine's zone. */
export function formatTimestamp(epochMs: number, style: TimestampStyle): string {
  const days = Math.floor(epochMs / 86_400_000);
  const { y, m: mo, d } = civilFromDays(days);
  let secs = Math.floor((epochMs - days * 86_400_000) / 1000);
  const h = Math.floor(secs / 3600);
  secs -= h * 3600;
  const mi = Math.floor(secs / 60);
  const s = secs - mi * 60;
  switch (style) {
    case 'iso_z': return `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}Z`;
    case 'iso_ms_z': return `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}.000Z`;
    case 'sql': return `${y}-${p2(mo)}-${p2(d)} ${p2(h)}:${p2(mi)}:${p2(s)}`;
    case 'dmy_hm': return `${p2(d)}/${p2(mo)}/${y} ${p2(h)}:${p2(mi)}`;
    case 'mdy_ampm': return `${mo}/${d}/${y} ${h % 12 || 12}:${p2(mi)} ${h < 12 ? 'AM' : 'PM'}`;
    case 'dmy_dot_hm': return `${p2(d)}.${p2(mo)}.${y} ${p2(h)}:${p2(mi)}`;
    case 'ymd_slash_hms': return `${y}/${mo}/${d} ${p2(h)}:${p2(mi)}:${p2(s)}`;
    case 'zh_hm': return `${y}年${mo}月${d}日 ${p2(h)}:${p2(mi)}`;
  }
}

/** The pattern each style writes, as the truth file names it: part order and separators, padding aside. */
export const DATE_FORMAT_LABEL: Readonly<Record<DateStyle, string>> = {
  iso: 'y-m-d', dmy_slash: 'd/m/y', d_m_y_slash: 'd/m/y', mdy_slash: 'm/d/y', m_d_y_slash: 'm/d/y', mdy_short: 'm/d/yy',
  dmy_dot: 'd.m.y', d_m_y_dot: 'd.m.y', dmy_dash: 'd-m-y', d_mon_y: 'd mon y', zh: 'y年m月d日', ymd_slash: 'y/m/d', compact: 'ymd',
};

/**
 * Slash and dash dates that start with day and month: 07/03/1985 is 7 March
 * or 3 July depending on who wrote it. Dots are day-first wherever they are
 * used, and year-first forms are always year-month-day.
 */
const ORDER_BY_CONVENTION: ReadonlySet<DateStyle> = new Set<DateStyle>(['dmy_slash', 'd_m_y_slash', 'mdy_slash', 'm_d_y_slash', 'mdy_short', 'dmy_dash']);

/** The written date cannot tell day from month: both could be either, and swapping them changes the date. */
export function orderAmbiguous(date: Ymd, style: DateStyle): boolean {
  return ORDER_BY_CONVENTION.has(style) && date.d <= 12 && date.m <= 12 && date.d !== date.m;
}

/** The year a reader takes a style's year to be: two-digit years are this century up to the reference year's, else the last. */
export function readYear(date: Ymd, style: DateStyle, referenceYear: number): number {
  if (style !== 'mdy_short') return date.y;
  const yy = date.y % 100;
  return yy <= referenceYear % 100 ? referenceYear - (referenceYear % 100) + yy : referenceYear - (referenceYear % 100) - 100 + yy;
}

export function isoDate(date: Ymd): string {
  return formatDate(date, 'iso');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return DAYS_IN_MONTH[m - 1];
}
