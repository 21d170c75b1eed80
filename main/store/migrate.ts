import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors.ts';

/** Where the numbered .sql migrations live; bundlers may pass their own folder. */
export const defaultMigrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

interface Migration {
  version: number;
  name: string;
  sql: string;
  hash: string;
}

export function readMigrations(dir = defaultMigrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-.*\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(`${dir}/${name}`, 'utf8');
      return { version: Number.parseInt(name, 10), name, sql, hash: sha256(sql) };
    });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Applies every migration not yet recorded, each in its own transaction.
 * An applied migration whose file has since changed fails loudly: a project
 * file must never silently drift from the schema the code expects.
 */
export function migrate(db: Database.Database, dir = defaultMigrationsDir): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Map(
    (db.prepare('SELECT version, name, hash FROM schema_migrations').all() as { version: number; name: string; hash: string }[])
      .map((r) => [r.version, r]),
  );
  let count = 0;
  for (const m of readMigrations(dir)) {
    const done = applied.get(m.version);
    if (done) {
      if (done.hash !== m.hash) {
        throw new AppError('project_unreadable', `Migration ${m.name} was changed after it was applied to this project (recorded hash ${done.hash.slice(0, 12)}, file hash ${m.hash.slice(0, 12)}).`);
      }
      continue;
    }
    withForeignKeysFor(db, m.sql, () => db.transaction(() => {
      db.exec(m.sql);
      if (rebuildsTables(m.sql)) assertForeignKeys(db, m.name);
      db.prepare('INSERT INTO schema_migrations (version, name, hash, applied_at) VALUES (?, ?, ?, ?)')
        .run(m.version, m.name, m.hash, new Date().toISOString());
    })());
    count++;
  }
  const newest = Math.max(0, ...readMigrations(dir).map((m) => m.version));
  const recorded = (db.prepare('SELECT MAX(version) v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  if (recorded > newest) {
    throw new AppError('project_unreadable', `This project was written by a newer CRM Steward (schema ${recorded}, this version knows ${newest}). Update the app to open it.`);
  }
  return count;
}

/**
 * A migration that rebuilds a table (SQLite cannot change a CHECK constraint
 * in place) says so on a line of its own: `-- migrate: foreign_keys off`.
 * SQLite's documented procedure for that (create the new table, copy, drop
 * the old one, rename) needs foreign keys off, and the pragma cannot change
 * inside a transaction, so it is set around it; the keys are checked before
 * the transaction commits, so a rebuild that broke a reference fails loudly.
 */
function rebuildsTables(sql: string): boolean {
  return /^-- migrate: foreign_keys off$/m.test(sql);
}

function withForeignKeysFor(db: Database.Database, sql: string, run: () => void): void {
  const on = db.pragma('foreign_keys', { simple: true }) as number;
  if (!rebuildsTables(sql) || !on) return run();
  db.pragma('foreign_keys = OFF');
  try {
    run();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function assertForeignKeys(db: Database.Database, name: string): void {
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new AppError('project_unreadable', `Migration ${name} left ${broken.length} broken references; nothing was changed.`);
}
