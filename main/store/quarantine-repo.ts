import type { Db } from './open-project.ts';

export interface QuarantinedRow {
  id: number;
  sourceId: number;
  fileName: string;
  rowNumber: number;
  lineNumber: number;
  rawText: string;
  reason: string;
  detail: string;
}

export function pageQuarantine(db: Db, opts: { sourceId?: number; offset: number; limit: number }): { rows: QuarantinedRow[]; total: number } {
  const where = opts.sourceId ? 'WHERE q.source_id = @sourceId' : '';
  const rows = db
    .prepare(
      `SELECT q.id, q.source_id sourceId, s.file_name fileName, q.row_number rowNumber, q.line_number lineNumber,
              q.raw_text rawText, q.reason, q.detail
       FROM quarantine q JOIN sources s ON s.id = q.source_id ${where}
       ORDER BY q.source_id, q.row_number LIMIT @limit OFFSET @offset`,
    )
    .all({ sourceId: opts.sourceId, limit: opts.limit, offset: opts.offset }) as QuarantinedRow[];
  const total = (db.prepare(`SELECT count(*) n FROM quarantine q ${where}`).get({ sourceId: opts.sourceId }) as { n: number }).n;
  return { rows, total };
}
