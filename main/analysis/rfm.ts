/**
 * RFM per customer or per golden record: recency (days from the last
 * purchase to the as-of date), frequency (purchases), monetary (purchases
 * minus refunds, in one currency). Amounts in other currencies count when the
 * steward gave a rate for them (1 unit = rate units of the base currency);
 * without one they are left out and counted, never added as if they were the
 * same money. A transaction with no currency is taken to be in the base one.
 */
import { AppError } from '../../shared/errors.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import { readRates } from '../../shared/domain/rfm-rates.ts';
import { activityAggregates, goldenOf, largestCustomerId, transactionCurrencies, undatedTransactions, unlinkedTransactions, type ScoredRow } from '../store/rfm-repo.ts';
import type { Db } from '../store/open-project.ts';
import { daysBetween, quintileScores } from './rfm-scores.ts';

export interface RfmOptions {
  /** yyyy-MM-dd. */
  asOf: string;
  per: 'customer' | 'golden';
  /** The currency monetary is given in; by default the one most purchases were made in. */
  currency?: string;
  /** Units of the base currency one unit of this currency is worth. */
  rates?: Record<string, number>;
}

export interface RfmRun {
  asOf: string;
  per: 'customer' | 'golden';
  currency: string | null;
  rates: Record<string, number>;
  rows: ScoredRow[];
  /** Customers (or golden records) with refunds but no purchase up to the as-of date: nothing to score. */
  refundOnly: number;
  /** Currencies without a rate, with the transactions left out of monetary. */
  leftOut: { currency: string; transactions: number }[];
  undated: number;
  unlinked: number;
}

/** Progress of an RFM run: customers' activity read (in customers), then scoring and saving. */
export interface RfmProgress {
  step: 'read' | 'score' | 'save';
  done: number;
  total: number;
}

export interface RfmWork {
  signal?: Cancellation;
  onProgress?: (p: RfmProgress) => void;
}

const PROGRESS_EVERY = 100_000;

export function computeRfm(db: Db, opts: RfmOptions, work: RfmWork = {}): RfmRun {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(opts.asOf))) {
    throw new AppError('invalid_input', `The as-of date must be a date written yyyy-MM-dd (got "${opts.asOf}").`);
  }
  // One snapshot: the currency list and the sums must see the same transactions.
  const sums = db.transaction(() => sumPerEntity(db, opts, work))();
  work.onProgress?.({ step: 'score', done: 0, total: 1 });
  const currency = opts.currency?.toUpperCase() ?? mostPurchasedCurrency(sums.purchasesIn);
  const rates = opts.rates ?? {};
  const rateOf = (c: string): number | undefined => (c === '' || c === currency ? 1 : rates[c]);
  const converted = [...sums.cents].filter(([c]) => rateOf(c) !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const leftOut = [...sums.transactionsIn].filter(([c]) => rateOf(c) === undefined);
  const asOfDay = daysBetween('1970-01-01', opts.asOf);
  const rows: ScoredRow[] = [];
  let refundOnly = 0;
  // Entities in id order, each once: golden records are named by a member's id, so one array holds both kinds.
  for (let entityId = 0; entityId < sums.seen.length; entityId++) {
    if (!sums.seen[entityId]) continue;
    const lastDay = sums.lastDay[entityId];
    if (sums.frequency[entityId] === 0 || lastDay === NO_PURCHASE) {
      refundOnly++;
      continue;
    }
    // Each currency's net in whole cents first (float sums of many prices are off by far less than a cent), in code order.
    let total = 0;
    for (const [c, cents] of converted) total += cents[entityId] * rateOf(c)!;
    rows.push({ entityId, recencyDays: asOfDay - lastDay, frequency: sums.frequency[entityId], monetary: Math.round(total) / 100, r: 0, f: 0, m: 0 });
  }
  const r = quintileScores(rows.map((x) => x.recencyDays), false);
  const f = quintileScores(rows.map((x) => x.frequency), true);
  const m = quintileScores(rows.map((x) => x.monetary), true);
  rows.forEach((x, i) => ((x.r = r[i]), (x.f = f[i]), (x.m = m[i])));
  return {
    asOf: opts.asOf, per: opts.per, currency, rates, rows, refundOnly,
    leftOut: leftOut.map(([c, transactions]) => ({ currency: c, transactions })).sort((a, b) => a.currency.localeCompare(b.currency)),
    undated: undatedTransactions(db), unlinked: unlinkedTransactions(db),
  };
}

const NO_PURCHASE = -2_147_483_648;

interface EntitySums {
  /** Indexed by entity id: it has transactions up to the as-of date. */
  seen: Uint8Array;
  /** Its latest purchase, in days from 1970-01-01 (NO_PURCHASE: none). */
  lastDay: Int32Array;
  frequency: Int32Array;
  /** Per currency ('' for none): its net in cents, by entity id. */
  cents: Map<string, Float64Array>;
  purchasesIn: Map<string, number>;
  transactionsIn: Map<string, number>;
}

/**
 * One pass over the customers' activity into arrays indexed by entity id
 * (customer or golden record): at a million customers, maps of maps per
 * entity took most of an RFM run.
 */
function sumPerEntity(db: Db, opts: RfmOptions, work: RfmWork): EntitySums {
  const size = largestCustomerId(db) + 1;
  let groups = 0;
  const entityOf = new Int32Array(size).map((_, i) => i);
  if (opts.per === 'golden') for (const [customer, golden] of goldenOf(db)) entityOf[customer] = golden;
  const currencies = transactionCurrencies(db);
  const cents = currencies.map(() => new Float64Array(size));
  const purchases = currencies.map(() => 0);
  const transactions = currencies.map(() => 0);
  const sums: EntitySums = { seen: new Uint8Array(size), lastDay: new Int32Array(size).fill(NO_PURCHASE), frequency: new Int32Array(size), cents: new Map(currencies.map((c, i) => [c, cents[i]])), purchasesIn: new Map(), transactionsIn: new Map() };
  for (const [customerId, currency, refund, lastDay, count, amount] of activityAggregates(db, opts.asOf, currencies)) {
    if (++groups % PROGRESS_EVERY === 0) {
      throwIfCancelled(work.signal, 'RFM was cancelled; the previous run stands.');
      // Customer ids come in order: how far the walk is through them.
      work.onProgress?.({ step: 'read', done: customerId, total: size - 1 });
    }
    const entity = entityOf[customerId];
    sums.seen[entity] = 1;
    transactions[currency] += count;
    if (refund === 0) {
      if (lastDay > sums.lastDay[entity]) sums.lastDay[entity] = lastDay;
      sums.frequency[entity] += count;
      purchases[currency] += count;
    }
    // Each group rounded to whole cents first: float sums of many prices are off by far less than a cent.
    cents[currency][entity] += Math.round((refund ? -amount : amount) * 100);
  }
  // Transactions without a currency are taken to be in the base one: they neither choose it nor are left out.
  currencies.forEach((c, i) => c !== '' && (sums.purchasesIn.set(c, purchases[i]), sums.transactionsIn.set(c, transactions[i])));
  return sums;
}

function mostPurchasedCurrency(counts: Map<string, number>): string | null {
  let best: string | null = null;
  for (const [c, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && c < best)) best = c;
  return best;
}

/** Parses "EUR=1.08,CNY=0.14" (the CLI's --rates), with a sentence for a part it cannot read. */
export function parseRates(text: string): Record<string, number> {
  const rates = readRates(text);
  if (rates === null) throw new AppError('invalid_input', `A rate is written CODE=number, e.g. EUR=1.08, separated by commas (got "${text}").`);
  return rates;
}
