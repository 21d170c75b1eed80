/**
 * The quality area's UI text per language: the dashboard's words and the
 * issue-message templates, as one dictionary each. The renderer merges it
 * into i18next's resources; the HTML report reads it with makeTranslate.
 */
import { issueMessage_en } from './issue-message.en.ts';
import { issueMessage_zhCN } from './issue-message.zh-CN.ts';
import { quality_en } from './quality.en.ts';
import { quality_zhCN } from './quality.zh-CN.ts';
import type { Language } from './translate.ts';

export const qualityText = {
  en: { ...quality_en, ...issueMessage_en },
  'zh-CN': { ...quality_zhCN, ...issueMessage_zhCN },
} satisfies Record<Language, object>;
