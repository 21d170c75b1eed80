import { DATE_FORMAT_LABEL, isoDate, orderAmbiguous, readYear, type DateStyle, type Ymd } from '../format/dates.ts';
import type { LocaleData, PhoneNumber } from '../locales/locale-data.ts';
import type { CellTruth, ErrorKind, RecordTruth, TruthField } from '../types.ts';
import type { RecordDraft } from './variation-helpers.ts';

/**
 * What a record's cells were meant to say, kept beside the cells while
 * variations and errors change them: which address the email cell holds,
 * which of the person's numbers each phone cell holds, and which date the
 * birth-date cell shows in which style.
 */
export interface Shown {
  /** The address this record holds (a duplicate may hold a second address, or a dotted or tagged form of the first). */
  email: string;
  phone?: PhoneNumber;
  mobile?: PhoneNumber;
  /** The date the cell shows: the birth date, unless a variation swapped day and month or an error replaced it. */
  birth?: Ymd;
  birthStyle?: DateStyle;
  /** Day and month were swapped by a system with the other convention: a wrong date, not a spelling. */
  birthSwapped: boolean;
}

export function e164(data: LocaleData, p: PhoneNumber): string {
  return `+${data.callingCode}${p.area}${p.sub}`;
}

const PLACEHOLDER_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['placeholder_value', 'placeholder_phone']);

/** A currency symbol or code in an income cell (each locale writes only its own currency). */
const SHOWS_CURRENCY = /[$£€¥元]|EUR|GBP|USD|CNY|RMB/;

const BLANK: CellTruth = { value: '', recoverable: null };
const UNREADABLE: CellTruth = { value: '', recoverable: false };
const NO_DATE: RecordTruth['birth_date'] = { ...BLANK, format: '', ambiguous: null };

/**
 * The truth behind a finished record's cells. A cell an injected error
 * replaced keeps the value it should have held and is not recoverable; a
 * placeholder or blank cell has no value. Recoverable means: read in the
 * conventions of the record's country (its order for slash dates, its
 * trunk prefix for national phone numbers), the cell gives exactly the
 * value; an ambiguous date is recoverable that way even though the value
 * alone could not say which order it is in.
 */
export function recordTruth(draft: RecordDraft): RecordTruth {
  const { person, values, shown } = draft;
  const { data } = person;
  const errorOn = (field: TruthField): ErrorKind | undefined => {
    for (const e of draft.errors) if (e.field === field) return e.kind;
    return undefined;
  };
  /** Blank, placeholder, or the value the cell should hold and whether it does, readably. */
  const cell = (field: TruthField, value: string, readable: boolean): CellTruth => {
    if (values[field] === '') return BLANK;
    const kind = errorOn(field);
    if (value === '' || (kind && PLACEHOLDER_KINDS.has(kind))) return UNREADABLE;
    return { value, recoverable: !kind && readable };
  };
  const phone = (field: 'phone' | 'mobile'): CellTruth => {
    const p = shown[field];
    return cell(field, p ? e164(data, p) : '', true);
  };

  let birth = NO_DATE;
  const style = shown.birthStyle;
  if (values.birth_date !== '' && errorOn('birth_date') !== 'placeholder_value' && style && shown.birth) {
    // A two-digit year says which year it is only through the century a reader assumes.
    const yearRight = readYear(shown.birth, style, draft.people.referenceYear) === shown.birth.y;
    const truth = cell('birth_date', person.birth ? isoDate(person.birth) : '', !shown.birthSwapped && yearRight);
    birth = { ...truth, format: DATE_FORMAT_LABEL[style], ambiguous: orderAmbiguous(shown.birth, style) };
  } else if (values.birth_date !== '') birth = { ...NO_DATE, recoverable: false };

  const gender = person.otherGender ? 'X' : person.gender;
  // Spanish systems write M for mujer as often as for masculino: the record's country cannot settle it.
  const genderReadable = !(person.locale === 'es-ES' && values.gender.trim() === 'M');

  const income = cell('income', person.income === undefined ? '' : String(person.income), incomeExact(values.income, person.income));
  const incomeTruth: RecordTruth['income'] = income.value !== '' && SHOWS_CURRENCY.test(values.income) ? { ...income, currency: data.currency } : { ...income, currency: '' };

  return {
    email: cell('email', shown.email.toLowerCase(), true),
    phone: phone('phone'),
    mobile: phone('mobile'),
    country: cell('country', data.countryCode, true),
    birth_date: birth,
    gender: cell('gender', person.genderKnown ? gender : '', genderReadable),
    income: incomeTruth,
  };
}

/** "12.35万" loses digits when the income is not a round hundred; every other income spelling is exact. */
function incomeExact(cell: string, income: number | undefined): boolean {
  if (income === undefined || !cell.endsWith('万')) return true;
  return Math.round(Number(cell.slice(0, -1)) * 10_000) === income;
}
