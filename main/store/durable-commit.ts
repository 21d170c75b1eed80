import type { Db } from './open-project.ts';

/**
 * Runs work whose commit must survive power loss, not only a crash. Projects
 * run WAL with synchronous = NORMAL: a commit is safe from a crashed process
 * at once but reaches the disk only at the next checkpoint, so a power cut
 * can take back the last few transactions. That is right for edits (each
 * small, each in the change history), wrong for an import a user watched
 * succeed and may then delete the source file of (and for merges): with
 * FULL the WAL is synced at that commit. The setting is per connection and
 * cannot change inside a transaction, so it is set around the work (and a
 * level already FULL, or work inside a caller's transaction, is left alone).
 */
export function durably<T>(db: Db, work: () => T): T {
  const level = db.pragma('synchronous', { simple: true }) as number;
  if (level >= 2 || db.inTransaction) return work();
  db.pragma('synchronous = FULL');
  const restore = () => db.pragma(`synchronous = ${level}`);
  let result: T;
  try {
    result = work();
  } catch (err) {
    restore();
    throw err;
  }
  // Work that returns a promise keeps the level until the promise settles.
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

/**
 * Runs async work as one write transaction (BEGIN IMMEDIATE, so the write
 * lock is taken first), committed only when it all succeeded: a kill or an
 * error anywhere leaves the project as it was. Transactions the work opens
 * itself become savepoints inside it; inside a caller's transaction the work
 * is a savepoint of it, taken back alone on error.
 */
export async function inOneTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const nested = db.inTransaction;
  db.exec(nested ? 'SAVEPOINT in_one_transaction' : 'BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec(nested ? 'RELEASE in_one_transaction' : 'COMMIT');
    return result;
  } catch (err) {
    if (nested) db.exec('ROLLBACK TO in_one_transaction; RELEASE in_one_transaction');
    else if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
