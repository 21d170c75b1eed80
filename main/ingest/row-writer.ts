import { customerFieldKeys, needFields, transactionFields, type Entity, type FieldDef } from '../../shared/domain/fields.ts';
import type { Db } from '../store/open-project.ts';
import type { ParsedRecord } from './records.ts';
import type { Mapping } from './suggest-mapping.ts';

const entityColumns: Record<Entity, { table: string; fields: readonly string[] }> = {
  customer: { table: 'customers', fields: customerFieldKeys },
  transaction: { table: 'transactions', fields: transactionFields.map((f: FieldDef) => f.key) },
  need: { table: 'needs', fields: needFields.map((f: FieldDef) => f.key) },
};

const plainNumber = /^-?\d+(\.\d+)?$/;

/** Numbers that parse without guessing become REAL; anything else stays text for the steward to see. */
function storedValue(value: string, numeric: boolean): string | number | null {
  const v = value.trim();
  if (v === '') return null;
  if (numeric && plainNumber.test(v)) return Number(v);
  return v;
}

export interface WriteCounts {
  imported: number;
  quarantined: number;
}

/**
 * Writes one file's records: every good row verbatim into raw_rows and mapped
 * into its entity table (unmapped cells into extra_json), every broken one
 * into quarantine. Statements are prepared once per file; the caller owns the
 * transaction.
 */
export function makeRowWriter(db: Db, sourceId: number, entity: Entity, headers: string[], mapping: Mapping) {
  const { table } = entityColumns[entity];
  // Only mapped fields are bound: each bound parameter costs time at a million rows.
  const fields = entityColumns[entity].fields.filter((f) => headers.some((h) => mapping[h] === f));
  const columnOf = fields.map((f) => headers.findIndex((h) => mapping[h] === f));
  const numeric = fields.map((f) => f === 'income' || f === 'amount');
  const extraColumns = headers.map((h, i) => (mapping[h] ? -1 : i)).filter((i) => i >= 0);
  const insertRaw = db.prepare('INSERT INTO raw_rows (source_id, row_number, line_number, cells_json) VALUES (?, ?, ?, ?)');
  const insertEntity = db.prepare(
    `INSERT INTO ${table} (source_id, raw_row_id, ${fields.map((f) => `${f}, `).join('')}extra_json) VALUES (?, ?, ${fields.map(() => '?, ').join('')}?)`,
  );
  const insertQuarantine = db.prepare(
    'INSERT INTO quarantine (source_id, row_number, line_number, raw_text, reason, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const counts: WriteCounts = { imported: 0, quarantined: 0 };
  const values: (string | number | null)[] = new Array(fields.length + 3);

  function write(batch: ParsedRecord[]): void {
    for (const rec of batch) {
      if (!rec.ok) {
        insertQuarantine.run(sourceId, rec.rowNumber, rec.lineNumber, rec.rawText, rec.reason, rec.detail);
        counts.quarantined++;
        continue;
      }
      const cells = rec.cells;
      const rawId = insertRaw.run(sourceId, rec.rowNumber, rec.lineNumber, rec.json ?? JSON.stringify(cells)).lastInsertRowid;
      values[0] = sourceId;
      values[1] = rawId as number;
      for (let f = 0; f < fields.length; f++) values[f + 2] = columnOf[f] < 0 ? null : storedValue(cells[columnOf[f]], numeric[f]);
      values[fields.length + 2] = extraJson(headers, extraColumns, cells);
      insertEntity.run(values);
      counts.imported++;
    }
  }
  return { write, counts };
}

function extraJson(headers: string[], columns: number[], cells: string[]): string | null {
  let out: Record<string, string> | null = null;
  for (const c of columns) {
    if (cells[c] === undefined || cells[c].trim() === '') continue;
    (out ??= {})[headers[c]] = cells[c];
  }
  return out ? JSON.stringify(out) : null;
}
