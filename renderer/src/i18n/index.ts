import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const languages = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

const stored = localStorage.getItem('steward-language');
const initial = stored ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
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
