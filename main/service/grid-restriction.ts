import type { IssueFilter } from '../../shared/channels/quality.ts';
import { segmentCustomers } from '../analysis/rfm-segments.ts';
import { matchingCustomersSql } from '../quality/issue-filter-sql.ts';
import type { WhereClause } from '../store/grid-query.ts';
import type { Db } from '../store/open-project.ts';

/**
 * The customers a grid or an export is limited to: a quality drill-down
 * (exactly those the metrics counted) and/or an RFM segment (its score cells
 * under the current rules); both given, those in both.
 */
export function gridRestriction(db: Db, q: { issue?: IssueFilter; rfmSegment?: number }): WhereClause | undefined {
  const parts = [q.issue ? matchingCustomersSql(q.issue) : null, q.rfmSegment === undefined ? null : segmentCustomers(db, q.rfmSegment)].filter((r) => r !== null);
  if (parts.length === 0) return undefined;
  return { sql: parts.map((r) => r.sql).join(' INTERSECT '), params: parts.flatMap((r) => r.params) };
}
