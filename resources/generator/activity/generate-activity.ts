/**
 * Purchases, refunds and needs for customers of a generated export, written
 * the ways exports write them (ISO, day-first dotted and Chinese dates;
 * "€12,50", "$1,234.50", "¥88.00", negative refunds or a "Refund" kind), with
 * the RFM truth worked out from the generator's own numbers, never from
 * reading the file back: the app's reading and sums are checked against it.
 */
import { deriveSeed, Rng } from '../prng.ts';

export interface ActivityOptions {
  seed: number;
  /** yyyy-MM-dd: the truth is as of this date; a few transactions fall after it. */
  asOf: string;
  /** Share of customers with at least one purchase. */
  buyerRate?: number;
  /** Share of transaction rows naming a record id no customer has. */
  unknownRate?: number;
}

/** What RFM must find for one record id (purchases and refunds up to the as-of date). */
export interface ActivityTruth {
  recordId: string;
  lastPurchase: string;
  frequency: number;
  /** Purchases minus refunds per currency, in cents. */
  netCents: Map<string, number>;
}

export interface Activity {
  transactions: string[][];
  needs: string[][];
  truth: ActivityTruth[];
  unknownReferences: number;
}

export const TRANSACTION_HEADER = ['Customer ID', 'Order Date', 'Amount', 'Currency', 'Type', 'Product'];
export const NEED_HEADER = ['Customer ID', 'Need Type', 'Need', 'Need Date'];

const DAY = 86_400_000;
const currencies = ['EUR', 'EUR', 'EUR', 'USD', 'USD', 'CNY', 'GBP'];
const products = ['Lamp', 'Desk', 'Chair', 'Sofa', 'Rug', 'Shelf', '台灯', '书桌'];
const needKinds: [string, string][] = [['Delivery', 'Evening delivery'], ['Finance', 'Pay in instalments'], ['Service', 'Assembly at home'], ['服务', '上门安装'], ['Product', 'Matching chairs']];

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

function writeDate(t: number, rng: Rng): string {
  const d = new Date(t);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  switch (rng.int(0, 3)) {
    case 0: return `${y}-${pad(m)}-${pad(day)}`;
    case 1: return `${pad(day)}.${pad(m)}.${y}`;
    case 2: return `${y}/${pad(m)}/${pad(day)}`;
    default: return `${y}年${m}月${day}日`;
  }
}

const money = (cents: number): string => `${Math.floor(cents / 100)}.${pad(cents % 100)}`;
const grouped = (cents: number): string => money(cents).replace(/^(\d+)(\d{3})\./, '$1,$2.');
const signs: Record<string, string> = { USD: '$', CNY: '¥', GBP: '£' };

/** [amount cell, currency cell] for a purchase or a refund, in one of the shapes exports use. */
function writeAmount(cents: number, currency: string, negative: boolean, rng: Rng): [string, string] {
  const sign = negative ? '-' : '';
  if (rng.chance(0.5)) return [`${sign}${money(cents)}`, rng.chance(0.2) ? currency.toLowerCase() : currency];
  if (currency === 'EUR') return [`${sign}€${money(cents).replace('.', ',')}`, ''];
  return [`${sign}${signs[currency]}${grouped(cents)}`, ''];
}

export function generateActivity(recordIds: readonly string[], opts: ActivityOptions): Activity {
  const rng = new Rng(deriveSeed(opts.seed, 'activity'));
  const asOf = Date.parse(opts.asOf);
  const transactions: string[][] = [];
  const needs: string[][] = [];
  const truth: ActivityTruth[] = [];
  let unknownReferences = 0;
  for (const id of recordIds) {
    if (rng.chance(0.3)) {
      const [kind, text] = rng.pick(needKinds);
      needs.push([id, kind, text, writeDate(asOf - rng.int(0, 700) * DAY, rng)]);
    }
    if (!rng.chance(opts.buyerRate ?? 0.8)) continue;
    const home = rng.pick(currencies);
    const t: ActivityTruth = { recordId: id, lastPurchase: '', frequency: 0, netCents: new Map() };
    const add = (currency: string, cents: number) => t.netCents.set(currency, (t.netCents.get(currency) ?? 0) + cents);
    const count = 1 + Math.floor(-Math.log(1 - rng.float()) * 3); // geometric-ish: many buy once, a few often
    for (let i = 0; i < count; i++) {
      // Mostly within three years before the as-of date; a few just after it (not yet known on that date).
      const day = asOf + (rng.chance(0.03) ? rng.int(1, 30) : -rng.int(0, 1095)) * DAY;
      const currency = rng.chance(0.1) ? rng.pick(currencies) : home;
      const cents = rng.int(500, 50_000) * (currency === 'CNY' ? 7 : 1);
      const [amount, currencyCell] = writeAmount(cents, currency, false, rng);
      transactions.push([id, writeDate(day, rng), amount, currencyCell, rng.chance(0.7) ? 'Purchase' : rng.pick(['Order', '购买', '']), rng.pick(products)]);
      if (day <= asOf) {
        t.frequency++;
        if (iso(day) > t.lastPurchase) t.lastPurchase = iso(day);
        add(currency, cents);
      }
      if (rng.chance(0.15)) {
        const refundDay = day + rng.int(1, 30) * DAY;
        const refund = rng.chance(0.5) ? cents : rng.int(100, cents);
        const written = rng.chance(0.5);
        const [amount2, currency2] = writeAmount(refund, currency, !written, rng);
        transactions.push([id, writeDate(refundDay, rng), amount2, currency2, written ? rng.pick(['Refund', '退款', 'Return']) : '', rng.pick(products)]);
        if (refundDay <= asOf) add(currency, -refund);
      }
    }
    if (t.frequency > 0) truth.push(t);
    if (rng.chance(opts.unknownRate ?? 0.01)) {
      unknownReferences++;
      transactions.push([`X-${id}`, writeDate(asOf - rng.int(0, 300) * DAY, rng), '10.00', 'EUR', 'Purchase', 'Lamp']);
    }
  }
  return { transactions, needs, truth, unknownReferences };
}

export const ACTIVITY_TRUTH_HEADER = 'record_id,last_purchase,frequency,net_cents';

/** One line per record id with a purchase up to the as-of date; net_cents is "EUR:12345;USD:-300" in code order. */
export function activityTruthLines(truth: readonly ActivityTruth[]): string[] {
  return [ACTIVITY_TRUTH_HEADER, ...truth.map((t) => `${t.recordId},${t.lastPurchase},${t.frequency},${[...t.netCents].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `${c}:${n}`).join(';')}`)];
}
