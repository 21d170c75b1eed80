/** A real project file in a temp dir, opened (and migrated) by the store's openProject as the app opens it. */
import type Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject } from '../../../main/store/open-project.ts';

export interface TestDb {
  db: Database.Database;
  path: string;
  cleanup: () => void;
}

export function openTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'crm-quality-'));
  const path = join(dir, 'project.crm');
  const db = openProject(path, { create: true });
  return {
    db,
    path,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type CustomerInput = Partial<Record<string, string | number | null>>;

/** Adds a customer source with its raw rows and customers; returns the customers' ids in order. */
export function addSource(db: Database.Database, fileName: string, fields: string[], customers: CustomerInput[], idColumn: string | null = 'id'): { sourceId: number; ids: number[] } {
  const mapping = Object.fromEntries(fields.map((f) => [f, f]));
  const src = db
    .prepare(
      `INSERT INTO sources (file_name, file_path, content_hash, byte_size, format, entity, headers_json, mapping_json, id_column, rows, imported, quarantined, imported_at)
       VALUES (?, ?, ?, 0, 'csv', 'customer', ?, ?, ?, ?, ?, 0, '2025-01-01T00:00:00Z')`,
    )
    .run(fileName, `/tmp/${fileName}`, `hash-${fileName}-${Math.random()}`, JSON.stringify(fields), JSON.stringify(mapping), idColumn, customers.length, customers.length);
  const sourceId = Number(src.lastInsertRowid);
  const raw = db.prepare('INSERT INTO raw_rows (source_id, row_number, line_number, cells_json) VALUES (?, ?, ?, ?)');
  const ids: number[] = [];
  // The records' table; a project from before migration 009 (a legacy test) has it under its old name.
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'customer_records'").get() ? 'customer_records' : 'customers';
  customers.forEach((c, i) => {
    const rawId = Number(raw.run(sourceId, i + 1, i + 2, JSON.stringify(c)).lastInsertRowid);
    const cols = Object.keys(c);
    const info = db
      .prepare(`INSERT INTO ${table} (source_id, raw_row_id${cols.map((k) => `, ${k}`).join('')}) VALUES (?, ?${cols.map(() => ', ?').join('')})`)
      .run(sourceId, rawId, ...cols.map((k) => c[k] ?? null));
    ids.push(Number(info.lastInsertRowid));
  });
  return { sourceId, ids };
}
