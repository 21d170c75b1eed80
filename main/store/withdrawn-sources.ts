import type { Db } from './open-project.ts';

/** Whether any source is withdrawn: readers that skip the customers view filter withdrawn customers only then. */
export function anySourceWithdrawn(db: Db): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM withdrawn_sources)').pluck().get() === 1;
}
