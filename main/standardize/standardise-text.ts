/**
 * Cleaning every text value gets before its field's own rule: invisible
 * characters out, odd spaces made ordinary, Unicode NFC, whitespace trimmed
 * and collapsed. Each step is reported so the proposal can say which ran.
 *
 * Removed as invisible: zero-width space, non-joiner and joiner, word
 * joiner, byte-order mark, soft hyphen, Mongolian vowel separator, direction
 * marks and embeddings, and control characters other than tab and line
 * breaks. (ZWJ and ZWNJ shape emoji and some Indic and Persian words; a CRM's
 * name and address fields are better without them, and the rule is shown.)
 * Made a space (also counted as invisible, since the eye cannot tell):
 * no-break space, narrow no-break space, figure and other typographic spaces,
 * the ideographic space. Tabs and line breaks are whitespace; in a street a
 * line break becomes ", " so "12 High St\nFlat 3" keeps its two parts.
 */

export interface Cleaned {
  value: string;
  invisible: boolean;
  nfc: boolean;
  whitespace: boolean;
}

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const LINE_BREAK = /\s*[\r\n]+\s*/g;

/**
 * Characters that are their own NFC form and are neither invisible nor odd
 * spaces: Latin-1 and the Latin extensions (precomposed letters), Cyrillic,
 * general punctuation up to the invisible block, kana (without the combining
 * sound marks U+3099–309A), CJK ideographs, Hangul syllables and full-width
 * forms. Anything else (combining marks, Hangul jamo, compatibility
 * ideographs, singletons such as the Ångström sign) goes the general way.
 */
function isPlainWide(c: number): boolean {
  return (
    (c >= 0xa1 && c <= 0x2ff && c !== 0xad) ||
    (c >= 0x400 && c <= 0x4ff) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    (c >= 0x3001 && c <= 0x303f) ||
    (c >= 0x3041 && c <= 0x30ff && c !== 0x3099 && c !== 0x309a) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xff01 && c <= 0xffef)
  );
}

/**
 * Nothing to clean: no control or invisible character, no odd space, no
 * character whose NFC form could differ, single inner spaces and none at the
 * ends (the common case, answered by character codes).
 */
export function isClean(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c > 32 && c < 127) continue;
    if (c < 127 || !isPlainWide(c)) return false;
  }
  return true;
}

const unchanged = (value: string): Cleaned => ({ value, invisible: false, nfc: false, whitespace: false });

export function cleanText(raw: string, lineBreaksAsComma = false): Cleaned {
  return isClean(raw) ? unchanged(raw) : generalCleanText(raw, lineBreaksAsComma);
}

/** cleanText without the fast exit (exported for the differential test). */
export function generalCleanText(raw: string, lineBreaksAsComma = false): Cleaned {
  let v = raw;
  let invisible = false;
  const noInvisible = v.replace(INVISIBLE, '');
  const spaced = noInvisible.replace(ODD_SPACE, ' ');
  if (spaced !== v) invisible = true;
  v = spaced;
  const nfcValue = v.normalize('NFC');
  const nfc = nfcValue !== v;
  v = nfcValue;
  let w = lineBreaksAsComma ? v.replace(LINE_BREAK, ', ').replace(/(?:,\s*){2,}/g, ', ') : v;
  w = w.replace(/\s+/g, ' ').trim();
  if (lineBreaksAsComma) w = w.replace(/^,\s*|,\s*$/g, '');
  const whitespace = w !== v;
  return { value: w, invisible, nfc, whitespace };
}
