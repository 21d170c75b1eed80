/**
 * Accuracy against a reference: a verified reference file the user imported,
 * or values a steward marked verified. Each compared cell is one case of the
 * source documents' (TP + TN) / (TP + TN + FP + FN), reading a recorded value
 * as a claim about the customer:
 *   TP  the record has a value and it matches the reference
 *   TN  the record is empty and the reference says there is no value
 *   FP  the record has a value the reference contradicts (different, or none)
 *   FN  the record is empty but the reference has a value
 * Only FP and FN are stored as issues; TP and TN are the rest of the compared cells.
 */
import type { RuleId } from './rules.ts';
import type { IssueMessage } from '../../shared/domain/issue-message.ts';
import { detectPlaceholder } from '../standardize/placeholder.ts';
import { checkPhone } from '../standardize/phone.ts';
import { resolveCountry } from '../standardize/country.ts';
import { parseDate } from '../standardize/date.ts';
import { parseIncome } from '../standardize/income.ts';
import { recogniseGender } from '../standardize/gender.ts';

export interface ReferenceValue {
  field: string;
  /** null: verified as having no value. */
  value: string | null;
}

/** A recorded value counts as empty when blank or a placeholder ("n/a", "000-000-0000", "John Doe"…). */
export function isEmpty(field: string, v: string | number | null | undefined): boolean {
  if (v === null || v === undefined) return true;
  const s = String(v).trim();
  return s === '' || (typeof v === 'string' && detectPlaceholder(s, field) !== undefined);
}

function plain(v: string): string {
  return v.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Whether two non-empty values say the same thing, reading each the way its field is read. */
export function sameValue(field: string, a: string | number, b: string | number, country?: string): boolean {
  const sa = String(a);
  const sb = String(b);
  switch (field) {
    case 'phone':
    case 'mobile': {
      const pa = checkPhone(sa, country);
      const pb = checkPhone(sb, country);
      if (pa.status === 'valid' && pb.status === 'valid') return pa.e164 === pb.e164;
      return sa.replace(/\D/g, '') === sb.replace(/\D/g, '');
    }
    case 'country':
      return (resolveCountry(sa) ?? plain(sa)) === (resolveCountry(sb) ?? plain(sb));
    case 'birth_date':
    case 'created_at':
    case 'updated_at': {
      const da = parseDate(sa);
      const db = parseDate(sb);
      return da && db ? da.time === db.time : plain(sa) === plain(sb);
    }
    case 'income': {
      const ia = parseIncome(a);
      const ib = parseIncome(b);
      return ia && ib ? Math.abs(ia.value - ib.value) < 0.5 : plain(sa) === plain(sb);
    }
    case 'gender':
      return (recogniseGender(sa) ?? plain(sa)) === (recogniseGender(sb) ?? plain(sb));
    default:
      return plain(sa) === plain(sb);
  }
}

export type Outcome = 'tp' | 'tn' | 'fp' | 'fn';

export function classify(field: string, recorded: string | number | null | undefined, reference: string | null, country?: string): Outcome {
  const recEmpty = isEmpty(field, recorded);
  // The reference is verified data: only a real blank means "no value" (SQL counts it the same way).
  const refEmpty = reference === null || reference.trim() === '';
  if (recEmpty) return refEmpty ? 'tn' : 'fn';
  if (refEmpty) return 'fp';
  return sameValue(field, recorded as string | number, reference as string, country) ? 'tp' : 'fp';
}

export function compareWithReference(
  row: Record<string, string | number | null>,
  ref: ReferenceValue,
  /** The record's country (or the project default), to read national phone numbers. */
  country: string | undefined,
  emit: (field: string, rule: RuleId, message: IssueMessage) => void,
): Outcome {
  const recorded = row[ref.field];
  const outcome = classify(ref.field, recorded, ref.value, country);
  if (outcome === 'fn') emit(ref.field, 'reference_missing', { code: 'referenceMissing', params: { reference: String(ref.value) } });
  else if (outcome === 'fp' && (ref.value === null || ref.value.trim() === '')) emit(ref.field, 'reference_unexpected', { code: 'recordedWithoutReference', params: { value: String(recorded) } });
  else if (outcome === 'fp') emit(ref.field, 'reference_mismatch', { code: 'differsFromReference', params: { value: String(recorded), reference: String(ref.value) } });
  return outcome;
}
