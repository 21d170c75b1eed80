/**
 * Income as people write it: "52,000.00", "€52.000", "52.000,50 €", "52k",
 * "1.2M", "5万", "¥ 300,000", "(1,200)". Parsing here only judges the value;
 * the stored customer value is never rewritten by the quality module.
 */

export interface ParsedIncome {
  value: number;
  format: string;
}

const currency = /^(?:[$€£¥￥]|rmb|cny|usd|eur|gbp|hkd|jpy|chf|元|人民币|us\$)\s*|\s*(?:[$€£¥￥]|rmb|cny|usd|eur|gbp|hkd|jpy|chf|元|人民币)$/gi;
const multipliers: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, mn: 1e6, mio: 1e6, bn: 1e9, 千: 1e3, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

export function parseIncome(input: string | number): ParsedIncome | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input, format: 'number' } : undefined;
  let v = input.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (v === '') return undefined;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(v);
  if (paren) {
    negative = true;
    v = paren[1].trim();
  }
  // "-¥97,000", "-€ 5.000": the sign may come before the currency as well as after it.
  if (v.startsWith('-')) {
    negative = !negative;
    v = v.slice(1).trim();
  }
  const hadCurrency = currency.test(v);
  currency.lastIndex = 0;
  v = v.replace(currency, '').trim();
  currency.lastIndex = 0;
  if (v.startsWith('-')) {
    negative = !negative;
    v = v.slice(1).trim();
  }
  v = v.replace(/\s*(?:\/\s*(?:yr|year|a|年)|per year|p\.a\.)$/i, '');
  // "€34.000,-": the dash says "no cents" in German, Dutch and Swiss prices.
  v = v.replace(/[.,]-{1,2}$/, '');
  let multiplier = 1;
  const suffix = /^(.*?)\s*(k|K|m|M|mn|mio|bn|千|万|萬|亿|億)$/.exec(v);
  if (suffix) {
    multiplier = multipliers[suffix[2]];
    v = suffix[1];
  }
  const number = parseGroupedNumber(v);
  if (number === undefined) return undefined;
  const format = [hadCurrency ? 'currency' : '', number.style, suffix ? `suffix ${suffix[2]}` : ''].filter(Boolean).join(' ');
  const value = number.value * multiplier * (negative ? -1 : 1);
  return Number.isFinite(value) ? { value, format } : undefined;
}

/**
 * "52,000.00" (comma groups), "12,00,000" (Indian lakh groups), "52.000,50" and "€52.000" (dot groups),
 * "52 000" (space groups), "52000.5" (plain). A single separator followed by
 * exactly three digits is read as grouping: incomes are rarely given to a
 * thousandth.
 */
function parseGroupedNumber(v: string): { value: number; style: string } | undefined {
  // Spreadsheets write big numbers in scientific notation (1e10, 1.5E+10).
  if (/^\d+(?:\.\d+)?e[+]?\d{1,3}$/i.test(v)) return { value: Number(v), style: 'scientific' };
  if (/^\d+(?:\.\d+)?$/.test(v)) {
    if (/^\d{1,3}\.\d{3}$/.test(v) ) return { value: Number(v.replace('.', '')), style: 'dot-grouped' };
    return { value: Number(v), style: 'plain' };
  }
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(v)) return { value: Number(v.replace(/,/g, '')), style: 'comma-grouped' };
  // Indian lakh and crore grouping: 12,00,000 (twelve lakh), 1,50,00,000.
  if (/^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/.test(v)) return { value: Number(v.replace(/,/g, '')), style: 'lakh-grouped' };
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(v)) return { value: Number(v.replace(/\./g, '').replace(',', '.')), style: 'dot-grouped' };
  if (/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(v)) return { value: Number(v.replace(/ /g, '').replace(',', '.')), style: 'space-grouped' };
  if (/^\d{1,3}(?:'\d{3})+(?:\.\d+)?$/.test(v)) return { value: Number(v.replace(/'/g, '')), style: 'apostrophe-grouped' };
  if (/^\d+,\d{1,2}$/.test(v)) return { value: Number(v.replace(',', '.')), style: 'decimal-comma' };
  return undefined;
}

export interface RobustStats {
  median: number;
  mad: number;
  count: number;
}

/**
 * Median and median absolute deviation of log10(income) over the positive
 * incomes. Incomes are right-skewed (roughly log-normal), so on the raw scale
 * every high earner would look like an outlier; on the log scale both a
 * "52000000" typo and a "5" stand out.
 */
export function robustStats(values: Float64Array, count: number): RobustStats | undefined {
  const logs = new Float64Array(count);
  let n = 0;
  for (let i = 0; i < count; i++) if (values[i] > 0) logs[n++] = Math.log10(values[i]);
  if (n < 5) return undefined;
  const sorted = logs.subarray(0, n).sort();
  const median = medianOfSorted(sorted);
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) dev[i] = Math.abs(sorted[i] - median);
  const mad = medianOfSorted(dev.sort());
  return { median, mad, count: n };
}

function medianOfSorted(a: Float64Array): number {
  const mid = a.length >> 1;
  return a.length % 2 ? a[mid] : (a[mid - 1] + a[mid]) / 2;
}

/** Iglewicz and Hoaglin's modified z-score; above 3.5 is their recommended outlier cut-off. */
export const outlierThreshold = 3.5;

export function robustZ(value: number, stats: RobustStats): number | undefined {
  if (value <= 0 || stats.mad === 0) return undefined;
  return (0.6745 * (Math.log10(value) - stats.median)) / stats.mad;
}
