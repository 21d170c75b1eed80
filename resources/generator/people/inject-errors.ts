import type { CustomerFieldKey } from '../../../shared/domain/fields.ts';
import { formatDate, type DateStyle, type Ymd } from '../format/dates.ts';
import type { ErrorKind } from '../types.ts';
import { ABSURD_INCOMES, DOMAIN_TYPOS, genericDomainTypo, PLACEHOLDER_PHONES, placeholdersFor } from './error-values.ts';
import { randomIncome } from './person.ts';
import { applySome, blankOne, isFree, record, setName, type RecordDraft } from './variation-helpers.ts';

/**
 * Puts one to three detectable defects into a record and lists them. Each
 * injector refuses (returns false) when its field already carries a defect,
 * so the list in `draft.errors` is exactly what is wrong with the cells.
 */
export function injectErrors(draft: RecordDraft): void {
  const r = draft.rng.float();
  const count = r < 0.8 ? 1 : r < 0.97 ? 2 : 3;
  applySome(draft.rng, INJECTORS.map(([w, f]) => [w, () => f(draft)] as const), count);
}

type Injector = (d: RecordDraft) => boolean;

const free = isFree;

const invalidEmail: Injector = (d) => {
  const email = d.values.email;
  const at = email.indexOf('@');
  if (at < 1 || !free(d, 'email')) return false;
  const local = email.slice(0, at), domain = email.slice(at + 1);
  const bad = d.rng.pick([
    `${local}${domain}`, `${local} at ${domain}`, `${local}@@${domain}`, `${local}@${domain}@${domain}`,
    `${local.replace(/[._-]/, ' ')} @${domain}`, `${local}@${domain.split('.')[0]}`, `${local}@${domain.replace('.', ',')}`,
    `${email}; ${local}2@${domain}`,
  ]);
  d.values.email = bad;
  record(d, 'email', 'invalid_email');
  return true;
};

const emailDomainTypo: Injector = (d) => {
  const at = d.values.email.indexOf('@');
  if (at < 1 || !free(d, 'email')) return false;
  const domain = d.values.email.slice(at + 1).toLowerCase();
  const typos = DOMAIN_TYPOS[domain];
  d.values.email = d.values.email.slice(0, at + 1) + (typos ? d.rng.pick(typos) : genericDomainTypo(domain));
  record(d, 'email', 'email_domain_typo');
  return true;
};

/** Picks the mobile or, when present, the landline; false if neither is free. */
function phoneField(d: RecordDraft): 'mobile' | 'phone' | null {
  const options = (['mobile', 'phone'] as const).filter((f) => d.values[f] !== '' && free(d, f));
  return options.length ? d.rng.pick(options) : null;
}

