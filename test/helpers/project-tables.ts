import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { useKey } from '../../main/store/open-project.ts';
import type { ProjectKey } from '../../main/store/project-key.ts';

export interface TableReadOptions {
  /** Leave out moments and durations (see tablesDigest). */
  stable?: boolean;
  /** The key of an encrypted project. */
  key?: ProjectKey | null;
}

/**
 * Every row of every table of a project file (and its schema), read
 * straight from SQLite without the app's code: what a backup round trip
 * must give back exactly. Rows are ordered by rowid, or by every column for
 * tables without one.
 */
export function readAllTables(path: string, opts: TableReadOptions = {}): Record<string, unknown[]> {
  const db = new Database(path, { fileMustExist: true });
  try {
    // The app's keying (cipher settings, then the key) is all of its code used here.
    if (opts.key) useKey(db, opts.key);
    const schema = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name").all();
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
    const out: Record<string, unknown[]> = { '(schema)': schema };
    for (const t of tables) {
      const withoutRowid = /WITHOUT\s+ROWID/i.test(t.sql);
      const order = withoutRowid ? (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t.name) as string[]).map((c) => `"${c}"`).join(', ') : 'rowid';
      const rows = db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${order}`).raw().all() as unknown[][];
      if (opts.stable) {
        const names = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t.name) as string[];
        const volatile = names.map((n) => n === 'at' || n === 'seconds' || n.endsWith('_at'));
        for (const row of rows) row.forEach((v, i) => (row[i] = volatile[i] ? null : typeof v === 'string' ? steady(v) : v));
      }
      out[t.name] = rows;
    }
    return out;
  } finally {
    db.close();
  }
}

/** A string without the moments and durations in it (JSON summaries carry them too). */
function steady(v: string): string {
  return v.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'T').replace(/"seconds":[-+.\deE]+/g, '"seconds":0');
}

/**
 * One hash of all of it, for comparing many states cheaply (the kill tests).
 * `stable` leaves out what two runs of the same work cannot repeat: the
 * moments (columns `at`, `*_at`, ISO times inside text) and durations
 * (`seconds`), so a state can be compared with one a reference run reached.
 */
export function tablesDigest(path: string, opts: TableReadOptions = {}): string {
  return createHash('sha256').update(JSON.stringify(readAllTables(path, opts), (_k, v) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v))).digest('hex');
}

/** How many rows each table holds (to show a test's project is not trivially empty). */
export function rowCounts(tables: Record<string, unknown[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length]));
}
