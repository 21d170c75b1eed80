import type { Locale } from '../types.ts';

/** Misspelt mail domains seen in real sign-up data; each is one keystroke from the real one. */
export const DOMAIN_TYPOS: Readonly<Record<string, readonly string[]>> = {
  'gmail.com': ['gmial.com', 'gmal.com', 'gmail.con', 'gamil.com', 'gmail.co', 'gnail.com'],
  'hotmail.com': ['hotmial.com', 'hotmai.com', 'hotmail.con', 'hotnail.com'],
  'yahoo.com': ['yaho.com', 'yahooo.com', 'yahoo.con'],
  'outlook.com': ['outlok.com', 'outloo.com', 'outlook.con'],
  'icloud.com': ['iclod.com', 'icloud.con'],
  'aol.com': ['aol.con', 'aoll.com'],
  '163.com': ['163.con', '163.cm', '163.co'],
  '126.com': ['126.con', '126.cm'],
  'qq.com': ['qq.con', 'qq.co', 'qq.cm'],
  'sina.com': ['sina.con', 'sian.com'],
  'gmx.de': ['gmx.d', 'gmxx.de', 'gxm.de'],
  'web.de': ['web.d', 'wbe.de'],
  't-online.de': ['t-onlin.de', 'tonline.de', 't-onlne.de'],
  'orange.fr': ['ornage.fr', 'orange.fe'],
  'free.fr': ['fre.fr', 'free.fe'],
  'hotmail.fr': ['hotmial.fr', 'hotmail.f'],
  'hotmail.co.uk': ['hotmail.co.k', 'hotmial.co.uk'],
  'yahoo.co.uk': ['yahoo.co.k', 'yaho.co.uk'],
  'btinternet.com': ['btinternt.com', 'btinterent.com'],
  'hotmail.es': ['hotmial.es', 'hotmail.e'],
  'libero.it': ['libro.it', 'libero.t'],
};

/** A generic slip for domains without a table entry: .com → .con, or two letters swapped. */
export function genericDomainTypo(domain: string): string {
  if (domain.endsWith('.com')) return domain.slice(0, -4) + '.con';
  const dot = domain.indexOf('.');
  // Swap the last two distinct neighbouring letters before the first dot (xs4all.nl → xs4lal.nl).
  for (let i = dot - 2; i >= 1; i--) {
    if (domain[i] !== domain[i + 1]) return domain.slice(0, i) + domain[i + 1] + domain[i] + domain.slice(i + 2);
  }
  return domain.slice(0, Math.max(1, dot - 1)) + domain.slice(dot);
}

export const PLACEHOLDER_PHONES = ['000-000-0000', '0000000000', '1111111111', '123456789', '999-999-9999', '12345678', '0', '00000000000', '1234567890'];

export const ABSURD_INCOMES = ['10000000000', '1e10', '9999999999', '999999999', '1.5E+10', '100000000000'];

const GENERIC_PLACEHOLDERS = ['n/a', 'N/A', '-', 'unknown', 'Unknown', 'none', 'None', 'NULL', 'null', '?', 'TBD', '.', 'xxx'];

const LOCAL_PLACEHOLDERS: Partial<Record<Locale, readonly string[]>> = {
  'de-DE': ['unbekannt', 'k.A.', 'keine Angabe'],
  'fr-FR': ['inconnu', 'NC', 'néant'],
  'es-ES': ['desconocido', 'ninguno', 's/d'],
  'it-IT': ['sconosciuto', 'nessuno'],
  'nl-NL': ['onbekend', 'nvt', 'geen'],
  'zh-CN': ['无', '未知', '不详', '暂无', '空'],
};

export function placeholdersFor(locale: Locale): readonly string[] {
  return [...GENERIC_PLACEHOLDERS, ...(LOCAL_PLACEHOLDERS[locale] ?? [])];
}
