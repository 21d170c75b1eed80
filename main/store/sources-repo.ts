import type { Db } from './open-project.ts';

export interface SourceSummary {
  id: number;
  fileName: string;
  filePath: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  entity: string;
  preset: string | null;
  idColumn: string | null;
  headers: string[];
  mapping: Record<string, string | null>;
  rows: number;
  imported: number;
  quarantined: number;
  importedAt: string;
  /** When it was withdrawn (withdraw-source.ts); null while it is in the project. */
  withdrawnAt: string | null;
  /** For a transactions or needs file: the customers source its ids belong to, when the steward picked one. */
  linkSourceId: number | null;
}

interface SourceRow {
  id: number;
  file_name: string;
  file_path: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  entity: string;
  preset: string | null;
  id_column: string | null;
  headers_json: string;
  mapping_json: string;
  rows: number;
  imported: number;
  quarantined: number;
  imported_at: string;
  withdrawn_at: string | null;
  link_source_id: number | null;
}

function toSummary(r: SourceRow): SourceSummary {
  return {
    id: r.id,
    fileName: r.file_name,
    filePath: r.file_path,
    format: r.format,
    encoding: r.encoding,
    delimiter: r.delimiter,
    entity: r.entity,
    preset: r.preset,
    idColumn: r.id_column,
    headers: JSON.parse(r.headers_json) as string[],
    mapping: JSON.parse(r.mapping_json) as Record<string, string | null>,
    rows: r.rows,
    imported: r.imported,
    quarantined: r.quarantined,
    importedAt: r.imported_at,
    withdrawnAt: r.withdrawn_at,
    linkSourceId: r.link_source_id,
  };
}

const withWithdrawal = 'SELECT s.*, w.withdrawn_at FROM sources s LEFT JOIN withdrawn_sources w ON w.source_id = s.id';

export function listSources(db: Db): SourceSummary[] {
  return (db.prepare(`${withWithdrawal} ORDER BY s.id`).all() as SourceRow[]).map(toSummary);
}

export function getSource(db: Db, id: number): SourceSummary | null {
  const row = db.prepare(`${withWithdrawal} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  return row ? toSummary(row) : null;
}

/**
 * The latest source with these bytes. A workbook gives one source per sheet
 * ("book.xlsx › Orders"), so for a sheet only a source of that sheet, or of
 * the whole single-sheet workbook, counts as the same import.
 */
export function findSourceByHash(db: Db, hash: string, sheet: string | null = null): SourceSummary | null {
  const rows = db.prepare(`${withWithdrawal} WHERE s.content_hash = ? ORDER BY s.id DESC`).all(hash) as SourceRow[];
  const same = rows.find((r) => sheet === null || !r.file_name.includes(' › ') || r.file_name.endsWith(` › ${sheet}`));
  return same ? toSummary(same) : null;
}