/** Removes the last n digits (and the separators they leave dangling). */
function dropDigits(v: string, n: number): string {
  let out = v;
  for (let removed = 0; removed < n; ) {
    const i = out.search(/\d\D*$/);
    if (i < 0) break;
    out = out.slice(0, i);
    removed++;
  }
  return out.replace(/[\s.\-/(]+$/, '');
}

const invalidPhone: Injector = (d) => {
  const field = phoneField(d);
  if (!field) return false;
  const v = d.values[field];
  // German and Italian numbers vary in length (German ones may carry a direct-dial extension), so extra
  // digits are only a detectable defect in fixed-length numbering plans.
  const kind = d.rng.int(0, d.person.locale === 'de-DE' || d.person.locale === 'it-IT' ? 2 : 3);
  // Cut to five digits, as a too-short field does: German and Italian numbers vary in length, so a
  // number missing only its last digit or two can still be a valid one.
  if (kind <= 1) d.values[field] = dropDigits(v, Math.max(2, v.replace(/\D/g, '').length - 5));
  else if (kind === 2) {
    // A letter keyed for a digit (O for 0, l for 1) or a note typed into the number.
    const digits = [...v.matchAll(/\d/g)].map((m) => m.index);
    const at = digits[d.rng.int(Math.floor(digits.length / 2), digits.length - 1)];
    d.values[field] = v.slice(0, at) + d.rng.pick(['O', 'l', 'x', 'I']) + v.slice(at + 1);
  } else d.values[field] = v + d.rng.digits(3);
  record(d, field, 'invalid_phone');
  return true;
};

const placeholderPhone: Injector = (d) => {
  const field = phoneField(d) ?? (free(d, 'mobile') ? 'mobile' : null);
  if (!field) return false;
  d.values[field] = d.rng.pick(PLACEHOLDER_PHONES);
  record(d, field, 'placeholder_phone');
  return true;
};

/** Four-digit-year styles only: "3/7/85" cannot show that the year is wrong. */
function dateStyle(d: RecordDraft): DateStyle {
  const style = d.person.data.dateStyle(d.rng);
  return style === 'mdy_short' ? 'mdy_slash' : style;
}

function setBirth(d: RecordDraft, date: Ymd, kind: ErrorKind): boolean {
  if (!free(d, 'birth_date')) return false;
  const style = dateStyle(d);
  d.values.birth_date = formatDate(date, style);
  d.shown.birth = date;
  d.shown.birthStyle = style;
  record(d, 'birth_date', kind);
  return true;
}

const futureBirth: Injector = (d) => {
  const b = d.person.birth ?? { y: 1985, m: d.rng.int(1, 12), d: d.rng.int(1, 28) };
  // The century slip (2085 for 1985) is the common real-world cause.
  let y = 2000 + (b.y % 100);
  if (y < d.people.referenceYear + 2) y = d.people.referenceYear + d.rng.int(2, 40);
  return setBirth(d, { ...b, y }, 'future_birth_date');
};

const impossibleAge: Injector = (d) =>
  setBirth(d, d.rng.chance(0.25) ? { y: 1900, m: 1, d: 1 } : { y: d.rng.int(1850, 1899), m: d.rng.int(1, 12), d: d.rng.int(1, 28) }, 'impossible_age');

/** Day 30/31 in a month that lacks it: invalid whichever of day-first or month-first a reader assumes. */
const invalidDate: Injector = (d) => {
  const y = d.person.birth?.y ?? 1980;
  const date = d.rng.chance(0.5) ? { y, m: 2, d: d.rng.int(30, 31) } : { y, m: d.rng.pick([4, 6, 9, 11]), d: 31 };
  return setBirth(d, date, 'invalid_date');
};

const negativeIncome: Injector = (d) => {
  if (!free(d, 'income')) return false;
  d.values.income = '-' + d.person.data.formatIncome(d.rng, d.person.income ?? randomIncome(d.rng, d.person.data.incomeMedian));
  record(d, 'income', 'negative_income');
  return true;
};

const absurdIncome: Injector = (d) => {
  if (!free(d, 'income')) return false;
  d.values.income = d.rng.pick(ABSURD_INCOMES);
  record(d, 'income', 'absurd_income');
  return true;
};

const placeholderName: Injector = (d) => {
  if (!free(d, 'given_name') || !free(d, 'family_name') || !free(d, 'full_name')) return false;
  const p = d.rng.pick(d.person.data.placeholderNames);
  const [given, family] = p.includes('|') ? p.split('|') : [p, p];
  setName(d, given, family);
  // "John|Doe": John alone is a real name, so only the family and full name are defects.
  if (!p.includes('|')) record(d, 'given_name', 'placeholder_name');
  record(d, 'family_name', 'placeholder_name');
  record(d, 'full_name', 'placeholder_name');
  return true;
};

const PLACEHOLDER_FIELDS: readonly CustomerFieldKey[] = ['email', 'street', 'city', 'postcode', 'company', 'region', 'country', 'gender', 'birth_date', 'phone'];

const placeholderValue: Injector = (d) => {
  const open = PLACEHOLDER_FIELDS.filter((f) => free(d, f));
  if (!open.length) return false;
  const field = d.rng.pick(open);
  d.values[field] = d.rng.pick(placeholdersFor(d.person.locale));
  record(d, field, 'placeholder_value');
  return true;
};

const INJECTORS: readonly (readonly [number, Injector])[] = [
  [20, (d) => blankOne(d)],
  [10, placeholderValue],
  [10, invalidEmail],
  [10, emailDomainTypo],
  [10, invalidPhone],
  [6, placeholderPhone],
  [5, futureBirth],
  [5, impossibleAge],
  [5, invalidDate],
  [4, negativeIncome],
  [4, absurdIncome],
  [6, placeholderName],
];
