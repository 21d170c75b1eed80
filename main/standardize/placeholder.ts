/**
 * Placeholder detection: values someone typed to get past a required field.
 * They count as missing for completeness, because a steward cannot contact
 * "n/a" any more than a blank.
 */

/** Whole-value placeholders in any field, compared lower-cased with inner spaces collapsed. */
const generic = new Set([
  'n/a', 'n.a.', 'n.a', 'n / a', '#n/a', 'na/', 'nil', 'null', '(null)', 'none', '<none>', 'nothing', 'undefined', 'nan',
  '-', '--', '---', '—', '_', '__', '.', '..', '...', '?', '??', '???', '*', '#', '0',
  'unknown', 'unknwon', 'unkown', 'not known', 'not available', 'not applicable', 'not provided', 'not given', 'not specified',
  'no data', 'no value', 'blank', 'empty', 'missing', 'tbd', 'tba', 'tbc', 'to be confirmed', 'see above', 'same',
  'test', 'testing', 'test test', 'test user', 'test customer', 'dummy', 'sample', 'example', 'placeholder', 'fake', 'foo', 'bar', 'foobar',
  'asdf', 'asdfgh', 'asdfasdf', 'qwerty', 'qwer', 'zxcv', 'abc123', 'aaa', 'aaaa', 'xyz', 'x', 'xx',
  'unbekannt', 'k.a.', 'k. a.', 'keine angabe', 'inconnu', 'néant', 'neant', 'desconocido', 'ninguno', 'ninguna', 's/d', 'sin datos',
  'sconosciuto', 'nessuno', 'onbekend', 'nvt', 'n.v.t.', 'geen',
  '无', '没有', '未知', '不详', '不明', '暂无', '空', '测试', '测试用户', '待定', '待补充', '未填写', '未提供', '/', '／', '－', '—',
]);

/**
 * Stand-in people: the names forms and manuals use for "somebody" in each
 * language, and words for "customer". In a name field they are placeholders;
 * a real Mr Doe is rare enough to be worth a look anyway.
 */
const placeholderNames = new Set([
  'john doe', 'jane doe', 'doe', 'max mustermann', 'erika mustermann', 'mustermann', 'joe bloggs', 'bloggs', 'jan modaal', 'modaal',
  'fulano de tal', 'fulano', 'de tal', 'nome cognome', 'cognome', 'nome', 'mario rossi',
  'customer', 'client', 'cliente', 'kunde', 'klant', 'prueba', 'prova', 'unknown customer', '某某', '某人', '客户',
]);
const nameFields = new Set(['full_name', 'given_name', 'family_name']);

/** Codes that are placeholders elsewhere but real values in the country or gender field. */
const countryCodes = new Set(['na', 'no', 'x']);
const genderValues = new Set(['x']);

/** Keyboard mashes and repeated letters: "asdfasdf", "xxxx", "jjjjj", "qwertyu". */
const mashPattern = /^(?:(?:asdf|qwer|zxcv|hjkl|jkl;?|sdf)[a-z]*|([a-z])\1{2,})$/;

/** Emails that say "I have none": noemail@, none@, no-email@, test@test.com, anything at example.com. */
const emailPlaceholder = /^(?:no[-_.]?e?-?mail|none|noone|nobody|no|na|n\/a|null|unknown|test|dummy|fake|asdf|xxx+|abc)@|@(?:example\.(?:com|org|net)|test\.com|email\.com|none\.com|noemail\.com|nomail\.com|domain\.com|xxx\.com)$/;

/** Why a value is a placeholder: a message code (shared/domain/issue-message.ts); the caller quotes the value. */
export interface PlaceholderHit {
  code: 'placeholder' | 'placeholderAddress' | 'standInName' | 'keyboardFiller' | 'testData' | PhoneFiller;
}

type PhoneFiller = 'repeatsDigit' | 'digitSequence';

export function normaliseForPlaceholder(value: string): string {
  const v = value.trim().toLowerCase();
  return /\s\s|[\t\n\r]/.test(v) ? v.replace(/\s+/g, ' ') : v;
}

