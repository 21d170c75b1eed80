/**
 * An issue filter as SQL: the customers with at least one current issue
 * matching it. Used by the drill-down queries here and by the customers
 * grid (passed to main/store/grid-query.ts by the service), so a bar's list and the grid agree.
 * Every value is a bound parameter.
 */
import type { IssueFilter } from './types.ts';
import { ageBuckets } from './accumulators.ts';

export function issueConditions(filter: IssueFilter, alias = ''): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  if (filter.field !== undefined) (clauses.push(`${col('field')} = ?`), params.push(filter.field));
  if (filter.dimension !== undefined) (clauses.push(`${col('dimension')} = ?`), params.push(filter.dimension));
  if (filter.rule !== undefined) (clauses.push(`${col('rule')} = ?`), params.push(filter.rule));
  if (filter.sourceId !== undefined) (clauses.push(`${col('source_id')} = ?`), params.push(filter.sourceId));
  if (filter.severity !== undefined) (clauses.push(`${col('severity')} = ?`), params.push(filter.severity));
  return { sql: clauses.length ? clauses.join(' AND ') : '1', params };
}

/** `SELECT customer_id ...` of the customers matching the filter (age buckets read the flags' ages, `verified` the reference values). */
export function matchingCustomersSql(filter: IssueFilter): { sql: string; params: (string | number)[] } {
  if (filter.verified) return { sql: 'SELECT customer_id FROM quality_reference', params: [] };
  if (filter.ageBucket !== undefined) {
    const b = ageBuckets[filter.ageBucket];
    if (!b) return { sql: 'SELECT NULL WHERE 0', params: [] };
    const current = "run_id = (SELECT id FROM quality_runs WHERE status = 'current')";
    const source = filter.sourceId !== undefined ? ' AND source_id = ?' : '';
    const sp = filter.sourceId !== undefined ? [filter.sourceId] : [];
    if (b.minDays === null) return { sql: `SELECT customer_id FROM quality_flags WHERE ${current} AND timely = 2${source}`, params: sp };
    const upper = b.maxDays === null ? '' : ' AND age_days <= ?';
    return { sql: `SELECT customer_id FROM quality_flags WHERE ${current} AND age_days >= ?${upper}${source}`, params: [b.minDays, ...(b.maxDays === null ? [] : [b.maxDays]), ...sp] };
  }
  const w = issueConditions(filter);
  return { sql: `SELECT customer_id FROM quality_current_issues WHERE ${w.sql}`, params: w.params };
}
