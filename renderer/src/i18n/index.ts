import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { backup_en } from './areas/backup.en.ts';
import { backup_zhCN } from './areas/backup.zh-CN.ts';
import { match_en } from './areas/match.en.ts';
import { match_zhCN } from './areas/match.zh-CN.ts';
import { fixes_en } from './areas/fixes.en.ts';
import { fixes_zhCN } from './areas/fixes.zh-CN.ts';
import { merge_en } from './areas/merge.en.ts';
import { merge_zhCN } from './areas/merge.zh-CN.ts';
import { sources_en } from './areas/sources.en.ts';
import { sources_zhCN } from './areas/sources.zh-CN.ts';
import { qualityText } from '../../../shared/i18n/quality-text.ts';
import { languages as languageCodes, type Language } from '../../../shared/i18n/translate.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** The languages the app speaks (shared/i18n), each named in itself for the picker. */
const ownName: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };
export const languages = languageCodes.map((code) => ({ code, label: ownName[code] }));

const stored = localStorage.getItem('steward-language');
const initial = stored ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, ...qualityText.en, ...match_en, ...fixes_en, ...backup_en, ...merge_en, ...sources_en } },
    'zh-CN': { translation: { ...zhCN, ...qualityText['zh-CN'], ...match_zhCN, ...fixes_zhCN, ...backup_zhCN, ...merge_zhCN, ...sources_zhCN } },
  },
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
});

export function setLanguage(code: string): void {
  localStorage.setItem('steward-language', code);
  void i18n.changeLanguage(code);
  document.documentElement.lang = code;
}

document.documentElement.lang = initial;
export default i18n;
