import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { match_en } from './areas/match.en.ts';
import { match_zhCN } from './areas/match.zh-CN.ts';
import { quality_en } from '../../../shared/i18n/quality.en.ts';
import { quality_zhCN } from '../../../shared/i18n/quality.zh-CN.ts';
import { issueMessage_en } from '../../../shared/i18n/issue-message.en.ts';
import { issueMessage_zhCN } from '../../../shared/i18n/issue-message.zh-CN.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const languages = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

const stored = localStorage.getItem('steward-language');
const initial = stored ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, ...quality_en, ...match_en, ...issueMessage_en } },
    'zh-CN': { translation: { ...zhCN, ...quality_zhCN, ...match_zhCN, ...issueMessage_zhCN } },
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
