import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fixes_en } from '../../../renderer/src/i18n/areas/fixes.en.ts';
import { fixes_zhCN } from '../../../renderer/src/i18n/areas/fixes.zh-CN.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.ts';
import { ruleHelp, ruleName, suggestionWhy } from '../../../renderer/src/views/fixes/fix-text.ts';
import { batchSentence } from '../../../renderer/src/views/history/batch-text.ts';

async function translator(lng: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: { ...en, ...fixes_en } }, 'zh-CN': { translation: { ...zhCN, ...fixes_zhCN } } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('words for fixes and the change history', () => {
  it('names rules in the UI language and falls back to the id for a rule it does not know', async () => {
    const zh = await translator('zh-CN');
    expect(ruleName(zh, 'phone_e164')).toBe('电话改为国际格式');
    expect(ruleName(zh, 'brand_new_rule')).toBe('brand_new_rule');
    expect(ruleHelp(await translator('en'), 'brand_new_rule')).toBe('A rule this version does not describe.');
  });

  it('says where a filled value came from and why a flag proposes nothing', async () => {
    const t = await translator('en');
    const filled = { kind: 'change' as const, rule: 'fill_from_duplicate', edited: false, params: { fromCustomer: 12, fromSource: 'hubspot.csv', fromRecord: 'H-7', holders: 2 } };
    expect(suggestionWhy(t, filled)).toBe('From hubspot.csv, record H-7 (customer #12); all 2 records of this customer holding a value agree.');
    expect(suggestionWhy(t, { kind: 'flag', rule: 'date_ambiguous', edited: false, params: { value: '05-03-1996' } })).toContain('“05-03-1996” could be day/month or month/day');
    expect(suggestionWhy(await translator('zh-CN'), { kind: 'flag', rule: 'date_ambiguous', edited: false, params: { value: '05-03-1996' } })).toContain('可能是日/月');
  });

  it('words batches from kind and parameters, an undo or redo from the batch it is about', async () => {
    const en = await translator('en');
    const zh = await translator('zh-CN');
    const fix = { kind: 'fix' as const, params: { rules: 'phone_e164,country_iso', suggestions: 1204 }, target: null, description: 'Applied suggestions (phone_e164, country_iso)' };
    expect(batchSentence(en, 'en', fix)).toBe('Applied 1,204 suggestions: Phone in international form, Country as ISO code');
    const edit = { kind: 'edit' as const, params: { field: 'email', customer: 7, label: 'Anna Schmidt' }, target: null, description: 'Edited email of customer 7' };
    expect(batchSentence(zh, 'zh-CN', edit)).toBe('编辑了Anna Schmidt（#7）的邮箱');
    const redo = { kind: 'redo' as const, target: 9, description: 'Redo: Undo: Edited email of customer 7', params: { targetKind: 'undo', rootId: 8, rootKind: 'edit', root_field: 'email', root_customer: 7, root_label: 'Anna Schmidt' } };
    expect(batchSentence(en, 'en', redo)).toBe('Redo of batch #8: Edited Email of Anna Schmidt (#7)');
    // A project written before reversals carried their root's parameters: the kind is all there is to say.
    const old = { kind: 'undo' as const, target: 3, description: 'Undo: Applied suggestions', params: { targetKind: 'fix', targetDescription: 'Applied suggestions' } };
    expect(batchSentence(en, 'en', old)).toBe('Undo of batch #3: a Fix batch');
  });
});
