/**
 * Street lines: street-type abbreviations written out, units written one
 * way, single-case lines title-cased. Chinese, Japanese and Korean
 * addresses are left alone.
 *
 * Street types are written as full words in the country's language:
 * Street, Road, Avenue (English); Straße (strasse in Switzerland), Platz;
 * rue, avenue, boulevard (French); Calle, Avenida, Plaza (Spanish); Via,
 * Viale, Piazza, Corso (Italian); Rua, Avenida, Praça (Portuguese); straat,
 * laan (Dutch). Full words because abbreviations collide: "St" is Street at
 * the end of an English street line and Saint before a name ("St Kilda Rd"),
 * "Dr" is Drive or Doctor. So only the type's position is expanded: the last
 * word of an English line (before a direction or a unit), the first word
 * (after the house number) of a French, Spanish, Italian or Portuguese one,
 * and the word ending in "str." of a German or Dutch one. A French, Spanish
 * or Italian type keeps the case its abbreviation had ("av." → "avenue" in
 * "12 av. des Champs"), as French writes "rue" in lower case.
 *
 * Units: "Apt. 5", "apt5", "Apartment 5", "#5" → "Apt 5" (the USPS
 * designator, short because every English address system reads it);
 * "Ste 200" → "Suite 200"; "P.O. Box" → "PO Box"; German "Whg. 5", "Whg 5"
 * → "Wohnung 5".
 *
 * Without a country (the record's or its source's) only case, units in
 * English form and spacing are touched: "Str." could be Straße or straat.
 */
import { ENGLISH_ADDRESSES, PO_BOX, isSingleCase, titleCaseAddress } from './standardise-case.ts';
import { hasCjk } from './standardise-name.ts';
import type { Change } from './standardiser.ts';
import type { RuleId } from './standardise-rules.ts';

const EN_TYPES: Record<string, string> = {
  st: 'Street', rd: 'Road', ave: 'Avenue', av: 'Avenue', avn: 'Avenue', blvd: 'Boulevard', blv: 'Boulevard', dr: 'Drive', drv: 'Drive',
  ln: 'Lane', ct: 'Court', crt: 'Court', pl: 'Place', sq: 'Square', hwy: 'Highway', pkwy: 'Parkway', pky: 'Parkway', cres: 'Crescent',
  cr: 'Crescent', tce: 'Terrace', terr: 'Terrace', ter: 'Terrace', cl: 'Close', gr: 'Grove', gro: 'Grove', pde: 'Parade', cir: 'Circle',
  circ: 'Circle', wy: 'Way', trl: 'Trail', cv: 'Cove', aly: 'Alley', expy: 'Expressway', fwy: 'Freeway', pt: 'Point', xing: 'Crossing',
  plz: 'Plaza', hts: 'Heights', gdns: 'Gardens', esp: 'Esplanade',
};
const FR_TYPES: Record<string, string> = {
  av: 'avenue', ave: 'avenue', bd: 'boulevard', bld: 'boulevard', blvd: 'boulevard', boul: 'boulevard', 'r.': 'rue', pl: 'place', ch: 'chemin',
  chem: 'chemin', imp: 'impasse', all: 'allée', rte: 'route', fg: 'faubourg', fbg: 'faubourg', sq: 'square', qu: 'quai', crs: 'cours',
  pass: 'passage', res: 'résidence', rés: 'résidence', sent: 'sentier', mte: 'montée',
};
const ES_TYPES: Record<string, string> = {
  'c/': 'Calle', 'c.': 'Calle', cl: 'Calle', 'cl.': 'Calle', avda: 'Avenida', avd: 'Avenida', av: 'Avenida', pza: 'Plaza', plza: 'Plaza', pl: 'Plaza',
  'pº': 'Paseo', 'p.º': 'Paseo', pso: 'Paseo', ctra: 'Carretera', crta: 'Carretera', cno: 'Camino', rda: 'Ronda', trav: 'Travesía', trva: 'Travesía',
  urb: 'Urbanización', gta: 'Glorieta', pje: 'Pasaje',
};
const IT_TYPES: Record<string, string> = {
  'v.': 'Via', 'v.le': 'Viale', 'v.lo': 'Vicolo', 'p.za': 'Piazza', 'p.zza': 'Piazza', pza: 'Piazza', 'p.le': 'Piazzale', 'c.so': 'Corso',
  'l.go': 'Largo', 'str.': 'Strada', 'loc.': 'Località', 'fraz.': 'Frazione',
};
const PT_TYPES: Record<string, string> = {
  'r.': 'Rua', av: 'Avenida', avda: 'Avenida', 'pç': 'Praça', 'pça': 'Praça', trav: 'Travessa', al: 'Alameda', estr: 'Estrada', rod: 'Rodovia', lgo: 'Largo',
};

