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
  // `customers` leaves withdrawn sources out by itself (009-withdrawn-sources.sql); the raw tables keep their rows, so their counts leave them out here.
  const present = 'source_id NOT IN (SELECT source_id FROM withdrawn_sources)';
  const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
  return {
    customers: count('SELECT count(*) FROM customers'),
    sources: count('SELECT count(*) FROM sources WHERE id NOT IN (SELECT source_id FROM withdrawn_sources)'),
    quarantined: count(`SELECT count(*) FROM quarantine WHERE ${present}`),
    transactions: count(`SELECT count(*) FROM transactions WHERE ${present}`),
    needs: count(`SELECT count(*) FROM needs WHERE ${present}`),
  };
}
