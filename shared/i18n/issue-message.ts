/**
 * Issue messages in the user's language. The engine stores one English
 * message per finding (the CLI and the JSON audit use it as it is); here each
 * message is read back into its parts by the template that wrote it and said
 * again through the dictionaries (issueMessage.* keys), for the app and for
 * the HTML report. The English
 * templates reproduce the engine's text exactly, which a test checks against
 * every message an audit of a generated export produces. A message no
 * template knows is shown as the engine wrote it.
 */
import type { Translate } from './translate.ts';

interface Template {
  key: string;
  re: RegExp;
  /** Names of the capture groups, in order; "field" is a field key, also given translated. */
  names: string[];
}

const tpl = (key: string, re: RegExp, ...names: string[]): Template => ({ key, re, names });

/** Messages that are "VALUE" followed by one of these reasons. */
const reasons: Template[] = [
  tpl('placeholder', /is a placeholder, not a value/),
  tpl('placeholderAddress', /is a placeholder address/),
  tpl('standInName', /is a stand-in name, not a person's/),
  tpl('keyboardFiller', /looks like keyboard filler/),
  tpl('testData', /is test data/),
  tpl('repeatsDigit', /repeats one digit/),
  tpl('digitSequence', /is a digit sequence/),
  tpl('nameHoldsEmail', /holds an email address, not a name/),
  tpl('containsDigits', /contains digits/),
  tpl('noLetters', /has no letters/),
  tpl('repeatsCharacter', /repeats one character/),
  tpl('containsSpaces', /contains spaces/),
  tpl('noAt', /has no @/),
  tpl('severalAt', /has more than one @/),
  tpl('noLocalPart', /has no name before the @/),
  tpl('badLocalPart', /the part before the @ \("(.*)"\) has characters or dots an address cannot have/, 'part'),
  tpl('noDomain', /has no domain after the @/),
  tpl('longDomain', /domain is too long/),
  tpl('noTopLevel', /domain "(.*)" has no top-level part \(like \.com\)/, 'domain'),
  tpl('emptyDomainPart', /domain "(.*)" has an empty part \(two dots or a dot at an end\)/, 'domain'),
  tpl('badDomainCharacters', /domain "(.*)" has characters a domain cannot have/, 'domain'),
  tpl('badTopLevel', /"(.*)" is not a top-level domain/, 'tld'),
  tpl('containsLetters', /contains letters/),
  tpl('fewDigits', /has only (\d+) digits/, 'n'),
  tpl('manyDigits', /has (\d+) digits, more than any phone number/, 'n'),
  tpl('notValidFor', /is not a valid number for (.+)/, 'where'),
  tpl('notValidInternational', /is not a valid international number/),
  tpl('notPhoneIn', /is not a phone number in (.+)/, 'country'),
  tpl('notValidAnywhere', /is not a valid number in (.+) \(the record has no country\)/, 'countries'),
  tpl('landline', /is a landline number/),
  tpl('countryCode', /has country code \+(\d+) but the record's country (\S+) uses \+(\d+)/, 'code', 'country', 'expected'),
  tpl('postcodeOfOtherCountry', /is not a (\S+) postcode \(it fits (.+)\)/, 'country', 'fits'),
  tpl('notDate', /is not a date we can read/),
  tpl('notAmount', /is not an amount we can read/),
  tpl('notCountry', /is not a country we recognise/),
  tpl('notGender', /is not a gender value we recognise/),
  tpl('recordedWithoutReference', /recorded, but the reference has no value/),
  tpl('differsFromReference', /differs from the reference "(.*)"/, 'reference'),
];

/** Whole-message templates, tried first (more specific ones before general ones). */
const whole: Template[] = [
  tpl('missing', /^(\w+) is empty$/, 'field'),
  tpl('format', /^written differently from most of this column in its file \(mostly "(.*)"\)$/, 'format'),
  tpl('sameEmail', /^same email as customer (\d+)$/, 'customer'),
  tpl('sameNumber', /^same (phone|mobile) number as customer (\d+)$/, 'field', 'customer'),
  tpl('stale', /^last updated (\d+) days ago \(window (\d+) days\)$/, 'days', 'window'),
  tpl('noUpdateDate', /^no readable update or creation date$/),
  tpl('incomeAbove', /^income (.+) is far above the project's median of (.+) \(robust z (.+)\)$/, 'income', 'median', 'z'),
  tpl('incomeBelow', /^income (.+) is far below the project's median of (.+) \(robust z (.+)\)$/, 'income', 'median', 'z'),
  tpl('incomeNegative', /^income (.+) is negative$/, 'income'),
  tpl('birthDateFuture', /^birth date (.+) is in the future$/, 'date'),
  tpl('ageImplausible', /^birth date (.+) gives an age of (\d+)$/, 'date', 'age'),
  tpl('dateFuture', /^(\w+) (.+) is in the future$/, 'field', 'date'),
  tpl('emailTypo', /^"(.*)": domain "(.*)" looks like a typo of (.+)$/, 'value', 'domain', 'suggestion'),
  tpl('recordIdRepeated', /^record id "(.*)" already used by customer (\d+) in the same source$/, 'value', 'customer'),
  tpl('placeMismatch', /^(city|region) "(.*)" differs from "(.*)", the (?:city|region) (\d+) of the (\d+) customers with postcode (.*) give$/, 'field', 'value', 'usual', 'agreeing', 'total', 'postcode'),
  tpl('referenceMissing', /^empty, but the reference has "(.*)"$/, 'reference'),
  tpl('probableDuplicate', /^probably the same customer as customer (\d+) \((.*)\); strongest match probability ([\d.]+)$/, 'customer', 'file', 'probability'),
  tpl('differsAcrossSources', /^(\w+) "(.*)" differs from "(.*)" held by customer (\d+) \((.*)\), the same customer$/, 'field', 'value', 'other', 'customer', 'file'),
];

/** "VALUE" REASON: the value is everything up to the quote before the reason, so it may contain quotes itself. */
const valued = reasons.map((r) => tpl(r.key, new RegExp(`^"(.*)" ${r.re.source}$`), 'value', ...r.names));

/** The message in the current language; undefined when no template wrote it. */
export function localizeIssueMessage(t: Translate, message: string): string | undefined {
  for (const list of [whole, valued]) {
    for (const { key, re, names } of list) {
      const m = re.exec(message);
      if (!m) continue;
      const vars: Record<string, string> = {};
      names.forEach((name, i) => {
        vars[name] = m[i + 1];
        if (name === 'field') {
          vars.fieldKey = m[i + 1];
          vars.field = t(`quality.fieldName.${m[i + 1]}`, { defaultValue: m[i + 1] });
        }
      });
      return t(`issueMessage.${key}`, vars);
    }
  }
  return undefined;
}

/** What the UI shows for a stored issue message. */
export function issueMessageText(t: Translate, message: string): string {
  return localizeIssueMessage(t, message) ?? message;
}