const FRENCH = new Set(['FR', 'BE', 'LU', 'MC']);
const SPANISH = new Set(['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'UY', 'PY', 'BO', 'GT', 'CR', 'PA', 'DO', 'HN', 'SV', 'NI', 'CU']);
const GERMAN = new Set(['DE', 'AT', 'CH', 'LI']);
const DUTCH = new Set(['NL', 'BE']);
const DIRECTION = /^(?:n|s|e|w|ne|nw|se|sw)\.?$/i;
const UNIT_WORD = /^(?:apt|suite|unit|flat|#|floor|fl|ste|rm|room|bldg)\.?$/i;

/** Case of the abbreviation carried to the full word: "av." → "avenue", "Av." → "Avenue". */
function likeCase(full: string, abbr: string): string {
  const c = abbr[0];
  return c === c.toLowerCase() && c !== c.toUpperCase() ? full.toLowerCase() : full[0].toUpperCase() + full.slice(1);
}

function expandEnglish(words: string[]): boolean {
  // Each comma-separated part ("Flat 3, 12 High St") may be the street; its type is its last word before
  // directions and a unit, and never its first word ("St Kilda Rd": only Rd; "Hartford, CT": nothing).
  let changed = false;
  let start = 0;
  while (start < words.length) {
    let end = start;
    while (end < words.length - 1 && !words[end].endsWith(',')) end++;
    let i = end;
    for (let j = start + 1; j <= end; j++) {
      if (UNIT_WORD.test(words[j])) {
        i = j - 1;
        break;
      }
    }
    while (i > start && DIRECTION.test(words[i].replace(/,$/, ''))) i--;
    const m = i > start ? /^([A-Za-z]+)\.?(,?)$/.exec(words[i]) : null;
    const full = m && EN_TYPES[m[1].toLowerCase()];
    if (m && full) {
      words[i] = full + m[2];
      changed = true;
    }
    start = end + 1;
  }
  return changed;
}

/** French, Spanish, Italian, Portuguese: the type is the first word after a house number (and bis/ter). */
function expandLeading(words: string[], types: Record<string, string>, keepCase: boolean): boolean {
  let i = 0;
  while (i < words.length - 1 && (/^\d/.test(words[i]) || /^(?:bis|ter|quater),?$/i.test(words[i]))) i++;
  if (i >= words.length - 1) return false;
  const word = words[i];
  // "C/Serrano": the Spanish abbreviation glued to the name.
  const glued = /^([cC]\/)(\S+)$/.exec(word);
  if (glued && types['c/']) {
    words.splice(i, 1, types['c/'], glued[2]);
    return true;
  }
  const key = word.toLowerCase();
  const full = types[key] ?? types[key.replace(/\.$/, '')];
  if (!full) return false;
  words[i] = keepCase ? likeCase(full, word) : full;
  return true;
}

/** German and Dutch: "Hauptstr. 5", "Hauptstr 5", "Berliner Str. 12", "Kerkstr. 3", "Marktpl. 1". */
function expandGlued(words: string[], country: string): boolean {
  const dutch = DUTCH.has(country);
  const strasse = country === 'CH' || country === 'LI' ? 'strasse' : 'straße';
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const m = /^(.*?)(str|pl|ln)(\.?)(,?)$/i.exec(words[i]);
    if (!m) continue;
    const [, stem, abbr, dot, comma] = m;
    const nextIsNumber = i + 1 < words.length && /^\d/.test(words[i + 1]);
    if (!dot && !nextIsNumber) continue;
    const kind = abbr.toLowerCase();
    let full: string | undefined;
    if (kind === 'str') full = dutch ? 'straat' : strasse;
    else if (kind === 'pl') full = dutch ? 'plein' : 'platz';
    else if (kind === 'ln' && dutch) full = 'laan';
    if (!full) continue;
    if (stem === '' || stem.endsWith('-')) full = full[0].toUpperCase() + full.slice(1);
    else if (stem.length < 2) continue;
    words[i] = `${stem}${full}${comma}`;
    changed = true;
  }
  return changed;
}

/** Whether a line may hold a unit or a PO box at all: one test instead of six replacements for most lines. */
const UNIT_HINT = /apt|apartment|appt|#|\bste\b|suite|unit|flat|room|floor|p\.?\s?o\.?\s?b|whg|wohnung/i;

function normaliseUnits(v: string, country: string | undefined): string {
  if (!UNIT_HINT.test(v)) return v;
  let s = v.replace(PO_BOX, 'PO Box');
  if (!country || ENGLISH_ADDRESSES.has(country)) {
    s = s.replace(/(^|[\s,])(?:apt|apartment|appt)\b\.?\s*#?\s*(?=\w)/gi, '$1Apt ');
    s = s.replace(/(^|[\s,])apt(?=\d)/gi, '$1Apt ');
    s = s.replace(/(^|[\s,])(?:ste|suite)\.?\s*#?\s*(?=\d)/gi, '$1Suite ');
    s = s.replace(/(^|[\s,])(unit|flat|room|floor)\s*#\s*(?=\d)/gi, '$1$2 ');
    s = s.replace(/(?<=\S[\s,]+)(?<!(?:unit|flat|room|floor|rm|fl|bldg)\.?\s*)#\s*(?=\d)/gi, 'Apt ');
    // A line that is only "#5" is the unit line of a two-line address.
    s = s.replace(/^#\s*(?=\d+\w*$)/, 'Apt ');
  }
  if (country && GERMAN.has(country)) s = s.replace(/(^|[\s,])(?:whg|wohnung)\b\.?\s*(?:nr\.?\s*)?(?=\w)/gi, '$1Wohnung ');
  return s;
}

/**
 * A street line (cleaned): the standardised line with the most significant
 * rule, or null. `inferred` says the country came from the source, not the
 * record (the words are then a weaker guess).
 */
export function standardiseStreet(v: string, country: string | undefined, inferred: boolean): Change | null {
  if (hasCjk(v)) return null;
  const rules: RuleId[] = [];
  let s = v;
  if (isSingleCase(s)) {
    const cased = titleCaseAddress(s, country);
    if (cased !== s) rules.push('address_case');
    s = cased;
  }
  const units = normaliseUnits(s, country);
  if (units !== s) rules.unshift('address_unit');
  s = units;
  if (country) {
    const words = s.split(' ');
    let expanded = false;
    if (ENGLISH_ADDRESSES.has(country)) expanded = expandEnglish(words);
    else if (FRENCH.has(country)) expanded = expandLeading(words, FR_TYPES, true);
    else if (SPANISH.has(country)) expanded = expandLeading(words, ES_TYPES, false);
    else if (country === 'IT' || country === 'SM') expanded = expandLeading(words, IT_TYPES, false);
    else if (country === 'PT' || country === 'BR') expanded = expandLeading(words, PT_TYPES, false);
    if (GERMAN.has(country) || DUTCH.has(country)) expanded = expandGlued(words, country) || expanded;
    if (country === 'CH') expanded = expandLeading(words, FR_TYPES, true) || expandLeading(words, IT_TYPES, false) || expanded;
    if (expanded) {
      s = words.join(' ');
      rules.unshift('address_street_type');
    }
  }
  if (s === v || rules.length === 0) return null;
  const confidence = rules.includes('address_street_type') || rules.includes('address_unit') ? (inferred ? 0.7 : 0.8) : 0.85;
  return rules.length > 1 ? { value: s, rule: rules[0], confidence, also: rules.slice(1) } : { value: s, rule: rules[0], confidence };
}
