import { expectedFields, type LikelyColumns } from '../../shared/domain/expected-fields.ts';
import type { TargetField } from '../../shared/domain/fields.ts';
import { fieldsByWords, namesADate } from './header-rules.ts';
import { headerKey, synonymIndex } from './synonyms.ts';

/** A header that names an id: "Kunden-Nr", "Account Number", "客户编号", "Contact ID". */
export function namesAnId(header: string): boolean {
  return /(^|[^a-z])(id|no|nr|number|code|key)$|编号|代码/.test(headerKey(header)) || fieldsByWords(header).some((m) => m.field === 'source_record_id');
}

/** Every sampled value of column `c` present and different from the others: what an id column holds. */
export function distinctValues(sample: string[][], c: number): boolean {
  const values = sample.map((r) => (r[c] ?? '').trim());
  return values.length > 0 && values.every((v) => v !== '') && new Set(values).size === values.length;
}

/** The fields a header's name points at: its exact synonym and its words. */
function namedFields(header: string): TargetField[] {
  const exact = synonymIndex.get(headerKey(header));
  return [...(exact ? [exact] : []), ...fieldsByWords(header).map((m) => m.field)];
}

const emailLike = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const dateLike = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;
function phoneLike(v: string): boolean {
  if (!/^[+(]?[\d\s().\-/]+$/.test(v) || dateLike.test(v)) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** Most sampled values (and at least three) pass the test. */
function valuesLook(sample: string[][], c: number, test: (v: string) => boolean): boolean {
  const values = sample.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
  return values.length >= 3 && values.filter(test).length >= 0.8 * values.length;
}

const dateFields: TargetField[] = ['created_at', 'birth_date', 'txn_date', 'need_date'];

/**
 * Columns that look like each expected field: named like it (exactly or by
 * its words), or, for a column whose name says nothing, holding values like
 * it (emails, phone numbers); a column named as some other date or time may
 * be the last update.
 */
export function likelyColumns(headers: string[], sample: string[][]): LikelyColumns[] {
  const named = headers.map(namedFields);
  const evidence = (field: TargetField, c: number): boolean => {
    const fields = named[c];
    switch (field) {
      case 'source_record_id':
        return fields.includes('source_record_id') || namesAnId(headers[c]);
      case 'full_name':
        return fields.some((f) => f === 'full_name' || f === 'given_name' || f === 'family_name');
      case 'email':
        return fields.includes('email') || (fields.length === 0 && valuesLook(sample, c, (v) => emailLike.test(v)));
      case 'phone':
        return fields.some((f) => f === 'phone' || f === 'mobile') || (fields.length === 0 && !namesAnId(headers[c]) && !namesADate(headers[c]) && valuesLook(sample, c, phoneLike));
      case 'updated_at':
        return fields.includes('updated_at') || (namesADate(headers[c]) && !fields.some((f) => dateFields.includes(f)));
      default:
        return false;
    }
  };
  return expectedFields
    .map(({ field }) => ({ field, headers: headers.filter((_, c) => evidence(field, c)) }))
    .filter((l) => l.headers.length > 0);
}
