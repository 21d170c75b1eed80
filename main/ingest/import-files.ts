import { statSync } from 'node:fs';
import { fieldDef, type Entity } from '../../shared/domain/fields.ts';
import { AppError } from '../../shared/errors.ts';
import { neverCancelled, type Cancellation } from '../lib/cancellation.ts';
import type { ProgressFn } from '../lib/jobs.ts';
import type { Db } from '../store/open-project.ts';
import { durably, inOneTransaction } from '../store/durable-commit.ts';
import { findSourceByHash } from '../store/sources-repo.ts';
import type { Encoding } from './detect-encoding.ts';
import { readActivity } from './read-activity.ts';
import { linkReferences } from './link-references.ts';
import { inspectFile, openRecords, tablesOf, type FileTable, type InspectedFile } from './open-file.ts';
import { openRecordsInWorker } from './read-in-worker.ts';
import { rowLayout } from './row-layout.ts';
import { makeRowWriter } from './row-writer.ts';
import type { Delimiter } from './sniff-delimiter.ts';
import { emptyMapping, fieldOf, type Mapping } from '../../shared/domain/mapping.ts';
import { suggestMapping } from './suggest-mapping.ts';
import { applyUpdate, findSystem, type UpdateCounts } from './update-records.ts';

export interface ImportFileRequest {
  path: string;
  /** Header → target field; omitted means the suggested mapping. */
  mapping?: Mapping;
  idColumn?: string | null;
  entity?: Entity;
  encoding?: Encoding;
  delimiter?: Delimiter;
  /** The worksheet to import; omitted means every sheet with data, each as its own source. */
  sheet?: string;
  /** What to do when the same bytes were imported before: refuse (default), import again, or skip. */
  onDuplicate?: 'refuse' | 'import' | 'skip';
  /** auto (default): a later export of a system already imported updates its records; never: always new records. */
  update?: 'auto' | 'never';
}

export interface ImportedFile {
  /** The source's name: the file's, or "book.xlsx › Orders" for one of a workbook's several sheets. */
  file: string;
  /** The worksheet read, for workbooks. */
  sheet: string | null;
  path: string;
  sourceId: number | null;
  skipped: boolean;
  format: string;
  rows: number;
  imported: number;
  quarantined: number;
  encoding: string | null;
  delimiter: string | null;
  idColumn: string | null;
  entity: Entity;
  preset: string | null;
  mapping: Mapping;
  /** For JSON: the key of the array the records came from (null for a top-level array). */
  recordsKey: string | null;
  /** Set when the file was a later export of a system already imported: what it did to that system's records. */
  update: UpdateCounts | null;
}

export interface ImportProgress {
  step: 'scan' | 'import' | 'link';
  file: string;
  fileIndex: number;
  files: number;
  done: number;
  total: number;
  rows: number;
}

const PARALLEL_PARSE_BYTES = 4 << 20;

/**
 * Imports files as one all-or-nothing unit: everything is written inside a
 * single transaction that commits only after the last file, so a cancel, a
 * crash or an unreadable file leaves the project exactly as it was.
 */
export async function importFiles(
  db: Db,
  requests: ImportFileRequest[],
  opts: { signal?: Cancellation; onProgress?: ProgressFn<ImportProgress> } = {},
): Promise<ImportedFile[]> {
  const signal = opts.signal ?? neverCancelled;
  const progress = opts.onProgress ?? (() => {});
  const inspected: InspectedFile[] = [];
  for (const [i, req] of requests.entries()) {
    progress({ step: 'scan', file: req.path, fileIndex: i, files: requests.length, done: 0, total: 1, rows: 0 });
    inspected.push(await inspectFile(req.path, { encoding: req.encoding, delimiter: req.delimiter, quick: !mayBeReimport(db, requests, i) }));
    signal.throwIfAborted();
  }
  // Foreign keys are checked by construction here (a source row, then its raw
  // rows, then the records pointing at them, all in this transaction); the
  // per-row lookups would cost about a tenth of a million-row import. The
  // pragma cannot change inside a transaction, so it is set around it.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    // A finished import must survive a power cut too: the user may delete the file next.
    return await durably(db, () =>
      inOneTransaction(db, async () => {
        const results: ImportedFile[] = [];
        for (const [i, file] of inspected.entries()) {
          for (const table of tablesToImport(file, requests[i])) {
            results.push(await importOneChecked(db, file, table, requests[i], { fileIndex: i, files: requests.length, signal, progress }));
          }
        }
        progress({ step: 'link', file: '', fileIndex: requests.length - 1, files: requests.length, done: 0, total: 1, rows: 0 });
        readActivity(db);
        linkReferences(db);
        signal.throwIfAborted();
        return results;
      }),
    );
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}

