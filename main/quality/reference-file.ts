/**
 * A verified reference file for accuracy: any file the importer can read,
 * with a record-id column and columns mapped to customer fields the same way
 * an import maps them. Each row's values become reference values of every
 * customer with that record id; rows matching no customer are counted.
 */
import type Database from 'better-sqlite3';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { inspectFile, openRecords } from '../ingest/open-file.ts';
import { previewFile } from '../ingest/preview-file.ts';
import { addReferenceValues, type ReferenceRow } from './reference.ts';

export interface ReferenceImport {
  rows: number;
  matchedRows: number;
  values: number;
}

export async function importReferenceFile(db: Database.Database, path: string): Promise<ReferenceImport> {
  const preview = await previewFile(null, path);
  const idColumn = preview.idColumn;
  if (!idColumn) throw new AppError('invalid_input', `${basename(path)} has no record-id column to match customers by.`);
  const idIndex = preview.headers.indexOf(idColumn);
  const fieldColumns = preview.headers
    .map((h, i) => ({ i, field: (preview.mapping[h] ?? '') as string }))
    .filter((c) => c.field !== '' && c.field !== 'source_record_id' && (customerFieldKeys as readonly string[]).includes(c.field));
  if (fieldColumns.length === 0) throw new AppError('invalid_input', `${basename(path)} has no columns that map to customer fields.`);
  const customersOf = db.prepare('SELECT id FROM customers WHERE source_record_id = ?').pluck();
  const stream = await openRecords(await inspectFile(path));
  const out: ReferenceRow[] = [];
  let rows = 0;
  let matchedRows = 0;
  for await (const batch of stream.batches) {
    if ('packed' in batch) throw new AppError('internal', 'A reference file was read as packed rows.');
    for (const r of batch) {
      if (!r.ok) continue;
      rows++;
      const ids = customersOf.all(r.cells[idIndex]?.trim() ?? '') as number[];
      if (ids.length > 0) matchedRows++;
      for (const customerId of ids) for (const c of fieldColumns) out.push({ customerId, field: c.field, value: r.cells[c.i]?.trim() || null });
    }
  }
  addReferenceValues(db, out, basename(path));
  return { rows, matchedRows, values: out.length };
}
