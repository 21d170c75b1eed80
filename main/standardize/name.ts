/**
 * Names: placeholders are caught by the placeholder check (they count as
 * missing); this judges the values that remain. Deliberately lenient: names
 * have apostrophes, hyphens, particles and every script.
 */

/** What is wrong with a name, as a message code (shared/domain/issue-message.ts); the caller quotes the value. */
export type NameProblem = 'nameHoldsEmail' | 'containsDigits' | 'noLetters' | 'repeatsCharacter';

export function checkName(raw: string): NameProblem | undefined {
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
    if (at) return 'nameHoldsEmail';
    if (digit) return 'containsDigits';
    if (!letter) return 'noLetters';
    if (repeats) return 'repeatsCharacter';
    return undefined;
  }
  return generalCheckName(v);
}

/** checkName by the regexes alone (exported for the differential test). */
export function generalCheckName(raw: string): NameProblem | undefined {
  const v = raw.trim();
  if (/@/.test(v)) return 'nameHoldsEmail';
  if (/\d/.test(v)) return 'containsDigits';
  if (!/\p{L}/u.test(v)) return 'noLetters';
  if (/(.)\1{3,}/u.test(v)) return 'repeatsCharacter';
  return undefined;
}
