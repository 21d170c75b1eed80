import type { Db } from '../store/open-project.ts';
import { findSourceByHash, type SourceSummary } from '../store/sources-repo.ts';
import { inspectFile, openRecords, type InspectedFile, type ReadOptions } from './open-file.ts';
import type { ParsedRecord } from './records.ts';
import { suggestMapping, type MappingSuggestion } from './suggest-mapping.ts';

const SAMPLE_ROWS = 20;

export interface FilePreview extends MappingSuggestion {
  path: string;
  fileName: string;
  format: InspectedFile['format'];
  encoding: string | null;
  delimiter: string | null;
  size: number;
  headers: string[];
  sample: string[][];
  /** Broken records seen in the sample, so the user knows before importing. */
  sampleProblems: { rowNumber: number; lineNumber: number; reason: string; detail: string }[];
  alreadyImported: SourceSummary | null;
}

/** Reads just enough of a file to propose a mapping; writes nothing. */
export async function previewFile(db: Db | null, path: string, opts: ReadOptions = {}): Promise<FilePreview> {
  const file = await inspectFile(path, opts);
  const stream = await openRecords(file);
  const taken: ParsedRecord[] = [];
  for await (const batch of stream.batches) {
    if ('packed' in batch) break; // only a writer asks for packed rows
    taken.push(...batch.slice(0, SAMPLE_ROWS * 2 - taken.length));
    if (taken.length >= SAMPLE_ROWS * 2) break;
  }
  const sample = taken.filter((r) => r.ok).slice(0, SAMPLE_ROWS).map((r) => r.cells);
  const sampleProblems = taken.filter((r) => !r.ok).map((r) => ({ rowNumber: r.rowNumber, lineNumber: r.lineNumber, reason: r.reason, detail: r.detail }));
  return {
    path,
    fileName: file.fileName,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    size: file.scan.size,
    headers: stream.headers,
    sample,
    sampleProblems,
    ...suggestMapping(stream.headers, sample),
    alreadyImported: db && file.scan.hash ? findSourceByHash(db, file.scan.hash) : null,
  };
}
