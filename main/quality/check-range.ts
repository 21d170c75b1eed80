/**
 * Checks customers chunk by chunk (a chunk is an id range) and returns what
 * the run needs from them (accumulators.ts). Runs on the profiling thread and
 * in check-worker.ts; the threads take the next unchecked chunk as they free
 * up, so a thread slowed by other work on the machine simply checks fewer.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { RangeAccumulator, type RangeResult } from './accumulators.ts';
import { RecordChecker, type CheckContext, type RawCustomer } from './check-record.ts';

export interface ChunkOptions {
  /** Chunk i holds the ids in (bounds[i], bounds[i + 1]]. */
  bounds: number[];
  /** The next chunk to check, or -1 when none is left. */
  nextChunk: () => number;
  /** Expected number of records (the arrays grow past it if needed). */
  capacity: number;
  batchSize?: number;
  /** Called between pages: throws to stop. */
  checkCancelled: () => void;
  onRows?: (done: number) => void;
}

export function countRange(db: Database.Database, fromId: number, toId: number): number {
  return (db.prepare('SELECT count(*) n FROM customers WHERE id > ? AND id <= ?').get(fromId, toId) as { n: number }).n;
}

export function checkChunks(db: Database.Database, ctx: CheckContext, opts: ChunkOptions): RangeResult {
  const acc = new RangeAccumulator(opts.capacity);
  const checker = new RecordChecker(ctx);
  const page = db.prepare(`SELECT id, source_id, ${ctx.fields.join(', ')} FROM customers WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`).raw(true);
  const batchSize = opts.batchSize ?? 2000;
  for (let chunk = opts.nextChunk(); chunk >= 0; chunk = opts.nextChunk()) {
    acc.startChunk(chunk);
    let lastId = opts.bounds[chunk];
    const toId = opts.bounds[chunk + 1];
    for (;;) {
      opts.checkCancelled();
      const rows = page.all(lastId, toId, batchSize) as RawCustomer[];
      if (rows.length === 0) break;
      for (const row of rows) checker.check(row, acc);
      lastId = rows[rows.length - 1][0] as number;
      opts.onRows?.(acc.r.count);
      if (rows.length < batchSize) break;
    }
  }
  return acc.r;
}

/** The customers with ids in (fromId, toId], as one chunk. */
export function checkRange(db: Database.Database, ctx: CheckContext, opts: { fromId: number; toId: number; batchSize?: number; checkCancelled: () => void; onRows?: (done: number) => void }): RangeResult {
  let taken = false;
  return checkChunks(db, ctx, {
    ...opts,
    bounds: [opts.fromId, opts.toId],
    nextChunk: () => (taken ? -1 : ((taken = true), 0)),
    capacity: countRange(db, opts.fromId, opts.toId),
  });
}
