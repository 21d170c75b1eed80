/**
 * The audit's machine-readable output: every metric and every record-level
 * issue, `recordId` being the value of the source's id column and `source`
 * the file name, its message said in English from the same templates the app
 * uses. Streamed issue by issue so a million issues do not have to sit in
 * memory as one string.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { once } from 'node:events';
import type { ProfileResult } from '../types.ts';
import type { IssueCode } from '../../../shared/domain/issue-message.ts';
import { issueText } from '../../../shared/i18n/issue-text.ts';
import { makeTranslate } from '../../../shared/i18n/translate.ts';
import { qualityText } from '../../../shared/i18n/quality-text.ts';
import { parseIssueParams } from '../issues-query.ts';
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
      `SELECT s.file_name AS source, c.source_record_id AS recordId, i.field, i.rule, i.severity, i.code, i.params
       FROM quality_current_issues i JOIN customers c ON c.id = i.customer_id JOIN sources s ON s.id = i.source_id
       ORDER BY i.customer_id, i.field, i.rule`,
    )
    .iterate() as IterableIterator<Omit<AuditIssue, 'message'> & { code: IssueCode; params: string | null }>;
  const en = makeTranslate(qualityText.en);
  // Most findings repeat exactly (a field missing, a column's minority format): each distinct one is said once.
  const said = new Map<string, string>();
  let n = 0;
  for (const r of rows) {
    const key = `${r.field}\u0000${r.code}\u0000${r.params}`;
    let message = said.get(key);
    if (message === undefined) {
      message = issueText(en, r.field, { code: r.code, params: parseIssueParams(r.params) });
      if (said.size >= 10_000) said.clear();
      said.set(key, message);
    }
    const issue: AuditIssue = { source: r.source, recordId: r.recordId, field: r.field, rule: r.rule, severity: r.severity, message: opts.mask ? maskFindingText(r.field, message) : message };
    await write(`${n === 0 ? '' : ','}\n${JSON.stringify(issue)}`);
    n++;
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return n;
}
