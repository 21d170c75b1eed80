import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/open-project.ts';
import type { BrokenRecord, RecordBatch } from './records.ts';
import { appendRow, ROWS_PER_STATEMENT, type RowLayout } from './row-layout.ts';

export interface WriteCounts {
  imported: number;
  quarantined: number;
}

/**
 * Writes one file's records: every good row verbatim into raw_rows and mapped
 * into its entity table (unmapped cells into extra_json), every broken one
 * into quarantine. The caller owns the transaction. Batches a reader thread
 * packed arrive as ready parameter chunks; others are packed here.
 */
export function makeRowWriter(db: Db, layout: RowLayout) {
  const entityRow = `(${['?', '?', ...layout.fields.map(() => '?'), '?'].join(', ')})`;
  const statements = new Map<number, { raw: Statement; entity: Statement }>();
  const statementsFor = (rows: number) => {
    let s = statements.get(rows);
    if (!s) {
      s = {
        raw: db.prepare(`INSERT INTO raw_rows (id, source_id, row_number, line_number, cells_json, raw_text) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`),
        entity: db.prepare(`INSERT INTO ${layout.table} (source_id, raw_row_id, ${layout.fields.map((f) => `${f}, `).join('')}extra_json) VALUES ${Array(rows).fill(entityRow).join(', ')}`),
      };
      statements.set(rows, s);
    }
    return s;
  };
  const insertQuarantine = db.prepare(
    'INSERT INTO quarantine (source_id, row_number, line_number, raw_text, reason, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const counts: WriteCounts = { imported: 0, quarantined: 0 };
  const perRow = { raw: 6, entity: layout.fields.length + 3 };

  const quarantine = (rec: BrokenRecord): void => {
    insertQuarantine.run(layout.sourceId, rec.rowNumber, rec.lineNumber, rec.rawText, rec.reason, rec.detail);
    counts.quarantined++;
  };

  function write(batch: RecordBatch): void {
    if ('packed' in batch) {
      for (let i = 0; i < batch.raw.length; i++) {
        const s = statementsFor(batch.raw[i].length / perRow.raw);
        s.raw.run(batch.raw[i]);
        s.entity.run(batch.entity[i]);
      }
      counts.imported += batch.good;
      batch.broken.forEach(quarantine);
      return;
    }
    let raw: unknown[] = [];
    let entity: unknown[] = [];
    const flush = (): void => {
      if (raw.length === 0) return;
      const s = statementsFor(raw.length / perRow.raw);
      s.raw.run(raw);
      s.entity.run(entity);
      raw = [];
      entity = [];
    };
    for (const rec of batch) {
      if (!rec.ok) {
        quarantine(rec);
        continue;
      }
      appendRow(layout, counts.imported++, rec, raw, entity);
      if (raw.length === ROWS_PER_STATEMENT * perRow.raw) flush();
    }
    flush();
  }
  return { write, counts };
}
