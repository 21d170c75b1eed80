import type { TFunction } from 'i18next';

/**
 * Comparison levels and blocking rules arrive as the engine's English names
 * (they are also what the CLI and the stored model say). The UI shows them
 * through translation keys made from the name; an unknown name shows as is.
 */
export const labelKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

export function levelLabel(t: TFunction, level: string): string {
  return t(`duplicates.levelName.${labelKey(level)}`, { defaultValue: level });
}

export function blockingRuleLabel(t: TFunction, rule: string): string {
  return t(`duplicates.ruleName.${labelKey(rule)}`, { defaultValue: rule });
}
