import { z } from 'zod';
import { ColumnFilter } from './grid.ts';

/**
 * Transactions and needs as data of their own, and RFM (issue 12): their
 * grids, one customer's (or golden record's) activity with totals, which
 * customers source a file's record ids name, and RFM runs with editable
 * segment rules. A segment's customers open in the Customers grid
 * (customers:page with `rfmSegment`).
 */

const Cell = z.union([z.string(), z.number(), z.null()]);
const Row = z.record(z.string(), Cell);

const TransactionColumn = z.enum(['id', 'source', 'customer_ref', 'customer_id', 'customer_name', 'txn_date', 'txn_day', 'amount', 'amount_value', 'currency', 'txn_kind', 'refund', 'product', 'link_status']);
const NeedColumn = z.enum(['id', 'source', 'customer_ref', 'customer_id', 'customer_name', 'need_kind', 'need_description', 'need_date', 'need_day', 'link_status']);

const pageBase = z.object({
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(0),
  quickFilter: z.string().max(200).default(''),
  sourceId: z.number().int().optional(),
  unlinkedOnly: z.boolean().optional(),
});
const SortDir = z.enum(['asc', 'desc']);
const TransactionsPage = pageBase.extend({
  sortModel: z.array(z.object({ colId: TransactionColumn, sort: SortDir })).max(3).default([]),
  filterModel: z.partialRecord(TransactionColumn, ColumnFilter).default({}),
});
const NeedsPage = pageBase.extend({
  sortModel: z.array(z.object({ colId: NeedColumn, sort: SortDir })).max(3).default([]),
  filterModel: z.partialRecord(NeedColumn, ColumnFilter).default({}),
});
const PageOut = z.object({ rows: z.array(Row), lastRow: z.number() });

export const CurrencyTotal = z.object({ currency: z.string().nullable(), purchases: z.number(), refunds: z.number(), bought: z.number(), refunded: z.number() });

export const CustomerActivity = z.object({
  /** The customers whose activity this is: the record, or its golden record's members. */
  members: z.array(z.number()),
  transactions: z.array(Row),
  needs: z.array(Row),
  totals: z.array(CurrencyTotal),
});
export type CustomerActivity = z.infer<typeof CustomerActivity>;

const Score = z.number().int().min(1).max(5);
const Range = z.tuple([Score, Score]).refine(([lo, hi]) => lo <= hi, 'A score range goes from low to high (e.g. 2 to 4).');
export const RfmRuleSchema = z.object({
  name: z.string().trim().min(1, 'Give the segment a name.').max(60),
  preset: z.string().max(40).optional(),
  r: Range,
  f: Range,
  m: Range,
});

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written yyyy-MM-dd.');
const Per = z.enum(['customer', 'golden']);

export const RfmOverview = z.object({
  run: z.object({
    asOf: z.string(), per: Per, currency: z.string().nullable(), rates: z.record(z.string(), z.number()),
    scored: z.number(), refundOnly: z.number(), undated: z.number(), unlinked: z.number(), ranAt: z.string(),
    leftOut: z.array(z.object({ currency: z.string(), transactions: z.number() })),
  }).nullable(),
  rules: z.array(RfmRuleSchema),
  /** Rules that can never match: earlier rules take every score cell they hold. */
  dead: z.array(z.object({ index: z.number(), coveredBy: z.array(z.number()) })),
  /** One line per rule in order, then "Other" (index -1). */
  segments: z.array(z.object({ index: z.number(), name: z.string(), preset: z.string().optional(), count: z.number(), monetary: z.number() })),
});
export type RfmOverview = z.infer<typeof RfmOverview>;

/** The RFM view's charts (main/analysis/rfm-charts.ts); each mark opens the Customers grid (customers:page with `rfmCell` or `rfmMonth`). */
export const RfmCharts = z.object({
  /** The newest run's as-of date (months end there) and currency (revenue is converted into it); null before a first run. */
  asOf: z.string().nullable(),
  currency: z.string().nullable(),
  heat: z.array(z.object({ r: z.number(), f: z.number(), count: z.number(), meanMonetary: z.number() })),
  months: z.array(z.string()),
  purchases: z.array(z.number()),
  refunds: z.array(z.number()),
  revenue: z.array(z.object({ currency: z.string().nullable(), converted: z.boolean(), values: z.array(z.number()) })),
});
export type RfmCharts = z.infer<typeof RfmCharts>;

/** What an RFM run is computed for: the as-of date (default today), per customer or golden record, the currency and rates. */
export const RfmRunRequest = z.object({
  asOf: IsoDay.optional(),
  per: Per.default('customer'),
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'A currency is a three-letter code such as EUR.').optional(),
  rates: z.record(z.string().regex(/^[A-Za-z]{3}$/, 'A currency is a three-letter code such as EUR.'), z.number().positive('A rate is a positive number.')).default({}),
}).strict();
export type RfmRunRequest = z.infer<typeof RfmRunRequest>;

export const LinkCount = z.object({ entity: z.string(), status: z.string(), count: z.number() });

export const analysisChannels = {
  'activity:transactions-page': { input: TransactionsPage, output: PageOut },
  'activity:needs-page': { input: NeedsPage, output: PageOut },
  /** One customer's purchases, refunds and needs with totals per currency; `golden` takes in every member of its golden record. */
  'activity:customer': { input: z.object({ customerId: z.number().int(), golden: z.boolean().default(true) }), output: CustomerActivity },
  /** Linked and unlinked rows by reason (no_reference, not_found, ambiguous, withdrawn). */
  'activity:link-counts': { input: z.object({}).strict().default({}), output: z.array(LinkCount) },
  /** Which customers source a transactions or needs file's record ids belong to (null: the usual rules); links are recomputed. */
  'activity:link-source': { input: z.object({ sourceId: z.number().int(), customerSourceId: z.number().int().nullable() }).strict(), output: z.array(LinkCount) },
  'rfm:overview': { input: z.object({}).strict().default({}), output: RfmOverview },
  /** The R×F heat map, revenue per month and purchases against refunds per month, following the newest run. */
  'rfm:charts': { input: z.object({}).strict().default({}), output: RfmCharts },
  /** A job (kind 'rfm', result RfmOverview): computes RFM and stores it as the project's run; cancelling keeps the previous one. */
  'rfm:run': { input: RfmRunRequest, output: z.object({ jobId: z.string() }) },
  /** Stores the ordered segment rules (null: back to the defaults). */
  'rfm:save-rules': { input: z.object({ rules: z.array(RfmRuleSchema).min(1, 'Keep at least one rule.').max(40).nullable() }).strict(), output: RfmOverview },
} as const;
