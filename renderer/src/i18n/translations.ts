/**
 * Every text the app shows, per language: the base dictionaries and each
 * area's. The app loads these, and the dictionary tests check these, so a
 * new area added here is both shown and checked.
 */
import { analysis_en } from './areas/analysis.en.ts';
import { analysis_zhCN } from './areas/analysis.zh-CN.ts';
import { backup_en } from './areas/backup.en.ts';
import { backup_zhCN } from './areas/backup.zh-CN.ts';
import { match_en } from './areas/match.en.ts';
import { match_zhCN } from './areas/match.zh-CN.ts';
import { fixes_en } from './areas/fixes.en.ts';
import { fixes_zhCN } from './areas/fixes.zh-CN.ts';
import { merge_en } from './areas/merge.en.ts';
import { merge_zhCN } from './areas/merge.zh-CN.ts';
import { protect_en } from './areas/protect.en.ts';
import { protect_zhCN } from './areas/protect.zh-CN.ts';
import { sources_en } from './areas/sources.en.ts';
import { sources_zhCN } from './areas/sources.zh-CN.ts';
import { segments_en } from './areas/segments.en.ts';
import { segments_zhCN } from './areas/segments.zh-CN.ts';
import { qualityText } from '../../../shared/i18n/quality-text.ts';
import { clientReport_en } from '../../../shared/i18n/client-report.en.ts';
import { clientReport_zhCN } from '../../../shared/i18n/client-report.zh-CN.ts';
import type { Language } from '../../../shared/i18n/translate.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const translations: Record<Language, Record<string, unknown>> = {
  en: { ...en, ...qualityText.en, ...match_en, ...fixes_en, ...backup_en, ...merge_en, ...protect_en, ...sources_en, ...segments_en, ...analysis_en, ...clientReport_en },
  'zh-CN': { ...zhCN, ...qualityText['zh-CN'], ...match_zhCN, ...fixes_zhCN, ...backup_zhCN, ...merge_zhCN, ...protect_zhCN, ...sources_zhCN, ...segments_zhCN, ...analysis_zhCN, ...clientReport_zhCN },
};
