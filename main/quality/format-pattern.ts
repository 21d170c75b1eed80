/**
 * Names for how a value is written, so "one format per column" can be
 * measured: the share of a column written the way most of it is. Each name is
 * a readable description because the drill-down message shows it.
 */

/** Phone style: how the international part is written and which separators are used. */
export function phoneFormat(raw: string): string {
  return plainPhoneFormat(raw) ?? generalPhoneFormat(raw);
}

/** phoneFormat by the regexes alone (exported for the differential test). */
export function generalPhoneFormat(raw: string): string {
  const v = raw.trim();
  const prefix = /^\(?\s*[+＋]/.test(v) ? '+CC' : /^00/.test(v) ? '00CC' : 'national';
  const body = v.replace(/^\(?\s*[+＋]\d{1,3}\)?|^00\d{1,3}/, '');
  const seps: string[] = [];
  if (/\(/.test(body)) seps.push('parentheses');
  if (/-/.test(body)) seps.push('dashes');
  if (/ /.test(body.trim())) seps.push('spaces');
  if (/\./.test(body)) seps.push('dots');
  return `${prefix} ${seps.length ? seps.join('+') : 'digits only'}`;
}

const sepNames = ['digits only', 'parentheses', 'dashes', 'parentheses+dashes', 'spaces', 'parentheses+spaces', 'dashes+spaces', 'parentheses+dashes+spaces',
  'dots', 'parentheses+dots', 'dashes+dots', 'parentheses+dashes+dots', 'spaces+dots', 'parentheses+spaces+dots', 'dashes+spaces+dots', 'parentheses+dashes+spaces+dots'];
/** Every name plainPhoneFormat can give, built once: the same string objects come back (cheap to count by name). */
const plainNames = Object.fromEntries(['+CC', '00CC', 'national'].map((prefix) => [prefix, sepNames.map((seps) => `${prefix} ${seps}`)])) as Record<string, string[]>;

/**
 * phoneFormat of a value written only with ASCII digits, spaces and ( ) + - . / (nearly every phone),
 * in one pass without the regexes; undefined for anything else. Same answers: the differential test
 * (validators-fast.test.ts) compares the two.
 */
function isDigitAt(s: string, i: number, end: number): boolean {
  if (i >= end) return false;
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function plainPhoneFormat(raw: string): string | undefined {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) === 32) start++;
  while (end > start && raw.charCodeAt(end - 1) === 32) end--;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 32 || c === 40 || c === 41 || c === 43 || c === 45 || c === 46 || c === 47)) return undefined;
  }
  let lead = start;
  if (raw.charCodeAt(lead) === 40) lead++;
  while (lead < end && raw.charCodeAt(lead) === 32) lead++;
  let prefix: string;
  let body = start;
  if (lead < end && raw.charCodeAt(lead) === 43) {
    prefix = '+CC';
    let i = lead + 1;
    while (i < lead + 4 && isDigitAt(raw, i, end)) i++;
    if (i > lead + 1) body = i < end && raw.charCodeAt(i) === 41 ? i + 1 : i;
  } else if (raw.charCodeAt(start) === 48 && raw.charCodeAt(start + 1) === 48 && end - start >= 2) {
    prefix = '00CC';
    let i = start + 2;
    while (i < start + 5 && isDigitAt(raw, i, end)) i++;
    if (i > start + 2) body = i;
  } else {
    prefix = 'national';
  }
  let first = -1;
  let last = -1;
  for (let i = body; i < end; i++) if (raw.charCodeAt(i) !== 32) (first < 0 && (first = i), (last = i));
  let bits = 0;
  for (let i = body; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c === 40) bits |= 1;
    else if (c === 45) bits |= 2;
    else if (c === 46) bits |= 8;
    else if (c === 32 && i > first && i < last) bits |= 4;
  }
  return plainNames[prefix][bits];
}

/** Text case style of a free-text value. */
export function caseStyle(raw: string): string {
  if (!/[a-z]/i.test(raw)) return 'no Latin letters';
  if (raw === raw.toUpperCase()) return 'upper case';
  if (raw === raw.toLowerCase()) return 'lower case';
  return 'mixed case';
}
