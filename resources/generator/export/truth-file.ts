import type { InjectedError } from '../types.ts';
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

export class TruthFile {
  private readonly file: ChunkedFile;

  constructor(readonly path: string) {
    this.file = new ChunkedFile(path, (t) => Buffer.from(t, 'utf8'));
    this.file.write(TRUTH_HEADER + '\n');
  }

  /** Returns a promise only when the caller must wait for the disk (see ChunkedFile.write). */
  add(row: ExportRow, lineNumber: number, broken: BrokenKind | 'not_an_object' | null): Promise<void> | undefined {
    const r = row.record;
    // None of these values can hold a comma or a quote, so no quoting is needed.
    return this.file.write(
      `${row.index + 1},${lineNumber},${row.recordId},${r.entityId},${r.householdId ?? ''},${r.role},${r.locale},${broken ? 1 : 0},${broken ?? ''},${formatErrors(row.errors)}\n`,
    );
  }

  close(): Promise<number> {
    return this.file.close();
  }

  abort(): Promise<void> {
    return this.file.abort();
  }
}

function formatErrors(errors: readonly InjectedError[]): string {
  return errors.length === 0 ? '' : errors.map((e) => `${e.field}:${e.kind}`).join(';');
}
