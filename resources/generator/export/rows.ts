import type { CustomerFieldKey } from '../../../shared/domain/fields.ts';
import { presetColumns, presetLocales, type PresetName } from '../export-formats.ts';
import { generateCustomers } from '../generate-people.ts';
import { deriveSeed, Rng } from '../prng.ts';
import type { GenerateOptions, GeneratedCustomer, InjectedError } from '../types.ts';
import { extraValue, NOTE_SECOND_LINES, NOTE_SECOND_LINES_ZH } from './extras.ts';
import { recordIdFor } from './record-ids.ts';

/** What every writer (CSV, XLSX, JSON) needs to know about where its rows come from. */
export interface ExportSource {
  preset?: PresetName;
  seed: number;
  /** Rows to generate; ignored when `records` is given. */
  rows?: number;
  /** Ready-made records (make-demo routes one generated population into several files). */
  records?: Iterable<GeneratedCustomer>;
  /** Generator settings; locales default to the preset's typical customers. */
  generate?: Omit<GenerateOptions, 'count' | 'seed'>;
  /** Share of rows with a line break inside a value (a multi-line note or street). */
  quotedNewlineRate?: number;
  /** '\r\n' lets a multi-line value use Windows breaks inside, as Excel-edited exports do. */
  lineEnding?: '\n' | '\r\n';
}

export interface ExportRow {
  /** 0-based position among data records. */
  index: number;
  record: GeneratedCustomer;
  recordId: string;
  cells: string[];
  /** The record's errors on columns this preset actually exports. */
  errors: InjectedError[];
  /** A value holds a line break (only addLineBreak puts one there). */
  multiline: boolean;
}

/**
 * Turns customer records into one preset's cells. The preset-style record id
 * replaces the generator's placeholder id in `values.source_record_id`.
 */
export function* exportRows(src: ExportSource): Generator<ExportRow> {
  const preset = src.preset ?? 'generic';
  const columns = presetColumns[preset];
  const exported = new Set(columns.map((c) => c.field).filter((f): f is CustomerFieldKey => f !== undefined));
  const notesAt = columns.findIndex((c) => c.extra === 'notes');
  const streetAt = columns.findIndex((c) => c.field === 'street');
  const rng = new Rng(deriveSeed(src.seed, `rows:${preset}`));
  const newlineRate = src.quotedNewlineRate ?? 0;
  const records = src.records ?? generateCustomers({
    ...src.generate, count: src.rows ?? 0, seed: src.seed,
    localeWeights: src.generate?.localeWeights ?? (src.generate?.locales ? undefined : presetLocales[preset]),
  });
  let index = 0;
  for (const record of records) {
    // Only the Chinese ERP's ids carry the creation year.
    const year = preset === 'chinese_erp' ? Number(/(?:19|20)\d\d/.exec(record.values.created_at)?.[0] ?? 2024) : 0;
    const recordId = recordIdFor(preset, index, src.seed, year);
    record.values.source_record_id = recordId;
    const cells = columns.map((c) => (c.field ? record.values[c.field] : extraValue(rng, c.extra!, preset)));
    const errors = record.errors.length === 0 ? record.errors : record.errors.filter((e) => exported.has(e.field));
    const multiline = newlineRate > 0 && rng.chance(newlineRate) && addLineBreak(rng, cells, notesAt, streetAt, errors, preset, src.lineEnding ?? '\n');
    yield { index: index++, record, recordId, cells, errors, multiline };
  }
}

/** Puts a line break into the notes, or into the street when the preset has no notes column. */
function addLineBreak(rng: Rng, cells: string[], notesAt: number, streetAt: number, errors: InjectedError[], preset: PresetName, eol: string): boolean {
  const br = eol === '\r\n' && rng.chance(0.3) ? '\r\n' : '\n';
  const chinese = preset === 'chinese_erp';
  if (notesAt >= 0) {
    const first = cells[notesAt] || (chinese ? '已联系' : 'Called');
    cells[notesAt] = first + br + rng.pick(chinese ? NOTE_SECOND_LINES_ZH : NOTE_SECOND_LINES);
    return true;
  } else if (streetAt >= 0 && cells[streetAt] && !errors.some((e) => e.field === 'street')) {
    // Address line 2 on its own line, as CRMs store multi-line streets.
    const street = cells[streetAt];
    cells[streetAt] = street.includes(', ') ? street.replace(', ', br) : street + br + (chinese ? '收发室' : 'Building B');
    return true;
  }
  return false;
}

