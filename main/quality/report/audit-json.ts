/**
 * The audit's machine-readable output: every metric and every record-level
 * issue, `recordId` being the value of the source's id column and `source`
 * the file name. Streamed issue by issue so a million issues do not have to
 * sit in memory as one string.
 */
import type Database from 'better-sqlite3';
import { once } from 'node:events';
import type { ProfileResult } from '../types.ts';
import { privateWriteStream } from '../../lib/private-files.ts';
import { maskFindingText } from '../../standardize/mask-personal.ts';

export interface AuditIssue {
  source: string;
  recordId: string | null;
  field: string;
  rule: string;
  severity: string;
  message: string;
}

/** `mask`: personal values in the issue messages masked for sharing, as in the HTML report. */
export async function writeAuditJson(db: Database.Database, result: ProfileResult, outPath: string, opts: { mask?: boolean } = {}): Promise<number> {
  const out = privateWriteStream(outPath);
  out.setDefaultEncoding('utf8');
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`{"metrics":${JSON.stringify({ ...result.metrics, sources: result.sources, takenAt: result.takenAt })},"issues":[`);
  const rows = db
    .prepare(
      `SELECT s.file_name AS source, c.source_record_id AS recordId, i.field, i.rule, i.severity, i.message
       FROM quality_current_issues i JOIN customers c ON c.id = i.customer_id JOIN sources s ON s.id = i.source_id
       ORDER BY i.customer_id, i.field, i.rule`,
    )
    .iterate() as IterableIterator<AuditIssue>;
  let n = 0;
  for (const r of rows) {
    await write(`${n === 0 ? '' : ','}\n${JSON.stringify(opts.mask ? { ...r, message: maskFindingText(r.field, r.message) } : r)}`);
    n++;
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return n;
}
