import { customerFieldKeys } from '../../shared/domain/fields.ts';
import type { ColumnFilter } from '../../shared/contract.ts';

/**
 * Translates the grid's sort, filter and quick search into SQL over the
 * customers table. Column names come only from the whitelist below and every
 * value is a bound parameter, so nothing the renderer sends becomes SQL text.
 */
export const gridColumns: Record<string, string> = {
  id: 'c.id',
  source: 's.file_name',
  ...Object.fromEntries(customerFieldKeys.map((k) => [k, `c.${k}`])),
};

const quickColumns = ['full_name', 'given_name', 'family_name', 'email', 'phone', 'mobile', 'company', 'city', 'source_record_id'].map((c) => `c.${c}`);

/** Another table's grid (transactions, needs): its whitelist of columns, the ones quick search looks in, and its id. */
export interface GridTable {
  columns: Record<string, string>;
  quick: string[];
  id: string;
}

const customersTable: GridTable = { columns: gridColumns, quick: quickColumns, id: 'c.id' };

type Simple = Extract<ColumnFilter, { type: string }>;

function escapeLike(v: string): string {
  return v.replace(/[\\%_]/g, (m) => `\\${m}`);
}

function simpleCondition(col: string, f: Simple, params: unknown[]): string {
  const v = f.filter === null || f.filter === undefined ? '' : f.filter;
  const text = String(v);
  const like = (pattern: string): string => {
    params.push(pattern);
    return `${col} LIKE ? ESCAPE '\\'`;
  };
  switch (f.type) {
    case 'contains': return like(`%${escapeLike(text)}%`);
    case 'notContains': params.push(`%${escapeLike(text)}%`); return `coalesce(${col}, '') NOT LIKE ? ESCAPE '\\'`;
    case 'startsWith': return like(`${escapeLike(text)}%`);
    case 'endsWith': return like(`%${escapeLike(text)}`);
    case 'blank': return `(${col} IS NULL OR ${col} = '')`;
    case 'notBlank': return `(${col} IS NOT NULL AND ${col} <> '')`;
    case 'equals': params.push(v); return f.filterType === 'number' ? `${col} = ?` : `${col} = ? COLLATE NOCASE`;
    case 'notEqual': params.push(v); return `(${col} IS NULL OR ${col} <> ?)`;
    case 'lessThan': params.push(Number(v)); return `${col} < ?`;
    case 'lessThanOrEqual': params.push(Number(v)); return `${col} <= ?`;
    case 'greaterThan': params.push(Number(v)); return `${col} > ?`;
    case 'greaterThanOrEqual': params.push(Number(v)); return `${col} >= ?`;
    case 'inRange': params.push(Number(v), Number(f.filterTo)); return `${col} BETWEEN ? AND ?`;
  }
}

export interface WhereClause {
  sql: string;
  params: unknown[];
}

/**
 * `restrictTo` is a `SELECT customer_id …` the caller built (a quality
 * drill-down, a suggestion filter): the store runs it as given and knows
 * nothing of what it means.
 */
export function buildWhere(opts: { filterModel: Partial<Record<string, ColumnFilter>>; quickFilter: string; sourceId?: number; ids?: number[]; restrictTo?: WhereClause }, table: GridTable = customersTable): WhereClause {
  const parts: string[] = [];
  const params: unknown[] = [];
  const alias = table.id.split('.')[0];
  for (const [colId, filter] of Object.entries(opts.filterModel)) {
    const col = table.columns[colId];
    if (!col || !filter) continue;
    if ('conditions' in filter) {
      const joined = filter.conditions.map((c) => simpleCondition(col, c, params)).join(` ${filter.operator} `);
      parts.push(`(${joined})`);
    } else {
      parts.push(simpleCondition(col, filter, params));
    }
  }
  for (const token of opts.quickFilter.trim().split(/\s+/).filter(Boolean)) {
    parts.push(`(${table.quick.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    for (let i = 0; i < table.quick.length; i++) params.push(`%${escapeLike(token)}%`);
  }
  if (opts.sourceId !== undefined) {
    parts.push(`${alias}.source_id = ?`);
    params.push(opts.sourceId);
  }
  if (opts.ids) {
    parts.push(`${table.id} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(opts.ids));
  }
  if (opts.restrictTo) {
    parts.push(`${table.id} IN (${opts.restrictTo.sql})`);
    params.push(...opts.restrictTo.params);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * `viaIndex: false` writes the sort keys as expressions (+col), which stops
 * SQLite walking a sort index in order and looking up every row to test the
 * filter: with a filter it is far cheaper to scan, filter, then sort the matches.
 */
export function buildOrder(sortModel: { colId: string; sort: 'asc' | 'desc' }[], viaIndex = true, table: GridTable = customersTable): string {
  const terms = sortModel.filter((s) => table.columns[s.colId]).map((s) => `${viaIndex ? '' : '+'}${table.columns[s.colId]} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
  // id last keeps paging stable when sort values tie.
  return `ORDER BY ${[...terms, `${table.id} ASC`].join(', ')}`;
}
