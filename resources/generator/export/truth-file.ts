import type { BrokenKind } from './broken-rows.ts';
import { ChunkedFile } from './chunked-file.ts';
import type { ExportRow } from './rows.ts';

/**
 * The ground truth beside an export, one line per data record:
 * row_number is the 1-based record number (header not counted), line_number
 * the 1-based physical line (or sheet row) where it starts, broken says
 * whether a correct reader must quarantine it, errors are `field:kind;...`
 * for the columns the file has.
 */
export const TRUTH_HEADER = 'row_number,line_number,record_id,entity_id,household_id,role,locale,broken,broken_kind,errors';

/** What the truth says about one record, flat so it can cross to a worker thread as text. */
export interface TruthInfo {
  index: number;
  recordId: string;
  entityId: string;
  householdId: string;
  role: string;
  locale: string;
  /** `field:kind;field:kind` */
  errors: string;
}

export function truthInfo(row: ExportRow): TruthInfo {
  const r = row.record;
  return {
    index: row.index, recordId: row.recordId, entityId: r.entityId, householdId: r.householdId ?? '', role: r.role, locale: r.locale,
    errors: row.errors.map((e) => `${e.field}:${e.kind}`).join(';'),
  };
}

export class TruthFile {
  private readonly file: ChunkedFile;

  constructor(readonly path: string) {
    this.file = new ChunkedFile(path, (t) => Buffer.from(t, 'utf8'));
    this.file.write(TRUTH_HEADER + '\n');
  }

  /** Returns a promise only when the caller must wait for the disk (see ChunkedFile.write). */
  add(t: TruthInfo, lineNumber: number, broken: BrokenKind | 'not_an_object' | null): Promise<void> | undefined {
    // None of these values can hold a comma or a quote, so no quoting is needed.
    return this.file.write(
      `${t.index + 1},${lineNumber},${t.recordId},${t.entityId},${t.householdId},${t.role},${t.locale},${broken ? 1 : 0},${broken ?? ''},${t.errors}\n`,
    );
  }

  close(): Promise<number> {
    return this.file.close();
  }

  abort(): Promise<void> {
    return this.file.abort();
  }
}