/** The tables a request imports: the sheet it names, or every table of the file. */
function tablesToImport(file: InspectedFile, req: ImportFileRequest): FileTable[] {
  const tables = tablesOf(file);
  if (req.sheet !== undefined) {
    const table = tables.find((t) => t.sheet === req.sheet) ?? (file.sheets?.some((s) => s.name === req.sheet) ? { sheet: req.sheet, name: `${file.fileName} › ${req.sheet}` } : null);
    if (!table) throw new AppError('invalid_input', `${file.fileName} has no sheet named "${req.sheet}".`);
    return [table];
  }
  if (tables.length > 1 && (req.mapping || req.idColumn !== undefined || req.entity)) {
    throw new AppError('invalid_input', `${file.fileName} has ${tables.length} sheets with data (${tables.map((t) => t.sheet).join(', ')}); name the sheet a mapping is for.`);
  }
  return tables;
}

/**
 * A re-import can only be a file whose size matches an earlier source (or
 * another file of this import); only those need their hash before writing.
 */
function mayBeReimport(db: Db, requests: ImportFileRequest[], index: number): boolean {
  const size = (path: string): number => {
    try {
      return statSync(path).size;
    } catch {
      return -1; // inspectFile reports the missing file
    }
  };
  const mine = size(requests[index].path);
  if (db.prepare('SELECT 1 FROM sources WHERE byte_size = ? LIMIT 1').get(mine)) return true;
  return requests.some((r, i) => i !== index && size(r.path) === mine);
}

/**
 * One file inside a savepoint: when a quickly scanned file turns out not to
 * be in the encoding its head suggested, its rows are rolled back and it is
 * read again after a full scan.
 */
/** Where one file stands in its import, and how to report and cancel. */
interface FileContext {
  fileIndex: number;
  files: number;
  signal: Cancellation;
  progress: ProgressFn<ImportProgress>;
}

async function importOneChecked(db: Db, file: InspectedFile, table: FileTable, req: ImportFileRequest, ctx: FileContext): Promise<ImportedFile> {
  db.exec('SAVEPOINT import_file');
  try {
    const result = await importOne(db, file, table, req, ctx);
    db.exec('RELEASE import_file');
    return result;
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'encoding_mismatch') || file.scan.complete) throw err;
    db.exec('ROLLBACK TO import_file');
    db.exec('RELEASE import_file');
    const full = await inspectFile(req.path, { encoding: req.encoding, delimiter: req.delimiter });
    return importOne(db, full, table, req, ctx);
  }
}

