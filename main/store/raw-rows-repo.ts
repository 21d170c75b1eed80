import { parseCsvRecord } from '../ingest/parse-csv-line.ts';
import type { Db } from './open-project.ts';

export interface RawRow {
  rowNumber: number;
  lineNumber: number;
  /** The cells in the source's header order, exactly as they were in the file. */
  cells: string[];
}

/**
 * One imported row as it came. Delimited files stored the record's text, read
 * again here with the source's delimiter; other formats stored the cells.
 */
export function rawRow(db: Db, rawRowId: number): RawRow {
  const r = db
    .prepare('SELECT r.row_number, r.line_number, r.cells_json, r.raw_text, s.delimiter, s.headers_json FROM raw_rows r JOIN sources s ON s.id = r.source_id WHERE r.id = ?')
    .get(rawRowId) as { row_number: number; line_number: number; cells_json: string | null; raw_text: string | null; delimiter: string | null; headers_json: string };
  let cells: string[];
  if (r.raw_text !== null) {
    const parsed = parseCsvRecord(r.raw_text, r.delimiter ?? ',');
    // Stored rows parsed cleanly at import; trailing empty cells beyond the header were tolerated then.
    cells = parsed.status === 'ok' ? parsed.fields.slice(0, (JSON.parse(r.headers_json) as string[]).length) : [r.raw_text];
  } else {
    cells = JSON.parse(r.cells_json ?? '[]') as string[];
  }
  return { rowNumber: r.row_number, lineNumber: r.line_number, cells };
}
