/**
 * What the grid and the detail panel say while a steward types a value: the
 * same verdict the quality dashboard would give it (quality's judgeValue, in
 * the record's country) and the canonical form the standardisers would
 * propose. The service composes the two engines; neither knows the other.
 */
import type { ValueCheck } from '../../shared/channels/fix.ts';
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import { standardiseValue } from '../standardize/standardise-record.ts';
import { recordCountry, type SourceContext } from '../fix/source-context.ts';
import { getQualitySettings } from '../quality/settings.ts';
import { judgeValue } from '../quality/verdicts.ts';
import { dateOrderFor } from '../standardize/date.ts';
import type { Db } from '../store/open-project.ts';

export function checkValue(db: Db, contexts: Map<number, SourceContext>, customerId: number, field: CustomerFieldKey, value: string): ValueCheck {
  const text = value.trim();
  if (text === '') return { valid: true, problem: null, suggestion: null };
  const row = db.prepare('SELECT source_id, country FROM customers WHERE id = ?').get(customerId) as { source_id: number; country: unknown } | undefined;
  const own = recordCountry(field === 'country' ? text : row?.country);
  const country = own ?? getQualitySettings(db).defaultCountry ?? undefined;
  const verdict = judgeValue(field, text, value, { now: new Date(), recordCountry: own, country, order: dateOrderFor(country), projectCountries: [] });
  const finding = verdict.findings.find((f) => f.rule !== 'placeholder') ?? verdict.findings[0];
  const source = row ? contexts.get(row.source_id) : undefined;
  const dateOrder = field === 'birth_date' || field === 'created_at' || field === 'updated_at' ? source?.dateOrders[field] : undefined;
  const proposal = standardiseValue(field, value, { recordCountry: own, sourceCountry: source?.country, dateOrder, now: new Date() });
  return {
    valid: !finding || finding.rule === 'placeholder' ? !verdict.placeholder : false,
    problem: finding ? { rule: finding.rule, message: finding.message } : null,
    suggestion: proposal?.kind === 'change' ? proposal.value : null,
  };
}
