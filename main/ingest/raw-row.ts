import type { Db } from '../store/open-project.ts';
import { storedRawRow } from '../store/raw-rows-repo.ts';
import { parseCsvRecord } from './parse-csv-line.ts';

export interface RawRow {
  rowNumber: number;
  lineNumber: number;
  /** The cells in the source's header order, exactly as they were in the file. */
  cells: string[];
}

/**
 * One imported row as it came. Delimited files stored the record's text, read
 * again here with the source's delimiter (the import's own CSV reader, so the
 * row reads as it was imported); other formats stored the cells.
 */
export function rawRow(db: Db, rawRowId: number): RawRow {
  const r = storedRawRow(db, rawRowId);
  let cells: string[];
  if (r.rawText !== null) {
    const parsed = parseCsvRecord(r.rawText, r.delimiter ?? ',');
    // Stored rows parsed cleanly at import; trailing empty cells beyond the header were tolerated then.
    cells = parsed.status === 'ok' ? parsed.fields.slice(0, r.headerCount) : [r.rawText];
  } else {
    cells = JSON.parse(r.cellsJson ?? '[]') as string[];
  }
  return { rowNumber: r.rowNumber, lineNumber: r.lineNumber, cells };
}
