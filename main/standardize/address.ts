/**
 * Street addresses and organisation names reduced to comparable tokens:
 * abbreviations expanded to one spelling, house numbers kept apart from words,
 * and legal-form suffixes dropped because "Acme Ltd" and "ACME Limited" are
 * the same company.
 */
import { fold, foldCompact } from './text.ts';

const STREET_WORDS: Record<string, string> = {
  st: 'street', str: 'strasse', strasse: 'strasse', strase: 'strasse', ave: 'avenue', av: 'avenue',
  avenue: 'avenue', rd: 'road', dr: 'drive', ln: 'lane', ct: 'court', crt: 'court', pl: 'place', sq: 'square',
  blvd: 'boulevard', hwy: 'highway', pkwy: 'parkway', cres: 'crescent', cr: 'crescent', cct: 'circuit',
  cir: 'circle', tce: 'terrace', ter: 'terrace', pde: 'parade', cl: 'close', gr: 'grove', mt: 'mount',
  n: 'north', s: 'south', e: 'east', w: 'west', nth: 'north', sth: 'south', apt: 'unit', ste: 'unit',
  suite: 'unit', flat: 'unit', no: '', nr: '', hao: '', c: 'calle', calle: 'calle', pza: 'plaza',
  gasse: 'gasse', weg: 'weg', platz: 'platz', lu: 'road', jie: 'street', dao: 'avenue',
};

/** Street tokens: numbers first in the order they appear, then words in their normal spelling. */
export function streetTokens(raw: string): string[] {
  // "Hauptstr." and "Hauptstraße" glue the street word on; split it off first.
  const s = fold(raw.replace(/(str\.?|straße|strasse)(?=\s|$|\d|,)/gi, ' strasse'));
  const out: string[] = [];
  for (const t of s.split(' ')) {
    if (!t) continue;
    const mapped = STREET_WORDS[t];
    if (mapped === '') continue;
    out.push(mapped ?? t);
  }
  return out;
}

const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc',
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'ev', 'mbh', 'sa', 'sl', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab',
  'as', 'pty', 'pte', 'kk', 'the', 'and', 'youxiangongsi', 'youxian', 'gongsi', 'zerenyouxiangongsi',
  'gufenyouxiangongsi', 'jituan',
]);

/** Organisation name tokens without legal forms ("S.L.", "GmbH", 有限公司) or "the"/"and". */
export function companyTokens(raw: string): string[] {
  // Fold "S.L." / "S.A." to "sl" / "sa" before punctuation becomes spaces.
  const joined = raw.replace(/\b([A-Za-z])\.\s?([A-Za-z])\.(?=\s|$|,)/g, '$1$2').replace(/&/g, ' and ');
  const han = joined.replace(/(股份)?有限(责任)?公司|集团/g, ' ');
  return fold(han).split(' ').filter((t) => t && !LEGAL_FORMS.has(t));
}

/** Postcodes compare without spaces or case ("TQ13 8DF" = "tq138df"). */
export function normalizePostcode(raw: string): string {
  return foldCompact(raw);
}

/**
 * City and region names compare without case, accents, spaces or a Chinese
 * administrative suffix: "北京市" = "Beijing", "Saint-Étienne" = "saint etienne".
 */
export function normalizePlace(raw: string): string {
  return foldCompact(raw.replace(/(市|省|自治区|特别行政区)\s*$/, ''));
}

/** A region written as a code ("CA", "NSW", "BY", Spain's "M") rather than a name: the two are compared only among themselves. */
export function isRegionCode(raw: string): boolean {
  return /^[A-Z]{1,3}$/.test(raw.trim());
}
