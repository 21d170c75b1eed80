import { customerFieldKeys, needFields, transactionFields, type Entity, type FieldDef } from '../../shared/domain/fields.ts';
import type { BrokenRecord, ParsedRecord, PackedRows } from './records.ts';
import { fieldOf, headerKeyed, type Mapping } from '../../shared/domain/mapping.ts';

/**
 * Rows per INSERT statement: at a million rows the per-statement cost of the
 * SQLite binding is a measurable share of an import; 32 rows amortise it and
 * stay far below SQLite's limit on bound parameters.
 */
export const ROWS_PER_STATEMENT = 32;

const entityFields: Record<Entity, { table: string; fields: readonly string[] }> = {
  customer: { table: 'customer_records', fields: customerFieldKeys },
  transaction: { table: 'transactions', fields: transactionFields.map((f: FieldDef) => f.key) },
  need: { table: 'needs', fields: needFields.map((f: FieldDef) => f.key) },
};

/**
 * Where each stored field comes from in a file's cells. Plain data, so the
 * reader thread can apply it too and hand the writer rows ready to bind.
 */
export interface RowLayout {
  table: string;
  /** Only mapped fields: each bound parameter costs time at a million rows. */
  fields: string[];
  columnOf: number[];
  numeric: boolean[];
  extraColumns: number[];
  headers: string[];
  sourceId: number;
  /**
   * Raw row ids are assigned, not left to SQLite: the n-th good row of the file
   * gets firstRawId + n, so the reader thread and the writer agree on them. The
   * import's write transaction guarantees nobody else inserts meanwhile.
   */
  firstRawId: number;
}

export function rowLayout(entity: Entity, headers: string[], mapping: Mapping, sourceId: number, firstRawId: number): RowLayout {
  const { table } = entityFields[entity];
  const fields = entityFields[entity].fields.filter((f) => headers.some((h) => fieldOf(mapping, h) === f));
  return {
    table,
    fields,
    columnOf: fields.map((f) => headers.findIndex((h) => fieldOf(mapping, h) === f)),
    numeric: fields.map((f) => f === 'income' || f === 'amount'),
    extraColumns: headers.map((h, i) => (fieldOf(mapping, h) ? -1 : i)).filter((i) => i >= 0),
    headers,
    sourceId,
    firstRawId,
  };
}

const plainNumber = /^-?\d+(\.\d+)?$/;

/**
 * Working values carry no NUL: SQLite's text functions stop at one, so a
 * value with a NUL in it is cut short in search, sorting and validation.
 * (NUL-padded fields come from fixed-width ERP exports and mis-decoded
 * UTF-16.) The raw row keeps them: it is stored as the file had it.
 */
export function withoutNul(value: string): string {
  return value.indexOf('\u0000') === -1 ? value : value.replaceAll('\u0000', '');
}

/** Numbers that parse without guessing become REAL; anything else stays text for the steward to see. */
function storedValue(value: string, numeric: boolean): string | number | null {
  const v = withoutNul(value).trim();
  if (v === '') return null;
  if (numeric && plainNumber.test(v)) return Number(v);
  return v;
}

/**
 * Appends the parameters of one raw_rows row and one entity row for the n-th
 * good row of the file straight into statement parameter arrays: this runs a
 * million times, so it allocates nothing per row beyond the values themselves.
 */
export function appendRow(layout: RowLayout, goodIndex: number, rec: { rowNumber: number; lineNumber: number; cells: string[]; json?: string; text?: string }, raw: unknown[], entity: unknown[]): void {
  const id = layout.firstRawId + goodIndex;
  const text = rec.text ?? null;
  raw.push(id, layout.sourceId, rec.rowNumber, rec.lineNumber, text === null ? (rec.json ?? JSON.stringify(rec.cells)) : null, text);
  entity.push(layout.sourceId, id);
  const cells = rec.cells;
  for (let f = 0; f < layout.fields.length; f++) entity.push(storedValue(cells[layout.columnOf[f]], layout.numeric[f]));
  let extra: Record<string, string> | null = null;
  for (const c of layout.extraColumns) {
    const value = cells[c] === undefined ? '' : withoutNul(cells[c]);
    if (value.trim() === '') continue;
    (extra ??= headerKeyed<string>())[layout.headers[c]] = value;
  }
  entity.push(extra ? JSON.stringify(extra) : null);
}

/** Packs a batch into statement-sized parameter chunks; `goodBefore` good rows of the file came earlier. */
export function packRows(layout: RowLayout, records: ParsedRecord[], goodBefore: number): PackedRows {
  const raw: unknown[][] = [];
  const entity: unknown[][] = [];
  const broken: BrokenRecord[] = [];
  let good = 0;
  for (const rec of records) {
    if (!rec.ok) {
      broken.push(rec);
      continue;
    }
    if (good % ROWS_PER_STATEMENT === 0) (raw.push([]), entity.push([]));
    appendRow(layout, goodBefore + good, rec, raw[raw.length - 1], entity[entity.length - 1]);
    good++;
  }
  return { packed: true, good, raw, entity, broken };
}
