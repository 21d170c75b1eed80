/**
 * The client report's dictionary per language: its own words, the quality
 * area's (dimension and field names), the fix rules' and the RFM presets' names, read by the
 * HTML report with makeTranslate and by the renderer through i18next.
 */
import { clientReport_en } from './client-report.en.ts';
import { clientReport_zhCN } from './client-report.zh-CN.ts';
import { qualityText } from './quality-text.ts';
import { fixRuleText } from './fix-rule-text.ts';
import { rfmSegmentNames } from './rfm-segment-names.ts';
import type { Language } from './translate.ts';

export const clientReportText = {
  en: { ...qualityText.en, ...clientReport_en, rfmPreset: rfmSegmentNames.en, fixRule: fixRuleText.en },
  'zh-CN': { ...qualityText['zh-CN'], ...clientReport_zhCN, rfmPreset: rfmSegmentNames['zh-CN'], fixRule: fixRuleText['zh-CN'] },
} satisfies Record<Language, object>;
