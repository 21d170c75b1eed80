/**
 * The entity of every customer as CSV, one row per record:
 * source,record_id,row_number,cluster_id,probability. A record in no
 * suggested entity is its own cluster (cluster_id = its customer id) with an
 * empty probability; otherwise probability is its strongest link inside its
 * entity. Cells go through the product's one CSV writer, so a record id such
 * as `=HYPERLINK(…)` opens as text.
 */
import { CsvFileWriter } from '../../lib/csv.ts';
import type { Db } from '../../store/open-project.ts';

export function writeClustersCsv(db: Db, path: string): number {
  const out = new CsvFileWriter(path);
  const rows = db.prepare(
    `SELECT s.file_name, c.source_record_id, r.row_number, coalesce(m.cluster_id, c.id), m.probability
     FROM customers c JOIN sources s ON s.id = c.source_id JOIN raw_rows r ON r.id = c.raw_row_id
     LEFT JOIN match_members m ON m.customer_id = c.id ORDER BY c.id`,
  ).raw(true);
  out.row(['source', 'record_id', 'row_number', 'cluster_id', 'probability']);
  let n = 0;
  for (const row of rows.iterate() as Iterable<[string, string | null, number, number, number | null]>) {
    out.row([row[0], row[1], row[2], row[3], row[4] === null ? '' : row[4].toFixed(6)]);
    n++;
  }
  out.close();
  return n;
}
