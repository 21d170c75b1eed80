/**
 * Names for how a value is written, so "one format per column" can be
 * measured: the share of a column written the way most of it is. Each name is
 * a readable description because the drill-down message shows it.
 */

/** Phone style: how the international part is written and which separators are used. */
export function phoneFormat(raw: string): string {
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

/** Text case style of a free-text value. */
export function caseStyle(raw: string): string {
  if (!/[a-z]/i.test(raw)) return 'no Latin letters';
  if (raw === raw.toUpperCase()) return 'upper case';
  if (raw === raw.toLowerCase()) return 'lower case';
  return 'mixed case';
}