async function importOne(db: Db, file: InspectedFile, table: FileTable, req: ImportFileRequest, { fileIndex, files, signal, progress }: FileContext): Promise<ImportedFile> {
  const earlier = file.scan.hash === null ? null : findSourceByHash(db, file.scan.hash, table.sheet);
  if (earlier && (req.onDuplicate ?? 'refuse') !== 'import') {
    if (req.onDuplicate !== 'skip') {
      throw new AppError('already_imported', `${table.name} was already imported on ${earlier.importedAt.slice(0, 10)} (source #${earlier.id}). Choose to import it again or skip it.`);
    }
    const { encoding, delimiter, idColumn, entity, preset, mapping } = earlier;
    return { file: table.name, sheet: table.sheet, path: file.path, format: file.format, encoding, delimiter, idColumn, entity: entity as Entity, preset, mapping: mapping as Mapping, recordsKey: null, sourceId: null, skipped: true, rows: 0, imported: 0, quarantined: 0, update: null };
  }
  // Big text files are parsed on the other core while this thread writes.
  const stream = file.format === 'csv' && file.scan.size > PARALLEL_PARSE_BYTES ? await openRecordsInWorker(file) : await openRecords(file, table.sheet);
  // The first batch doubles as the sample that id-column detection looks at.
  const batches = stream.batches[Symbol.asyncIterator]();
  const first = await batches.next();
  const firstBatch = first.done || 'packed' in first.value ? [] : first.value;
  const sample = firstBatch.filter((r) => r.ok).slice(0, 50).map((r) => (r as { cells: string[] }).cells);
  const suggested = suggestMapping(stream.headers, sample);
  const entity = req.entity ?? suggested.entity;
  const mapping = completeMapping(stream.headers, req.mapping ?? suggested.mapping, entity);
  const idColumn = req.idColumn === undefined ? suggested.idColumn : req.idColumn;
  const base = { file: table.name, sheet: table.sheet, path: file.path, format: file.format, encoding: file.encoding, delimiter: file.delimiter, idColumn, entity, preset: suggested.preset, mapping, recordsKey: stream.json?.recordsKey ?? null };
  if (idColumn && entity === 'customer') {
    for (const h of stream.headers) if (fieldOf(mapping, h) === 'source_record_id') mapping[h] = null;
    mapping[idColumn] = 'source_record_id';
  }
  const sourceId = Number(
    db.prepare(
      `INSERT INTO sources (file_name, file_path, content_hash, byte_size, format, encoding, delimiter, entity, preset, headers_json, mapping_json, id_column, rows, imported, quarantined, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)`,
    ).run(table.name, file.path, file.scan.hash ?? '', file.scan.size, file.format, file.encoding, file.delimiter, entity, suggested.preset, JSON.stringify(stream.headers), JSON.stringify(mapping), idColumn, new Date().toISOString()).lastInsertRowid,
  );
  const firstRawId = db.prepare('SELECT coalesce(max(id), 0) + 1 FROM raw_rows').pluck().get() as number;
  const layout = rowLayout(entity, stream.headers, mapping, sourceId, firstRawId);
  stream.useLayout?.(layout);
  const writer = makeRowWriter(db, layout);
  try {
    for (let next = first; !next.done; next = await batches.next()) {
      signal.throwIfAborted();
      writer.write(next.value);
      const rows = writer.counts.imported + writer.counts.quarantined;
      progress({ step: 'import', file: table.name, fileIndex, files, done: stream.bytesRead(), total: file.scan.size, rows });
    }
  } finally {
    await batches.return?.(undefined); // stops a reader thread when we leave early (cancel, error)
  }
  const { imported, quarantined } = writer.counts;
  const hash = file.scan.hash ?? stream.contentHash?.() ?? '';
  db.prepare('UPDATE sources SET rows = ?, imported = ?, quarantined = ?, content_hash = ? WHERE id = ?').run(imported + quarantined, imported, quarantined, hash, sourceId);
  const system = entity === 'customer' && req.update !== 'never' ? findSystem(db, sourceId) : null;
  const update = system === null ? null : applyUpdate(db, sourceId, system, table.name);
  return { ...base, sourceId, skipped: false, rows: imported + quarantined, imported, quarantined, update };
}

/**
 * Every header gets an entry; a mapping for a header the file does not have is
 * refused. A field of another entity (a customer field in a transactions file)
 * is dropped so that column is kept as an extra field rather than lost.
 */
function completeMapping(headers: string[], mapping: Mapping, entity: Entity): Mapping {
  const unknown = Object.keys(mapping).filter((h) => !headers.includes(h));
  if (unknown.length) throw new AppError('invalid_input', `The mapping names columns the file does not have: ${unknown.join(', ')}.`);
  const used = new Set<string>();
  const out = emptyMapping();
  for (const h of headers) {
    const wanted = fieldOf(mapping, h);
    const f = wanted && fieldDef(wanted)?.entity === entity ? wanted : null;
    if (f && used.has(f)) throw new AppError('invalid_input', `Two columns are mapped to ${f}; map each field from one column.`);
    if (f) used.add(f);
    out[h] = f;
  }
  return out;
}