/** Longest whole-value placeholder worth looking up; longer values are only checked by field-specific patterns. */
const maxGenericLength = 24;

/**
 * Returns why a value is a placeholder, or undefined when it is a real value.
 * `field` lets the check know that "NA" is Namibia in a country column.
 */
export function detectPlaceholder(raw: string, field?: string): PlaceholderHit | undefined {
  // Fast exits for the common cases (a million records, fifteen fields): each is argued below, and the
  // differential test (validators-fast.test.ts) compares them with the general path.
  const phoneField = field === 'phone' || field === 'mobile';
  if (raw.length > maxGenericLength && field !== 'email' && !phoneField) return undefined;
  if (phoneField) {
    const fast = phonePlaceholderFast(raw);
    if (fast !== null) return fast === undefined ? undefined : { code: fast };
  } else if (field === 'email') {
    // With an "@" only the email pattern can match: no generic placeholder, mash or test word contains one.
    if (raw.includes('@')) return emailPlaceholder.test(raw.trim().toLowerCase()) ? { code: 'placeholderAddress' } : undefined;
  } else if (field !== undefined && nameFields.has(field)) {
    const fast = namePlaceholderFast(raw);
    if (fast !== null) return fast;
  } else {
    // A value of two or more characters starting with a digit (and ending in a visible ASCII character, so trimming
    // keeps both): the only generic placeholder starting with a digit is "0", and the mash and test patterns start
    // with letters (names are excluded: "00" repeats the placeholder "0").
    const c = raw.charCodeAt(0);
    const last = raw.charCodeAt(raw.length - 1);
    if (c >= 48 && c <= 57 && raw.length >= 2 && last > 32 && last < 127) return undefined;
  }
  return generalPlaceholder(raw, field);
}

/** detectPlaceholder without the fast exits (exported for the differential test). */
export function generalPlaceholder(raw: string, field?: string): PlaceholderHit | undefined {
  const v = normaliseForPlaceholder(raw);
  if (v === '') return undefined;
  if (field === 'country' && countryCodes.has(v)) return undefined;
  if (field === 'gender' && genderValues.has(v)) return undefined;
  if (field === 'income' && /^0+(?:[.,]0+)?$/.test(v)) return undefined;
  if (generic.has(v)) return { code: 'placeholder' };
  if (field !== undefined && nameFields.has(field)) {
    if (placeholderNames.has(v)) return { code: 'standInName' };
    // A full name built from a placeholder given and family name: "TEST TEST", "未知未知" (Chinese names have no space).
    const half = repeatedHalf(v);
    if (half !== undefined && (generic.has(half) || placeholderNames.has(half))) return { code: 'placeholder' };
  }
  if (field === 'email' && emailPlaceholder.test(v)) return { code: 'placeholderAddress' };
  if (field === 'phone' || field === 'mobile') {
    const hit = phonePlaceholder(v);
    if (hit) return { code: hit };
    return undefined;
  }
  if (mashPattern.test(v)) return { code: 'keyboardFiller' };
  if (/^(?:test|dummy|fake)[\s_-]?\d*$/.test(v)) return { code: 'testData' };
  return undefined;
}

/**
 * Every whole-value placeholder a name can be, as "length first last" of its lower-cased text, and likewise for
 * the doubled ones ("testtest", compared without spaces): a name whose signature is not here cannot be one of them.
 */
const nameSignatures = new Set<string>();
const doubledSignatures = new Set<string>();
for (const p of [...generic, ...placeholderNames]) {
  nameSignatures.add(`${p.length} ${p[0]} ${p[p.length - 1]}`);
  const compact = p.replace(/\s+/g, '');
  if (compact !== '') doubledSignatures.add(`${compact.length * 2} ${compact[0]} ${compact[compact.length - 1]}`);
}
const mashPatternI = new RegExp(mashPattern.source, 'i');
const testWordI = /^(?:test|dummy|fake)[\s_-]?\d*$/i;

/**
 * detectPlaceholder for a name of printable ASCII, trimmed, without double spaces (so normalising only lower-cases
 * it): when its signatures rule out every listed placeholder, only the mash and test-word patterns are left, which
 * read it case-insensitively. Returns null when the general path must answer.
 */
