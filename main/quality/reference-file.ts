/**
 * A verified reference file for accuracy: any file the importer can read,
 * with a record-id column and columns mapped to customer fields the same way
 * an import maps them. Each row's values become reference values of every
 * customer with that record id; rows matching no customer are counted.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { customerFieldKeys } from '../../shared/domain/fields.ts';
import { inspectFile, openRecords } from '../ingest/open-file.ts';
import { previewFile } from '../ingest/preview-file.ts';
import { addReferenceValues, type ReferenceRow } from './reference.ts';

export interface ReferenceImport {
  fileName: string;
  /** The column whose values were matched against the customers' record ids. */
  idColumn: string;
  /** Customer fields the file gives reference values for. */
  fields: string[];
  /** Readable data rows in the file. */
  rows: number;
  /** Rows whose record id belongs to at least one customer. */
  matchedRows: number;
  /** Customers that received reference values. */
  customers: number;
  /** Reference values stored (matched customers × fields). */
  values: number;
}

/**
 * The column to match by: the importer's record-id guess if any of its sample
 * values is a customer's record id, else the column whose sample values match
 * the most customers (a reference file's id column may be named anything).
 */
function chooseIdColumn(fileName: string, headers: string[], sample: string[][], guess: string | null, hasCustomer: (id: string) => boolean): number {
  const hits = headers.map((_, i) => sample.filter((row) => (row[i]?.trim() ?? '') !== '' && hasCustomer(row[i].trim())).length);
  const guessed = guess === null ? -1 : headers.indexOf(guess);
  if (guessed >= 0 && hits[guessed] > 0) return guessed;
  const best = hits.reduce((b, n, i) => (n > hits[b] ? i : b), 0);
  if (hits[best] > 0) return best;
  throw new AppError(
    'invalid_input',
    guess
      ? `No record id in column "${guess}" of ${fileName} matches a customer in this project. A reference file is matched to customers by the record id of their source file.`
      : `${fileName} has no column of record ids matching this project's customers. A reference file is matched to customers by the record id of their source file.`,
  );
}

export async function importReferenceFile(db: Database.Database, path: string): Promise<ReferenceImport> {
  const fileName = basename(path);
  const preview = await previewFile(null, path);
  // The same index the grid builds to sort by record id: one lookup per reference row, not a scan.
  db.exec('CREATE INDEX IF NOT EXISTS customers_sort_source_record_id ON customer_records(source_record_id)');
  const customersOf = db.prepare('SELECT id FROM customers WHERE source_record_id = ?').pluck();
  const idIndex = chooseIdColumn(fileName, preview.headers, preview.sample, preview.idColumn, (id) => customersOf.get(id) !== undefined);
  const fieldColumns = preview.headers
    .map((h, i) => ({ i, field: (preview.mapping[h] ?? '') as string }))
    .filter((c) => c.i !== idIndex && c.field !== '' && c.field !== 'source_record_id' && (customerFieldKeys as readonly string[]).includes(c.field));
  if (fieldColumns.length === 0) throw new AppError('invalid_input', `${fileName} has no columns that map to customer fields (columns: ${preview.headers.join(', ')}).`);
  const stream = await openRecords(await inspectFile(path));
  const out: ReferenceRow[] = [];
  const customers = new Set<number>();
  let rows = 0;
  let matchedRows = 0;
  for await (const batch of stream.batches) {
    if ('packed' in batch) throw new AppError('internal', 'A reference file was read as packed rows.');
    for (const r of batch) {
      if (!r.ok) continue;
      rows++;
      const ids = customersOf.all(r.cells[idIndex]?.trim() ?? '') as number[];
      if (ids.length > 0) matchedRows++;
      for (const customerId of ids) {
        customers.add(customerId);
        for (const c of fieldColumns) out.push({ customerId, field: c.field, value: r.cells[c.i]?.trim() || null });
      }
    }
  }
  addReferenceValues(db, out, fileName);
  return { fileName, idColumn: preview.headers[idIndex], fields: fieldColumns.map((c) => c.field), rows, matchedRows, customers: customers.size, values: out.length };
}
