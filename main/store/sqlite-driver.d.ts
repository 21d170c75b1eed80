/**
 * Types of better-sqlite3-multiple-ciphers, the SQLite build every project
 * connection uses. Its package ships an index.d.ts that its "exports" map
 * does not name, so TypeScript (resolving through "exports") cannot find it.
 * Its API is better-sqlite3's plus key() and rekey(), so better-sqlite3's
 * types are reused with those two added.
 */
declare module 'better-sqlite3-multiple-ciphers' {
  import Base = require('better-sqlite3');

  namespace Database {
    /** A connection; key() gives it an encryption key before its first read (SQLite3 Multiple Ciphers' sqlite3_key). */
    type Database = Base.Database & { key(key: Buffer): number; rekey(key: Buffer): number };
    type Options = Base.Options;
    type Statement<BindParameters extends unknown[] | {} = unknown[], Result = unknown> = Base.Statement<BindParameters, Result>;
    type SqliteError = Base.SqliteError;
  }

  interface DatabaseConstructor {
    new (filename?: string | Buffer, options?: Base.Options): Database.Database;
    (filename?: string, options?: Base.Options): Database.Database;
  }

  const Database: DatabaseConstructor;
  export = Database;
}
