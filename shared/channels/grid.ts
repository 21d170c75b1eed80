import { z } from 'zod';
import { IssueFilter } from './quality.ts';
import { customerFieldKeys } from '../domain/fields.ts';
import { SegmentFilter } from './segment.ts';

/** ag-grid's filter model, limited to what we translate to SQL. */
const SimpleFilter = z.object({
  filterType: z.enum(['text', 'number']).optional(),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange']),
  filter: z.union([z.string(), z.number()]).nullable().optional(),
  filterTo: z.union([z.string(), z.number()]).nullable().optional(),
});
export const ColumnFilter = z.union([
  SimpleFilter,
  z.object({ filterType: z.enum(['text', 'number']).optional(), operator: z.enum(['AND', 'OR']), conditions: z.array(SimpleFilter).max(4) }),
]);
export type ColumnFilter = z.infer<typeof ColumnFilter>;

export const GridColumn = z.enum(['id', 'source', ...customerFieldKeys] as [string, ...string[]]);

/** Which customers a grid shows: its sort, column filters, quick search, source and drill-down. */
export const GridQuery = z.object({
  sortModel: z.array(z.object({ colId: GridColumn, sort: z.enum(['asc', 'desc']) })).max(3).default([]),
  filterModel: z.partialRecord(GridColumn, ColumnFilter).default({}),
  quickFilter: z.string().max(200).default(''),
  sourceId: z.number().int().optional(),
  ids: z.array(z.number().int()).max(10_000).optional(),
  /** Drill-down from the quality dashboard: only customers with a matching current issue. */
  issue: IssueFilter.optional(),
  /** Only the customers of one segment (or, segment null, those a segmentation could not place). */
  segment: SegmentFilter.optional(),
  /** Opened from the RFM view: only customers in this segment of the newest run (the rule's position; -1 for "Other"). */
  rfmSegment: z.number().int().min(-1).max(40).optional(),
  /** Opened from the RFM heat map: only customers (or golden records' members) scored with this recency and frequency in the newest run. */
  rfmCell: z.object({ r: z.number().int().min(1).max(5), f: z.number().int().min(1).max(5) }).strict().optional(),
  /** Opened from a monthly RFM chart: only customers with a purchase (or, refund true, a refund) dated in this month (yyyy-MM), up to the newest run's as-of date. */
  rfmMonth: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written yyyy-MM.'), refund: z.boolean() }).strict().optional(),
});
export type GridQuery = z.input<typeof GridQuery>;

export const PageRequest = GridQuery.extend({
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(0),
});
export type PageRequest = z.input<typeof PageRequest>;