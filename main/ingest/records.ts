/** What every reader (CSV, XLSX, JSON) yields: rows it could read and rows it could not. */
export type QuarantineReason =
  | 'too_many_fields'
  | 'too_few_fields'
  | 'unterminated_quote'
  | 'text_after_quote'
  | 'not_an_object'
  | 'invalid_json'
  | 'too_deeply_nested'
  | 'record_too_large'
  | 'unreadable_cell';

export interface GoodRecord {
  ok: true;
  rowNumber: number;
  lineNumber: number;
  cells: string[];
  /** The cells serialised, when a reader thread already did it. */
  json?: string;
  /** The record's text as it stood in a delimited file (kept instead of the JSON of its cells). */
  text?: string;
}

export interface BrokenRecord {
  ok: false;
  rowNumber: number;
  lineNumber: number;
  rawText: string;
  reason: QuarantineReason;
  detail: string;
}

export type ParsedRecord = GoodRecord | BrokenRecord;

/**
 * Good rows a reader thread has already turned into bound parameters, in
 * chunks of ROWS_PER_STATEMENT rows (row-layout.ts packRows): the writer's
 * thread then only runs statements. Broken rows travel as they are.
 */
export interface PackedRows {
  packed: true;
  good: number;
  raw: unknown[][];
  entity: unknown[][];
  broken: BrokenRecord[];
}

export type RecordBatch = ParsedRecord[] | PackedRows;

/** Where in a JSON file the records were read from, so the preview and the result can say so. */
export interface JsonSource {
  /** The key of the array the records came from ("data", "response.contacts"); null for a top-level array. */
  recordsKey: string | null;
  /** The file's other arrays, not imported. */
  otherArrays: { key: string; elements: number }[];
}

export interface RecordStream {
  headers: string[];
  /** Set by the JSON reader. */
  json?: JsonSource;
  /** Batches of records in file order; a reader thread sends packed ones once it knows the layout. */
  batches: AsyncIterable<RecordBatch>;
  /** Bytes consumed so far, for progress. */
  bytesRead(): number;
  /** sha256 of the whole file, once read to the end, when the reader was asked to compute it. */
  contentHash?(): string | null;
  /** Lets a reader thread pack rows for the writer once the mapping is known. */
  useLayout?(layout: import('./row-layout.ts').RowLayout): void;
}

/**
 * Blank headers get "Column N", repeated ones "Name (2)": every column keeps a
 * distinct name so no cell is lost when rows become objects.
 */
export function normaliseHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    // A header is a name we show and key extra fields by: NULs (padding) are dropped from it.
    let name = h.replace(/^\uFEFF/, '').replaceAll('\u0000', '').trim() || `Column ${i + 1}`;
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    if (count > 1) name = `${name} (${count})`;
    return name;
  });
}

/** Applies the field-count rule shared by every tabular reader. */
export function checkFieldCount(headerCount: number, cells: string[], rowNumber: number, lineNumber: number, rawText: () => string): ParsedRecord {
  if (cells.length > headerCount) {
    // Trailing empty cells (a delimiter at the end of the line) carry nothing: accept them.
    let last = cells.length;
    while (last > headerCount && cells[last - 1].trim() === '') last--;
    if (last === headerCount) return { ok: true, rowNumber, lineNumber, cells: cells.slice(0, headerCount) };
    return { ok: false, rowNumber, lineNumber, rawText: rawText(), reason: 'too_many_fields', detail: `Expected ${headerCount} fields, found ${cells.length}.` };
  }
  if (cells.length < headerCount) {
    return { ok: false, rowNumber, lineNumber, rawText: rawText(), reason: 'too_few_fields', detail: `Expected ${headerCount} fields, found ${cells.length}.` };
  }
  return { ok: true, rowNumber, lineNumber, cells };
}

/**
 * Streaming readers learn the header from their first rows. This starts the
 * reader, lets it get past the header (and buffers what it read), so callers
 * see the columns before they consume any batch.
 */
export async function headersFirst(
  reader: AsyncGenerator<ParsedRecord[]>,
  headers: () => string[] | null,
  rest: Omit<RecordStream, 'headers' | 'batches'>,
): Promise<RecordStream> {
  const first = await reader.next();
  const buffered = first.done ? [] : first.value;
  return {
    ...rest,
    get headers() {
      return headers() ?? [];
    },
    batches: (async function* () {
      if (buffered.length) yield buffered;
      yield* reader;
    })(),
  };
}
