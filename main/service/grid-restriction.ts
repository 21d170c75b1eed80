/**
 * The grid's drill-downs as one `SELECT customer_id …` for the store: a
 * quality issue (the same subquery the metrics counted), a k-means segment
 * an RFM segment (its score cells under the current rules), an RFM chart's
 * mark (a heat-map cell, or a month's buyers or refunders). Several
 * given, a customer must be in all. The grid page and the export read the
 * same restriction, so an export holds exactly the customers the grid shows.
 */
import type { GridQuery } from '../../shared/contract.ts';
import { heatCellCustomers, monthCustomers } from '../analysis/rfm-charts.ts';
import { segmentCustomers } from '../analysis/rfm-segments.ts';
import { matchingCustomersSql } from '../quality/issue-filter-sql.ts';
import type { WhereClause } from '../store/grid-query.ts';
import type { Db } from '../store/open-project.ts';
import { segmentMembersSql } from '../store/segments-repo.ts';

export function gridRestriction(db: Db, query: Pick<GridQuery, 'issue' | 'segment' | 'rfmSegment' | 'rfmCell' | 'rfmMonth'>): WhereClause | undefined {
  const parts: WhereClause[] = [];
  if (query.issue) parts.push(matchingCustomersSql(query.issue));
  if (query.segment) parts.push(segmentMembersSql(query.segment.segmentationId, query.segment.segment));
  if (query.rfmSegment !== undefined) parts.push(segmentCustomers(db, query.rfmSegment));
  if (query.rfmCell) parts.push(heatCellCustomers(db, query.rfmCell.r, query.rfmCell.f));
  if (query.rfmMonth) parts.push(monthCustomers(db, query.rfmMonth.month, query.rfmMonth.refund));
  if (parts.length === 0) return undefined;
  return { sql: parts.map((p) => p.sql).join(' INTERSECT '), params: parts.flatMap((p) => p.params) };
}
