import type { CustomerFieldKey } from '../../../shared/domain/fields.ts';
import { presetColumns, presetLocales, type PresetName } from '../export-formats.ts';
import { generateCustomers } from '../generate-people.ts';
import { deriveSeed, Rng } from '../prng.ts';
import { LOCALES } from '../locales/index.ts';
import { TRUTH_FIELDS, type CellTruth, type GenerateOptions, type GeneratedCustomer, type InjectedError, type RecordTruth, type TruthField } from '../types.ts';
import { extraValue, NOTE_SECOND_LINES, NOTE_SECOND_LINES_ZH } from './extras.ts';
import { recordIdFor } from './record-ids.ts';
import { excelPhone, type SpreadsheetCells } from './spreadsheet.ts';

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
  /**
   * Share of rows whose phone cells went through Excel (the file opened and saved in Excel, or rows
   * pasted in from a spreadsheet): digits-only numbers lose their + and leading zeros, and in CSV
   * longer ones become scientific notation (4.91511E+12). Default 0.
   */
  spreadsheetRate?: number;
  /** Set by the XLSX writer: Excel keeps such numbers whole in a workbook, as number cells. */
  spreadsheetCells?: SpreadsheetCells;
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
  /** The truth of the cells this file has (fields the preset does not export are blank). */
  truth: RecordTruth;
  /** Cells Excel holds as numbers (an .xlsx writer writes them as number cells). */
  numberCells?: number[];
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
  // Own streams, drawn only when used, so files without spreadsheet damage or foreign ERP customers stay as they were.
  const sheetRng = new Rng(deriveSeed(src.seed, `spreadsheet:${preset}`));
  const countryRng = new Rng(deriveSeed(src.seed, `country-names:${preset}`));
  const spreadsheetRate = src.spreadsheetRate ?? 0;
  const phoneColumns = columns.flatMap((c, i) => (c.field === 'phone' || c.field === 'mobile' ? [{ i, field: c.field }] : []));
  const countryAt = columns.findIndex((c) => c.field === 'country');
  const truthFields = TRUTH_FIELDS.filter((f) => exported.has(f));
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
    const truth = exportedTruth(record.truth, truthFields);
    // A Chinese ERP's staff type a foreign customer's country in Chinese (德国, 美国).
    if (preset === 'chinese_erp' && countryAt >= 0 && record.locale !== 'zh-CN' && truth.country.recoverable && countryRng.chance(0.6)) {
      cells[countryAt] = CHINESE_COUNTRY_NAMES[truth.country.value] ?? cells[countryAt];
    }
    let numberCells: number[] | undefined;
    if (spreadsheetRate > 0 && sheetRng.chance(spreadsheetRate)) {
      const country = LOCALES[record.locale].countryCode;
      for (const { i, field } of phoneColumns) {
        const after = excelPhone(cells[i], src.spreadsheetCells ?? 'text', country, truth[field]);
        if (!after) continue;
        cells[i] = after.text;
        truth[field] = after.truth;
        if (src.spreadsheetCells === 'number') (numberCells ??= []).push(i);
      }
    }
    yield { index: index++, record, recordId, cells, errors, multiline, truth, numberCells };
  }
}

const CHINESE_COUNTRY_NAMES: Readonly<Record<string, string>> = { US: '美国', GB: '英国', DE: '德国', FR: '法国', ES: '西班牙', IT: '意大利', NL: '荷兰' };

const NO_CELL: CellTruth = { value: '', recoverable: null };

/** The record's truth for the fields a file exports; the others have no cell, so no value. A fresh object: writers may change it. */
function exportedTruth(t: RecordTruth, fields: readonly TruthField[]): RecordTruth {
  const has = (f: TruthField) => fields.includes(f);
  return {
    email: has('email') ? t.email : NO_CELL,
    phone: has('phone') ? t.phone : NO_CELL,
    mobile: has('mobile') ? t.mobile : NO_CELL,
    country: has('country') ? t.country : NO_CELL,
    birth_date: has('birth_date') ? t.birth_date : { ...NO_CELL, format: '', ambiguous: null },
    gender: has('gender') ? t.gender : NO_CELL,
    income: has('income') ? t.income : { ...NO_CELL, currency: '' },
  };
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

