/**
 * Sorting a million rows needs an index on the sort column. Rather than make
 * every import pay for eighteen indexes, one is built the first time its
 * column is sorted (about a second at a million rows) and kept. Building one
 * takes the write lock, so whoever asks decides when and on which thread it
 * is built: the service builds it as a job (never while another job writes,
 * never on the thread that answers the grid), a command builds it at once.
 */
import { gridColumns } from './grid-query.ts';
import type { Db } from './open-project.ts';

/** Columns sorted through their own index; id is the table's key and source sorts a small join. */
export function sortIndexName(colId: string): string | null {
  if (colId === 'id' || colId === 'source' || !gridColumns[colId]) return null;
  return `customers_sort_${colId}`;
}

/** The grid columns among these that would sort through an index that does not exist yet. */
export function missingSortIndexes(db: Db, colIds: readonly string[]): string[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").pluck();
  return colIds.filter((c) => {
    const name = sortIndexName(c);
    return name !== null && !has.get(name);
  });
}

export function buildSortIndex(db: Db, colId: string): void {
  const name = sortIndexName(colId);
  // The column name comes from the grid's whitelist (gridColumns), never from the request's text.
  if (name) db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON customer_records(${colId})`);
}
