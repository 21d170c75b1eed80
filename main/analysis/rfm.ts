/**
 * RFM per customer or per golden record: recency (days from the last
 * purchase to the as-of date), frequency (purchases), monetary (purchases
 * minus refunds, in one currency). Amounts in other currencies count when the
 * steward gave a rate for them (1 unit = rate units of the base currency);
 * without one they are left out and counted, never added as if they were the
 * same money. A transaction with no currency is taken to be in the base one.
 */
import { AppError } from '../../shared/errors.ts';
import { readRates } from '../../shared/domain/rfm-rates.ts';
import { activityAggregates, goldenOf, undatedTransactions, unlinkedTransactions, type ActivityAggregate, type ScoredRow } from '../store/rfm-repo.ts';
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

export function computeRfm(db: Db, opts: RfmOptions): RfmRun {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(opts.asOf))) {
    throw new AppError('invalid_input', `The as-of date must be a date written yyyy-MM-dd (got "${opts.asOf}").`);
  }
  const aggregates = activityAggregates(db, opts.asOf);
  const golden = opts.per === 'golden' ? goldenOf(db) : new Map<number, number>();
  const currency = opts.currency?.toUpperCase() ?? mostPurchasedCurrency(aggregates);
  const rates = opts.rates ?? {};
  const rateOf = (c: string | null): number | undefined => (c === null || c === currency ? 1 : rates[c]);
  const byEntity = new Map<number, { last: string | null; frequency: number; cents: Map<string, number> }>();
  const leftOut = new Map<string, number>();
  for (const a of aggregates) {
    const entity = golden.get(a.customerId) ?? a.customerId;
    let e = byEntity.get(entity);
    if (!e) byEntity.set(entity, (e = { last: null, frequency: 0, cents: new Map() }));
    if (a.refund === 0) {
      if (e.last === null || a.last > e.last) e.last = a.last;
      e.frequency += a.count;
    }
    if (rateOf(a.currency) === undefined) {
      leftOut.set(a.currency!, (leftOut.get(a.currency!) ?? 0) + a.count);
      continue;
    }
    // Each currency's net in whole cents first: float sums of many prices are off by far less than a cent.
    const key = a.currency ?? '';
    e.cents.set(key, (e.cents.get(key) ?? 0) + Math.round((a.refund ? -a.amount : a.amount) * 100));
  }
  const rows: ScoredRow[] = [];
  let refundOnly = 0;
  for (const [entityId, e] of byEntity) {
    if (e.frequency === 0 || e.last === null) {
      refundOnly++;
      continue;
    }
    rows.push({ entityId, recencyDays: daysBetween(e.last, opts.asOf), frequency: e.frequency, monetary: convertedMonetary(e.cents, rateOf), r: 0, f: 0, m: 0 });
  }
  rows.sort((a, b) => a.entityId - b.entityId);
  const r = quintileScores(rows.map((x) => x.recencyDays), false);
  const f = quintileScores(rows.map((x) => x.frequency), true);
  const m = quintileScores(rows.map((x) => x.monetary), true);
  rows.forEach((x, i) => ((x.r = r[i]), (x.f = f[i]), (x.m = m[i])));
  return {
    asOf: opts.asOf, per: opts.per, currency, rates, rows, refundOnly,
    leftOut: [...leftOut].map(([c, transactions]) => ({ currency: c, transactions })).sort((a, b) => a.currency.localeCompare(b.currency)),
    undated: undatedTransactions(db), unlinked: unlinkedTransactions(db),
  };
}

/** The sum in the base currency, currencies taken in code order so the result is the same however the rows came. */
function convertedMonetary(cents: Map<string, number>, rateOf: (c: string | null) => number | undefined): number {
  let total = 0;
  for (const c of [...cents.keys()].sort()) total += cents.get(c)! * rateOf(c === '' ? null : c)!;
  return Math.round(total) / 100;
}

function mostPurchasedCurrency(aggregates: ActivityAggregate[]): string | null {
  const counts = new Map<string, number>();
  for (const a of aggregates) if (a.currency !== null && a.refund === 0) counts.set(a.currency, (counts.get(a.currency) ?? 0) + a.count);
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
