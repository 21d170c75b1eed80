/**
 * Every customer's values through the standardisers, page by page, as the
 * suggestions to store. Pure reading: the same function runs on the job's
 * thread for small projects and in a second thread for large ones
 * (standardise-worker.ts), while the first thread writes.
 */
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import { editableFields, type CellValue } from '../store/change-writer.ts';
import type { Db } from '../store/open-project.ts';
import type { NewSuggestion } from '../store/suggestions-repo.ts';
import { standardiseRecord } from '../standardize/standardise-record.ts';
import type { FieldOutcome } from '../standardize/standardiser.ts';
import { recordCountry, type SourceContext } from './source-context.ts';

const PAGE = 5000;

/** One page of customers' suggestions, and how many customers it covered. */
export interface SuggestionPage {
  suggestions: NewSuggestion[];
  customers: number;
}

export function* standardiseCustomers(db: Db, contexts: Map<number, SourceContext>, now: Date): Generator<SuggestionPage> {
  const page = db.prepare(`SELECT id, source_id, ${editableFields.join(', ')} FROM customers WHERE id > ? ORDER BY id LIMIT ?`).raw();
  const countryAt = editableFields.indexOf('country') + 2;
  let after = 0;
  for (;;) {
    const rows = page.all(after, PAGE) as CellValue[][];
    if (rows.length === 0) return;
    const suggestions: NewSuggestion[] = [];
    for (const row of rows) {
      const id = row[0] as number;
      const sourceId = row[1] as number;
      const source = contexts.get(sourceId);
      const values: Partial<Record<CustomerFieldKey, CellValue>> = {};
      for (let i = 0; i < editableFields.length; i++) values[editableFields[i]] = row[i + 2];
      const outcomes = standardiseRecord(values, { recordCountry: recordCountry(row[countryAt]), sourceCountry: source?.country, dateOrders: source?.dateOrders ?? {}, now });
      for (const o of outcomes) {
        suggestions.push(toSuggestion(id, sourceId, values[o.field] ?? null, o));
        // An amount that named its currency ("$85,000") also proposes the currency, when the record has none.
        if (o.outcome.kind === 'change' && o.outcome.params?.currency !== undefined && !values.income_currency) {
          suggestions.push({
            customerId: id, sourceId, field: 'income_currency', kind: 'change', rule: o.outcome.rule,
            before: values.income_currency ?? null, after: o.outcome.params.currency, confidence: o.outcome.confidence, params: null,
          });
        }
      }
    }
    after = rows[rows.length - 1][0] as number;
    yield { suggestions, customers: rows.length };
  }
}

export function toSuggestion(customerId: number, sourceId: number, before: CellValue, o: FieldOutcome): NewSuggestion {
  const { outcome } = o;
  if (outcome.kind === 'flag') {
    return { customerId, sourceId, field: o.field, kind: 'flag', rule: outcome.rule, before, after: null, confidence: 0, params: JSON.stringify(outcome.params) };
  }
  const params = { ...outcome.params, ...(outcome.also?.length ? { also: outcome.also.join(',') } : {}), ...(o.group ? { group: o.group } : {}) };
  return {
    customerId, sourceId, field: o.field, kind: 'change', rule: outcome.rule, before, after: outcome.value, confidence: outcome.confidence,
    params: Object.keys(params).length ? JSON.stringify(params) : null,
  };
}