function namePlaceholderFast(raw: string): PlaceholderHit | undefined | null {
  const n = raw.length;
  if (n === 0 || raw.charCodeAt(0) === 32 || raw.charCodeAt(n - 1) === 32) return null;
  let spaces = 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 32 || c > 126) return null;
    if (c === 32) {
      if (raw.charCodeAt(i - 1) === 32) return null;
      spaces++;
    }
  }
  const first = raw[0].toLowerCase();
  const last = raw[n - 1].toLowerCase();
  if (nameSignatures.has(`${n} ${first} ${last}`) || doubledSignatures.has(`${n - spaces} ${first} ${last}`)) return null;
  if (mashPatternI.test(raw)) return { code: 'keyboardFiller' };
  if (testWordI.test(raw)) return { code: 'testData' };
  return undefined;
}

function repeatedHalf(v: string): string | undefined {
  const compact = v.replace(/\s+/g, '');
  if (compact.length < 2 || compact.length % 2 !== 0) return undefined;
  const half = compact.slice(0, compact.length / 2);
  return compact.slice(compact.length / 2) === half ? half : undefined;
}

/** Phone fillers: one digit repeated (000-000-0000, 1111111), or a run like 1234567890. */
function phonePlaceholder(v: string): PhoneFiller | undefined {
  const digits = v.replace(/\D/g, '');
  if (digits.length < 5 || digits.length !== v.replace(/[\s().+\-/]/g, '').length) return undefined;
  // Ignore a country code: "+86 00000000000" is still filler.
  const national = v.startsWith('+') ? stripLikelyCallingCode(digits) : digits;
  if (/^(\d)\1+$/.test(national)) return 'repeatsDigit';
  if ('01234567890123456789'.includes(national) || '98765432109876543210'.includes(national)) return 'digitSequence';
  return undefined;
}

/**
 * phonePlaceholder for the common case, a value of ASCII digits, spaces and ( ) + - . / only (its own trim,
 * lower-casing and whitespace collapsing change nothing the checks read): its code, undefined when it is a
 * real value, or null when the value needs the general path (other characters, tabs, several spaces).
 */
function phonePlaceholderFast(raw: string): PhoneFiller | undefined | null {
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) === 32) start++;
  while (end > start && raw.charCodeAt(end - 1) === 32) end--;
  let digits = '';
  let prevSpace = false;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += raw[i];
      prevSpace = false;
    } else if (c === 32) {
      if (prevSpace) return null;
      prevSpace = true;
    } else if (c === 40 || c === 41 || c === 43 || c === 45 || c === 46 || c === 47) {
      prevSpace = false;
    } else {
      return null;
    }
  }
  // The generic placeholders written only with these characters: "-", "--", "---", ".", "..", "...", "0", "/".
  if (end - start <= 3 && digits.length <= 1) return null;
  if (digits.length < 5) return undefined;
  const national = raw.charCodeAt(start) === 43 ? stripLikelyCallingCode(digits) : digits;
  if (/^(\d)\1+$/.test(national)) return 'repeatsDigit';
  if ('01234567890123456789'.includes(national) || '98765432109876543210'.includes(national)) return 'digitSequence';
  return undefined;
}

function stripLikelyCallingCode(digits: string): string {
  for (const len of [1, 2, 3]) {
    const rest = digits.slice(len);
    if (/^(\d)\1+$/.test(rest)) return rest;
  }
  return digits;
}

/**
 * Dates systems write when they have none (yyyyMMdd keys, as dateKey gives them): Excel's and SQL Server's day
 * zero, the Unix epoch, and far-future "never" dates. As a birth date they say nothing about the person, so two
 * records sharing one agree on nothing (two different Günter Fischers were linked at 90.6% partly on 1899-12-31).
 */
const placeholderDateKeys = new Set(['18991230', '18991231', '19000101', '19700101', '20990101', '20991231', '99991231']);

export function isPlaceholderDateKey(key: string): boolean {
  return placeholderDateKeys.has(key);
}
