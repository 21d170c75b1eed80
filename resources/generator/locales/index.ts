import type { Locale } from '../types.ts';
import { deDE } from './de-de.ts';
import { enGB } from './en-gb.ts';
import { enUS } from './en-us.ts';
import { esES } from './es-es.ts';
import { frFR } from './fr-fr.ts';
import { itIT } from './it-it.ts';
import type { LocaleData } from './locale-data.ts';
import { nlNL } from './nl-nl.ts';
import { zhCN } from './zh-cn.ts';

export const LOCALES: Readonly<Record<Locale, LocaleData>> = {
  'en-US': enUS, 'en-GB': enGB, 'de-DE': deDE, 'fr-FR': frFR, 'es-ES': esES, 'it-IT': itIT, 'nl-NL': nlNL, 'zh-CN': zhCN,
};
