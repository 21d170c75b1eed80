/**
 * The working records handed back as a file: CSV (UTF-8, optional BOM for
 * Excel) or XLSX. Header: source, source_record_id, then every customer field
 * in shared/domain/fields.ts order, then the sources' unmapped columns (their
 * extra fields) in the order the files had them. Written to a temporary file
 * and renamed at the end, so a cancelled or failed export never leaves half a
 * file where the user expects a whole one.
 */
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { throwIfCancelled, type Cancellation } from '../lib/cancellation.ts';
import { isMaskedField, maskValue } from '../standardize/mask-personal.ts';
import type { CsvValue } from '../lib/csv.ts';
import { writeTableFile } from '../lib/table-file.ts';
import type { WhereClause } from '../store/grid-query.ts';
import type { Db } from '../store/open-project.ts';

export interface ExportRequest {
  path: string;
  format: 'csv' | 'xlsx';
  bom?: boolean;
  /** Which customers (the grid's filter); all when absent. */
  where?: WhereClause;
  /** Whether the WHERE refers to the sources table (s.). */
  joinSources?: boolean;
  /**
   * For sharing: personal fields masked (standardize/mask-personal.ts), and
   * the sources' unmapped columns left out, since nothing says what they hold.
   */
  mask?: boolean;
  /** A first column golden_id: the golden record each customer belongs to (its own id when it is in none). */
  goldenColumn?: boolean;
}

export interface ExportResult {
  path: string;
  rows: number;
  columns: string[];
}

export interface ExportOptions {
  signal?: Cancellation;
  onProgress?: (p: { step: 'export'; done: number; total: number }) => void;
}

const fields = customerFieldKeys.filter((f) => f !== 'source_record_id');
const cancelled = 'Export cancelled; no file was written.';

/** Unmapped columns of the customer sources, in file order, each name once. */
export function extraColumns(db: Db): string[] {
  const sources = db.prepare("SELECT headers_json, mapping_json FROM sources WHERE entity = 'customer' ORDER BY id").all() as { headers_json: string; mapping_json: string }[];
  const names = new Set<string>();
  for (const s of sources) {
    const mapping = JSON.parse(s.mapping_json) as Record<string, string | null>;
    for (const h of JSON.parse(s.headers_json) as string[]) if (!mapping[h]) names.add(h);
  }
  return [...names];
}

export async function exportCustomers(db: Db, req: ExportRequest, opts: ExportOptions = {}): Promise<ExportResult> {
  const extras = req.mask ? [] : extraColumns(db);
  const golden = req.goldenColumn ?? false;
  const columns = [...(golden ? ['golden_id'] : []), 'source', 'source_record_id', ...fields, ...extras];
  const maskAt = req.mask ? columns.flatMap((c, i) => (isMaskedField(c) ? [i] : [])) : [];
  const where = req.where ?? { sql: '', params: [] };
  const total = db.prepare(`SELECT count(*) FROM customers c JOIN sources s ON s.id = c.source_id ${where.sql}`).pluck().get(...where.params) as number;
  const rows = db.prepare(
    `SELECT ${golden ? 'coalesce(g.golden_id, c.id), ' : ''}s.file_name, c.source_record_id, ${fields.map((f) => `c.${f}`).join(', ')}, c.extra_json
     FROM customers c JOIN sources s ON s.id = c.source_id ${golden ? 'LEFT JOIN golden_members g ON g.customer_id = c.id ' : ''}${where.sql} ORDER BY c.id`,
  ).raw();
  const done = await writeTableFile(req.path, req.format, { bom: req.bom, sheet: 'Customers' }, (writer) => {
    let n = 0;
    writer.row(columns);
    for (const row of rows.iterate(...where.params) as Iterable<CsvValue[]>) {
      const extraJson = row.pop() as string | null;
      const extra = extraJson ? (JSON.parse(extraJson) as Record<string, string>) : null;
      for (const name of extras) row.push(extra && Object.hasOwn(extra, name) ? extra[name] : null);
      for (const i of maskAt) row[i] = maskValue(columns[i], row[i]);
      writer.row(row);
      if (++n % 10_000 === 0) {
        throwIfCancelled(opts.signal, cancelled);
        opts.onProgress?.({ step: 'export', done: n, total });
      }
    }
    return n;
  });
  return { path: req.path, rows: done, columns };
}
