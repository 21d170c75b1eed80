/**
 * Names: placeholders are caught by the placeholder check (they count as
 * missing); this judges the values that remain. Deliberately lenient: names
 * have apostrophes, hyphens, particles and every script.
 */

export function checkName(raw: string): string | undefined {
  const v = raw.trim();
  // ASCII names (most of them) in one pass: the same four questions, in the same order of precedence.
  let ascii = true;
  let at = false;
  let digit = false;
  let letter = false;
  let run = 1;
  let repeats = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 127) {
      ascii = false;
      break;
    }
    if (c === 64) at = true;
    else if (c >= 48 && c <= 57) digit = true;
    else if ((c | 32) >= 97 && (c | 32) <= 122) letter = true;
    // "." in /(.)\1{3,}/ matches no line terminator.
    run = c === 10 || c === 13 ? 0 : i > 0 && c === v.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= 4) repeats = true;
  }
  if (ascii) {
    if (at) return 'holds an email address, not a name';
    if (digit) return 'contains digits';
    if (!letter) return 'has no letters';
    if (repeats) return 'repeats one character';
    return undefined;
  }
  return generalCheckName(v);
}

/** checkName by the regexes alone (exported for the differential test). */
export function generalCheckName(raw: string): string | undefined {
  const v = raw.trim();
  if (/@/.test(v)) return 'holds an email address, not a name';
  if (/\d/.test(v)) return 'contains digits';
  if (!/\p{L}/u.test(v)) return 'has no letters';
  if (/(.)\1{3,}/u.test(v)) return 'repeats one character';
  return undefined;
}
