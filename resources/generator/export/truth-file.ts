import { readFileSync } from 'node:fs';
import type { InjectedError, RecordTruth } from '../types.ts';
import type { BrokenKind } from './broken-rows.ts';
import { ChunkedFile } from './chunked-file.ts';
import type { ExportRow } from './rows.ts';

/**
 * The ground truth beside an export, one line per data record:
 * row_number is the 1-based record number (header not counted), line_number
 * the 1-based physical line (or sheet row) where it starts, broken says
 * whether a correct reader must quarantine it, errors are `field:kind;...`
 * for the columns the file has. The columns after `errors` give, per
 * standardisable field, the canonical value behind the cell (`<field>_true`)
 * and whether the cell leads to it (`<field>_recoverable`: 1, 0, or empty
 * for a blank cell); see RecordTruth in types.ts and the generator README.
 */
export const TRUTH_HEADER_V1 = 'row_number,line_number,record_id,entity_id,household_id,role,locale,broken,broken_kind,errors';

export const TRUTH_VALUE_COLUMNS = [
  'email_true', 'email_recoverable',
  'phone_true', 'phone_recoverable',
  'mobile_true', 'mobile_recoverable',
  'country_true', 'country_recoverable',
  'birth_date_true', 'birth_date_recoverable', 'birth_date_format', 'birth_date_ambiguous',
  'gender_true', 'gender_recoverable',
  'income_true', 'income_currency', 'income_recoverable',
] as const;

export const TRUTH_HEADER = `${TRUTH_HEADER_V1},${TRUTH_VALUE_COLUMNS.join(',')}`;

const flag = (b: boolean | null): string => (b === null ? '' : b ? '1' : '0');

/** None of the truth's values may hold a comma, a quote or a line break: readers split lines on commas. */
const UNSAFE = /[",\r\n]/;

export function truthCells(t: RecordTruth): string {
  const out = [
    t.email.value, flag(t.email.recoverable),
    t.phone.value, flag(t.phone.recoverable),
    t.mobile.value, flag(t.mobile.recoverable),
    t.country.value, flag(t.country.recoverable),
    t.birth_date.value, flag(t.birth_date.recoverable), t.birth_date.format, flag(t.birth_date.ambiguous),
    t.gender.value, flag(t.gender.recoverable),
    t.income.value, t.income.currency, flag(t.income.recoverable),
  ].join(',');
  // Emails are the only free text here; the generator builds them from letters, digits, . _ - + only.
  if (UNSAFE.test(t.email.value)) throw new Error(`truth value cannot be written unquoted: ${JSON.stringify(t.email.value)}`);
  return out;
}

export class TruthFile {
  private readonly file: ChunkedFile;

  constructor(readonly path: string) {
    this.file = new ChunkedFile(path, (t) => Buffer.from(t, 'utf8'));
    this.file.write(TRUTH_HEADER + '\n');
  }

  /** Returns a promise only when the caller must wait for the disk (see ChunkedFile.write). */
  add(row: ExportRow, lineNumber: number, broken: BrokenKind | 'not_an_object' | null): Promise<void> | undefined {
    const r = row.record;
    // None of these values can hold a comma or a quote, so no quoting is needed.
    return this.file.write(
      `${row.index + 1},${lineNumber},${row.recordId},${r.entityId},${r.householdId ?? ''},${r.role},${r.locale},${broken ? 1 : 0},${broken ?? ''},${formatErrors(row.errors)},${truthCells(row.truth)}\n`,
    );
  }

  close(): Promise<number> {
    return this.file.close();
  }

  abort(): Promise<void> {
    return this.file.abort();
  }
}

function formatErrors(errors: readonly InjectedError[]): string {
  return errors.length === 0 ? '' : errors.map((e) => `${e.field}:${e.kind}`).join(';');
}

/** One line of a truth file, as read back. */
export interface TruthRecord {
  rowNumber: number;
  lineNumber: number;
  recordId: string;
  entityId: string;
  householdId: string;
  role: string;
  locale: string;
  broken: boolean;
  brokenKind: string;
  errors: InjectedError[];
  /** Absent in truth files written before the value columns existed. */
  truth?: RecordTruth;
}

const readFlag = (s: string): boolean | null => (s === '' ? null : s === '1');

/**
 * Reads a truth file by its header's column names, so files written before
 * the value columns were appended still read (without `truth`).
 */
export function readTruthFile(path: string): TruthRecord[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  const header = lines[0].split(',');
  if (lines[0] !== TRUTH_HEADER && lines[0] !== TRUTH_HEADER_V1) throw new Error(`${path}: not a generator truth file (header ${lines[0]})`);
  const at = (name: string) => header.indexOf(name);
  const hasValues = header.length > 10;
  return lines.slice(1).map((line) => {
    const c = line.split(',');
    const get = (name: string) => c[at(name)] ?? '';
    const cell = (field: string) => ({ value: get(`${field}_true`), recoverable: readFlag(get(`${field}_recoverable`)) });
    return {
      rowNumber: Number(c[0]), lineNumber: Number(c[1]), recordId: c[2], entityId: c[3], householdId: c[4], role: c[5],
      locale: c[6], broken: c[7] === '1', brokenKind: c[8],
      errors: c[9] ? c[9].split(';').map((e) => ({ field: e.split(':')[0], kind: e.split(':')[1] }) as InjectedError) : [],
      truth: hasValues
        ? {
            email: cell('email'), phone: cell('phone'), mobile: cell('mobile'), country: cell('country'), gender: cell('gender'),
            birth_date: { ...cell('birth_date'), format: get('birth_date_format'), ambiguous: readFlag(get('birth_date_ambiguous')) },
            income: { ...cell('income'), currency: get('income_currency') },
          }
        : undefined,
    };
  });
}
