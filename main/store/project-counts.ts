import type { Db } from './open-project.ts';

/** How much a project holds, as the start screen and the navigation show it. */
export interface ProjectCounts {
  customers: number;
  sources: number;
  quarantined: number;
  transactions: number;
  needs: number;
}

/**
 * Counting is a scan of each table (a tenth of a second or more at a million
 * customers): job workers count after their work, on their own thread, and
 * the service keeps the figures until the data changes.
 */
export function projectCounts(db: Db): ProjectCounts {
  const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { customers: count('customers'), sources: count('sources'), quarantined: count('quarantine'), transactions: count('transactions'), needs: count('needs') };
}
