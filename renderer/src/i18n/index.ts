import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { translations } from './translations.ts';
import { languages as languageCodes, type Language } from '../../../shared/i18n/translate.ts';

/** The languages the app speaks (shared/i18n), each named in itself for the picker. */
const ownName: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };
export const languages = languageCodes.map((code) => ({ code, label: ownName[code] }));

const stored = localStorage.getItem('steward-language');
const initial = stored ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

void i18n.use(initReactI18next).init({
  resources: { en: { translation: translations.en }, 'zh-CN': { translation: translations['zh-CN'] } },
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
