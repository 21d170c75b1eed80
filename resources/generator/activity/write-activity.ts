import { writeFileSync } from 'node:fs';
import { readTruthFile } from '../export/truth-file.ts';
import { joinRow } from '../export/csv-cells.ts';
import { activityTruthLines, generateActivity, NEED_HEADER, TRANSACTION_HEADER, type ActivityOptions } from './generate-activity.ts';

const style = { delimiter: ',', quoteAll: false };
const csv = (header: string[], rows: string[][]): string => [header, ...rows].map((r) => joinRow(r, style)).join('\n') + '\n';

/**
 * Transactions, needs and their RFM truth for the readable customers of one
 * or more exports (its truth file says which rows a reader quarantines; those
 * customers never exist in a project, so they get nothing).
 */
export function writeActivity(exportTruthPaths: string | string[], out: { transactions: string; needs: string; truth: string }, opts: ActivityOptions): { transactions: number; needs: number; buyers: number; unknownReferences: number } {
  const truths = typeof exportTruthPaths === 'string' ? [exportTruthPaths] : exportTruthPaths;
  const ids = [...new Set(truths.flatMap((path) => readTruthFile(path).filter((r) => !r.broken && r.recordId !== '').map((r) => r.recordId)))];
  const a = generateActivity(ids, opts);
  writeFileSync(out.transactions, csv(TRANSACTION_HEADER, a.transactions));
  writeFileSync(out.needs, csv(NEED_HEADER, a.needs));
  writeFileSync(out.truth, activityTruthLines(a.truth).join('\n') + '\n');
  return { transactions: a.transactions.length, needs: a.needs.length, buyers: a.truth.length, unknownReferences: a.unknownReferences };
}
