import type { Db } from '../store/open-project.ts';
import { findSourceByHash, type SourceSummary } from '../store/sources-repo.ts';
import { inspectFile, openRecords, tablesOf, type FileTable, type InspectedFile, type ReadOptions } from './open-file.ts';
import type { SheetInfo } from './read-xlsx.ts';
import type { JsonSource, ParsedRecord } from './records.ts';
import { suggestMapping, type MappingSuggestion } from './suggest-mapping.ts';

const SAMPLE_ROWS = 20;

/** What one source-to-be of a file will look like: a text file has one, a workbook one per sheet with data. */
export interface FilePreview extends MappingSuggestion {
  path: string;
  fileName: string;
  /** The source's name: the file's, or "book.xlsx › Orders" when a workbook gives several. */
  sourceName: string;
  /** The worksheet this preview reads (workbooks only). */
  sheet: string | null;
  /** All worksheets of the workbook, so the user sees which are imported and which are empty. */
  sheets: SheetInfo[] | null;
  format: InspectedFile['format'];
  encoding: string | null;
  delimiter: string | null;
  size: number;
  headers: string[];
  sample: string[][];
  /** Broken records seen in the sample, so the user knows before importing. */
  sampleProblems: { rowNumber: number; lineNumber: number; reason: string; detail: string }[];
  alreadyImported: SourceSummary | null;
  /** For JSON: which array the records come from and which others the file holds. */
  json: JsonSource | null;
}

/** Reads just enough of a file to propose a mapping for each of its tables; writes nothing. */
export async function previewSources(db: Db | null, path: string, opts: ReadOptions = {}): Promise<FilePreview[]> {
  const file = await inspectFile(path, opts);
  const previews: FilePreview[] = [];
  for (const table of tablesOf(file)) previews.push(await previewTable(db, file, table));
  return previews;
}

/** The preview of a file's first table (a workbook's first sheet with data). */
export async function previewFile(db: Db | null, path: string, opts: ReadOptions = {}): Promise<FilePreview> {
  const file = await inspectFile(path, opts);
  return previewTable(db, file, tablesOf(file)[0]);
}

async function previewTable(db: Db | null, file: InspectedFile, table: FileTable): Promise<FilePreview> {
  const stream = await openRecords(file, table.sheet);
  const taken: ParsedRecord[] = [];
  const batches = stream.batches[Symbol.asyncIterator]();
  try {
    for (let next = await batches.next(); !next.done; next = await batches.next()) {
      if ('packed' in next.value) break; // only a writer asks for packed rows
      taken.push(...next.value.slice(0, SAMPLE_ROWS * 2 - taken.length));
      if (taken.length >= SAMPLE_ROWS * 2) break;
    }
  } finally {
    await batches.return?.(undefined);
  }
  const sample = taken.filter((r) => r.ok).slice(0, SAMPLE_ROWS).map((r) => r.cells);
  const sampleProblems = taken.filter((r) => !r.ok).map((r) => ({ rowNumber: r.rowNumber, lineNumber: r.lineNumber, reason: r.reason, detail: r.detail }));
  return {
    path: file.path,
    fileName: file.fileName,
    sourceName: table.name,
    sheet: table.sheet,
    sheets: file.sheets,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    size: file.scan.size,
    headers: stream.headers,
    sample,
    sampleProblems,
    ...suggestMapping(stream.headers, sample),
    alreadyImported: db && file.scan.hash ? findSourceByHash(db, file.scan.hash, table.sheet) : null,
    json: stream.json ?? null,
  };
}
