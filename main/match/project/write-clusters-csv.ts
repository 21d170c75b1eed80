/**
 * The entity of every customer as CSV, one row per record:
 * source,record_id,row_number,cluster_id,probability. A record in no
 * suggested entity is its own cluster (cluster_id = its customer id) with an
 * empty probability; otherwise probability is its strongest link inside its
 * entity.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Db } from '../../store/open-project.ts';

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export async function writeClustersCsv(db: Db, path: string): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const rows = db.prepare(
    `SELECT s.file_name, c.source_record_id, r.row_number, coalesce(m.cluster_id, c.id), m.probability
     FROM customers c JOIN sources s ON s.id = c.source_id JOIN raw_rows r ON r.id = c.raw_row_id
     LEFT JOIN match_members m ON m.customer_id = c.id ORDER BY c.id`,
  ).raw(true);
  let buf = 'source,record_id,row_number,cluster_id,probability\n';
  let n = 0;
  for (const row of rows.iterate() as Iterable<[string, string | null, number, number, number | null]>) {
    buf += `${cell(row[0])},${cell(row[1])},${row[2]},${row[3]},${row[4] === null ? '' : row[4].toFixed(6)}\n`;
    n++;
    // Backpressure: a million rows must not sit in memory as one string.
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return n;
}
