/**
 * Money as a plain number, and its currency as an ISO 4217 code where the
 * value gives one: "$85,000" → 85000 USD, "85.000,00 €" → 85000 EUR,
 * "85000.00" → 85000, "€52k" → 52000 EUR, "5万" → 50000, "¥300,000" → 300000
 * CNY (JPY in Japan). The amount is read by parseIncome (grouping, decimal
 * commas, k/M/万/亿 multipliers, negatives in parentheses).
 *
 * Currency codes (USD, EUR, …) and unambiguous signs (€, £, ₹, 元, RMB,
 * US$, HK$, R$ …) are certain. "$", "¥", "kr", "Fr." and "Rs" are read in
 * the record's country ("$" is CAD in Canada, AUD in Australia; "¥" is JPY in
 * Japan, else CNY; "kr" is SEK, NOK or DKK and nothing elsewhere), which costs
 * confidence (0.8). The currency travels in the proposal's params
 * ({ currency }), since the customer has no currency field.
 */
import { parseIncome } from './income.ts';
import { change, type Change } from './standardiser.ts';

export interface Money {
  amount: number;
  currency?: string;
  /** 'code' (USD, €, RMB…) or 'symbol' (a sign read in the record's country). */
  currencyFrom?: 'code' | 'symbol';
  /** How sure the amount is: 1 plain, 0.95 grouped, 0.9 multiplier, 0.8 a separator that could be a decimal. */
  confidence: number;
}

const codes = 'usd|eur|gbp|cny|jpy|chf|hkd|cad|aud|nzd|sgd|sek|nok|dkk|pln|inr|brl|mxn|krw|rub|czk|huf|twd|zar|try|ils|aed|thb|myr|idr|php|vnd';
const prefixedDollar: Record<string, string> = { us: 'USD', hk: 'HKD', a: 'AUD', au: 'AUD', c: 'CAD', ca: 'CAD', nz: 'NZD', s: 'SGD', sg: 'SGD', r: 'BRL', mx: 'MXN', nt: 'TWD' };
const signs: Record<string, string> = { '€': 'EUR', '£': 'GBP', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '元': 'CNY', '人民币': 'CNY', rmb: 'CNY', 'zł': 'PLN', '₺': 'TRY', '₪': 'ILS', '฿': 'THB', '₫': 'VND' };
const dollarCountries: Record<string, string> = { CA: 'CAD', AU: 'AUD', NZ: 'NZD', HK: 'HKD', SG: 'SGD', MX: 'MXN', AR: 'ARS', CL: 'CLP', CO: 'COP', TW: 'TWD' };
const kronor: Record<string, string> = { SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK' };
const rupees: Record<string, string> = { IN: 'INR', PK: 'PKR', LK: 'LKR', NP: 'NPR' };

const token = `(?:(us|hk|a|au|c|ca|nz|s|sg|r|mx|nt)\\$|[$€£¥￥₹₩₽₺₪฿₫]|元|人民币|rmb|zł|(?:${codes})(?![a-z])|(?:rs|fr|kr)(?![a-z])\\.?)`;
const leading = new RegExp(`^${token}\\s*`, 'i');
const trailing = new RegExp(`\\s*${token}$`, 'i');

function currencyOf(tok: string, dollarPrefix: string | undefined, country: string | undefined): { currency?: string; from: 'code' | 'symbol' } {
  const t = tok.toLowerCase().replace(/\.$/, '');
  if (dollarPrefix) return { currency: prefixedDollar[dollarPrefix.toLowerCase()], from: 'code' };
  if (signs[t]) return { currency: signs[t], from: 'code' };
  if (t === '$') return { currency: (country && dollarCountries[country]) ?? 'USD', from: 'symbol' };
  if (t === '¥' || t === '￥') return { currency: country === 'JP' ? 'JPY' : 'CNY', from: 'symbol' };
  if (t === 'kr') return { currency: country ? kronor[country] : undefined, from: 'symbol' };
  if (t === 'fr') return { currency: country === 'CH' || country === 'LI' ? 'CHF' : undefined, from: 'symbol' };
  if (t === 'rs') return { currency: country ? rupees[country] : undefined, from: 'symbol' };
  return { currency: t.toUpperCase(), from: 'code' };
}

export function parseMoney(raw: string, country: string | undefined): Money | undefined {
  let v = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  let negative = false;
  if (v.startsWith('-')) {
    negative = true;
    v = v.slice(1).trim();
  }
  let found: { currency?: string; from: 'code' | 'symbol' } | undefined;
  const lead = leading.exec(v);
  if (lead) {
    found = currencyOf(lead[0].trim(), lead[1], country);
    v = v.slice(lead[0].length);
  } else {
    const trail = trailing.exec(v);
    if (trail) {
      found = currencyOf(trail[0].trim(), trail[1], country);
      v = v.slice(0, trail.index);
    }
  }
  const parsed = parseIncome(v);
  if (!parsed) return undefined;
  const f = parsed.format;
  const ambiguous = f.includes('decimal-comma') || f.includes('scientific') || (f.includes('dot-grouped') && /^\d{1,3}\.\d{3}$/.test(v.trim()));
  const confidence = ambiguous ? 0.8 : f.includes('suffix') ? 0.9 : f === 'plain' ? 1 : 0.95;
  const amount = negative ? -parsed.value : parsed.value;
  const money: Money = { amount: Object.is(amount, -0) ? 0 : amount, confidence };
  if (found?.currency) {
    money.currency = found.currency;
    money.currencyFrom = found.from;
  }
  return money;
}

/** An amount field's value: the plain number (rule money_amount, currency in params), or null. */
export function standardiseMoney(v: string, country: string | undefined): Change | null {
  const money = parseMoney(v, country);
  if (!money) return null;
  const params: Record<string, string | number> = {};
  let confidence = money.confidence;
  if (money.currency) {
    params.currency = money.currency;
    if (money.currencyFrom === 'symbol') confidence = Math.min(confidence, 0.8);
  }
  return change(money.amount, 'money_amount', confidence, money.currency ? params : undefined);
}
