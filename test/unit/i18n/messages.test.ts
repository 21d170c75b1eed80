import { describe, expect, it } from 'vitest';
import { textKeys } from './text-keys.ts';
import { translations } from '../../../renderer/src/i18n/translations.ts';
import { fixRules } from '../../../main/fix/fix-rules.ts';
import { BatchKind } from '../../../shared/channels/fix.ts';
import { allFields } from '../../../shared/domain/fields.ts';
import { allComparisons } from '../../../main/match/comparison-set.ts';
import { blockingRules } from '../../../main/match/blocking-rules.ts';
import { labelKey } from '../../../renderer/src/views/duplicates/match-labels.ts';
import { rules } from '../../../main/quality/rules.ts';

describe('UI text', () => {
  const english = textKeys(translations.en);
  const chinese = textKeys(translations['zh-CN']);

  it('has the same keys in English and Simplified Chinese', () => {
    expect([...english].filter((k) => !chinese.has(k))).toEqual([]);
    expect([...chinese].filter((k) => !english.has(k))).toEqual([]);
  });

  it('names every field of the customer model in both languages', () => {
    for (const f of allFields) {
      expect(english.has(f.label), f.label).toBe(true);
      expect(chinese.has(f.label), f.label).toBe(true);
    }
  });

  it('names every comparison, comparison level and blocking rule of the matching engine in both languages', () => {
    const wanted = [
      ...allComparisons.map((c) => `duplicates.comparison.${c.name}`),
      ...allComparisons.flatMap((c) => c.levels.map((l) => `duplicates.levelName.${labelKey(l)}`)),
      ...blockingRules.map((r) => `duplicates.ruleName.${labelKey(r.name)}`),
    ];
    expect(wanted.filter((k) => !english.has(k))).toEqual([]);
    expect(wanted.filter((k) => !chinese.has(k))).toEqual([]);
  });

  it('names every quality rule in both languages', () => {
    const wanted = Object.keys(rules).map((r) => `quality.ruleName.${r}`);
    expect(wanted.filter((k) => !english.has(k))).toEqual([]);
    expect(wanted.filter((k) => !chinese.has(k))).toEqual([]);
  });

  it('names and explains every fix rule and every kind of history batch in both languages', () => {
    const wanted = [
      ...fixRules.flatMap((r) => [`fixes.rule.${r.id}.name`, `fixes.rule.${r.id}.help`]),
      ...BatchKind.options.map((k) => `history.kind.${k}`),
    ];
    expect(wanted.filter((k) => !english.has(k))).toEqual([]);
    expect(wanted.filter((k) => !chinese.has(k))).toEqual([]);
  });
});
