/**
 * The RFM view's charts: the R×F score grid (how many scored customers or
 * golden records in each cell, and their mean monetary value), revenue per
 * month (purchases minus refunds) and purchases against refunds per month,
 * and the customers behind each mark for the Customers grid. The charts
 * follow the newest run: its as-of date bounds the months and its currency
 * and rates convert revenue, as they did monetary value; a currency without
 * a rate (or every currency, before a first run) keeps a series of its own.
 */
import { cellCode } from '../../shared/domain/rfm-rules.ts';
import type { WhereClause } from '../store/grid-query.ts';
import type { Db } from '../store/open-project.ts';
import { customersWithActivityIn, monthlyActivity } from '../store/rfm-charts-repo.ts';
import { customersInCells, rfmCells } from '../store/rfm-repo.ts';
import { currentRun } from './rfm-segments.ts';

export interface HeatCell { r: number; f: number; count: number; meanMonetary: number }
export interface RevenueSeries {
  /** null: transactions without a currency (before a first run). */
  currency: string | null;
  /** True for the run's currency, into which every currency with a rate was converted. */
  converted: boolean;
  /** One net amount per month of `months`. */
  values: number[];
}
export interface RfmCharts {
  asOf: string | null;
  currency: string | null;
  heat: HeatCell[];
  /** Every month (yyyy-MM) from the first dated transaction to the last, none skipped. */
  months: string[];
  purchases: number[];
  refunds: number[];
  revenue: RevenueSeries[];
}

export function rfmCharts(db: Db): RfmCharts {
  const run = currentRun(db);
  const asOf = run?.asOf ?? null;
  const currency = run?.currency ?? null;
  const rates = run?.rates ?? {};
  const rateOf = (c: string | null): number | undefined => (c === null || c === currency ? 1 : rates[c]);

  const activity = monthlyActivity(db, asOf);
  const months = monthRange(activity.map((a) => a.month));
  const at = new Map(months.map((m, i) => [m, i]));
  const purchases = months.map(() => 0);
  const refunds = months.map(() => 0);
  // Net cents per series, converted like monetary value: whole cents first, so float sums do not drift.
  const cents = new Map<string, { currency: string | null; converted: boolean; values: number[] }>();
  for (const a of activity) {
    const i = at.get(a.month)!;
    (a.refund ? refunds : purchases)[i] += a.count;
    const rate = rateOf(a.currency);
    const key = rate === undefined ? `=${a.currency}` : '';
    let series = cents.get(key);
    if (!series) cents.set(key, (series = { currency: rate === undefined ? a.currency : currency, converted: rate !== undefined && run !== null, values: months.map(() => 0) }));
    series.values[i] += Math.round((a.refund ? -a.amount : a.amount) * 100) * (rate ?? 1);
  }
  const revenue = [...cents.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, s]) => ({ ...s, values: s.values.map((v) => Math.round(v) / 100) }));
  return { asOf, currency, heat: heatCells(db), months, purchases, refunds, revenue };
}

/** The R×F grid from the stored (r, f, m) cells: at most 125 rows, whatever the project's size. */
function heatCells(db: Db): HeatCell[] {
  const byRf = new Map<number, { count: number; monetary: number }>();
  for (const { cell, count, monetary } of rfmCells(db)) {
    const rf = Math.floor(cell / 10);
    const c = byRf.get(rf) ?? { count: 0, monetary: 0 };
    c.count += count;
    c.monetary += monetary;
    byRf.set(rf, c);
  }
  return [...byRf.entries()].sort(([a], [b]) => a - b)
    .map(([rf, c]) => ({ r: Math.floor(rf / 10), f: rf % 10, count: c.count, meanMonetary: Math.round((c.monetary / c.count) * 100) / 100 }));
}

function monthRange(present: string[]): string[] {
  if (present.length === 0) return [];
  const sorted = [...present].sort();
  const out: string[] = [];
  let [y, m] = sorted[0].split('-').map(Number);
  const last = sorted[sorted.length - 1];
  for (let month = sorted[0]; month <= last; month = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(month);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

/** The customers of one heat-map cell (every monetary score), golden records' members included when the run was per golden record. */
export function heatCellCustomers(db: Db, r: number, f: number): WhereClause {
  return customersInCells(currentRun(db)?.per ?? 'customer', [1, 2, 3, 4, 5].map((m) => cellCode(r, f, m)));
}

/** The customers with a purchase (or refund) in a charted month, up to the run's as-of date. */
export function monthCustomers(db: Db, month: string, refund: boolean): WhereClause {
  return customersWithActivityIn(month, refund, currentRun(db)?.asOf ?? null);
}
