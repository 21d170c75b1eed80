/**
 * Checks the customers with ids in (fromId, toId] page by page and returns
 * what the run needs from them (accumulators.ts). Runs on the profiling
 * thread or, for the other half of a big project, in check-worker.ts.
 */
import type Database from 'better-sqlite3';
import { RangeAccumulator, type RangeResult } from './accumulators.ts';
import { RecordChecker, type CheckContext, type RawCustomer } from './check-record.ts';

export interface RangeOptions {
  fromId: number;
  toId: number;
  batchSize?: number;
  /** Called between pages: throws to stop. */
  checkCancelled: () => void;
  onRows?: (done: number) => void;
}

export function countRange(db: Database.Database, fromId: number, toId: number): number {
  return (db.prepare('SELECT count(*) n FROM customers WHERE id > ? AND id <= ?').get(fromId, toId) as { n: number }).n;
}

export function checkRange(db: Database.Database, ctx: CheckContext, opts: RangeOptions): RangeResult {
  const acc = new RangeAccumulator(countRange(db, opts.fromId, opts.toId));
  const checker = new RecordChecker(ctx);
  const page = db.prepare(`SELECT id, source_id, ${ctx.fields.join(', ')} FROM customers WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`).raw(true);
  const batchSize = opts.batchSize ?? 5000;
  let lastId = opts.fromId;
  for (;;) {
    opts.checkCancelled();
    const rows = page.all(lastId, opts.toId, batchSize) as RawCustomer[];
    if (rows.length === 0) break;
    for (const row of rows) checker.check(row, acc);
    lastId = rows[rows.length - 1][0] as number;
    opts.onRows?.(acc.r.count);
  }
  return acc.r;
}
