import type { TFunction } from 'i18next';
import type { SuggestionRow } from '../../../../shared/channels/fix.ts';
import { verificationField } from '../../../../shared/domain/verification.ts';

/**
 * Words for the fixes engine's codes in the UI language: a rule's name and
 * one-line explanation (a rule this version does not know shows its id), and
 * why one suggestion proposes what it does.
 */
export function ruleName(t: TFunction, rule: string): string {
  return t(`fixes.rule.${rule}.name`, { defaultValue: rule });
}

export function ruleHelp(t: TFunction, rule: string): string {
  return t(`fixes.rule.${rule}.help`, { defaultValue: t('fixes.unknownRuleHelp') });
}

export function fieldName(t: TFunction, field: string): string {
  // A change to a record's verification (the change log's 'verified') is not a customer field.
  if (field === verificationField) return t('history.verification.field');
  return t(`field.${field}`, { defaultValue: field });
}

/** The explanation column: where a filled value came from, why a flag proposes nothing, or what the rule does. */
export function suggestionWhy(t: TFunction, row: Pick<SuggestionRow, 'kind' | 'rule' | 'params' | 'edited'>): string {
  const p = row.params;
  if (row.kind === 'flag') {
    return t(`fixes.why.flag.${row.rule}`, { value: p.value ?? '', defaultValue: t('fixes.why.flag.other') });
  }
  const own = row.edited ? t('fixes.why.edited') : '';
  if (p.fromSource !== undefined) {
    const vars = { source: p.fromSource, record: p.fromRecord || '—', customer: p.fromCustomer };
    const text = typeof p.holders === 'number' ? t('fixes.why.filledAgree', { ...vars, count: p.holders }) : t('fixes.why.filled', vars);
    return own + text;
  }
  return own + ruleHelp(t, row.rule);
}
