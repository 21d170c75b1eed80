import type { Db } from './open-project.ts';

/** One imported row as the store holds it: the record's text for delimited files, the cells for other formats. */
export interface StoredRawRow {
  rowNumber: number;
  lineNumber: number;
  rawText: string | null;
  cellsJson: string | null;
  /** The source's delimiter (delimited files) and its header's width. */
  delimiter: string | null;
  headerCount: number;
}

export function storedRawRow(db: Db, rawRowId: number): StoredRawRow {
  const r = db
    .prepare('SELECT r.row_number, r.line_number, r.cells_json, r.raw_text, s.delimiter, json_array_length(s.headers_json) header_count FROM raw_rows r JOIN sources s ON s.id = r.source_id WHERE r.id = ?')
    .get(rawRowId) as { row_number: number; line_number: number; cells_json: string | null; raw_text: string | null; delimiter: string | null; header_count: number };
  return { rowNumber: r.row_number, lineNumber: r.line_number, rawText: r.raw_text, cellsJson: r.cells_json, delimiter: r.delimiter, headerCount: r.header_count };
}
