import { formatDate, formatTimestamp } from '../format/dates.ts';
import type { Rng } from '../prng.ts';
import type { CustomerTextValues } from '../types.ts';
import type { Person } from './person.ts';
import { countryCell, genderCell, phoneCell } from './spellings.ts';
import type { Shown } from './truth.ts';

const DAY = 86_400_000;

/**
 * Spells a person the way one system would hold them. Formats are drawn per
 * record, so two records of one person already differ in phone, date and
 * income spelling before any deliberate variation is applied. `fmt` is the
 * second stream (see spellings.ts). Returns the cells and what they show.
 */
export function renderRecord(rng: Rng, fmt: Rng, person: Person, recordId: string, referenceMs: number): { values: CustomerTextValues; shown: Shown } {
  const { data, address } = person;
  const created = recordCreated(rng, person, referenceMs);
  // Most records are edited at least once; the rest still show their creation time.
  const updated = rng.chance(0.3) ? created : created + Math.floor(rng.float() * (referenceMs - created));
  const tsStyle = data.timestampStyle(rng);
  let postcode = address.postcode;
  if (postcode.includes(' ') && rng.chance(0.15)) postcode = postcode.replace(' ', '');
  const gender = genderCell(rng, fmt, person);
  const birthStyle = person.birth ? data.dateStyle(rng) : undefined;
  const values: CustomerTextValues = {
    source_record_id: recordId,
    full_name: data.fullName(person.given, person.family),
    given_name: person.given,
    family_name: person.family,
    gender,
    birth_date: person.birth ? formatDate(person.birth, birthStyle!) : '',
    email: person.email,
    phone: person.landline ? phoneCell(rng, fmt, data, person.landline) : '',
    mobile: phoneCell(rng, fmt, data, person.mobile),
    company: person.company ?? '',
    street: data.streetLine(rng, address, rng.chance(0.25)),
    city: data.cityName(rng, address.city),
    region: data.region(rng, address.city),
    postcode,
    country: countryCell(rng, fmt, data),
    income: person.income === undefined ? '' : data.formatIncome(rng, person.income),
    // The exports carry the currency inside the income cell, as CRMs do; a standardised value moves it here.
    income_currency: '',
    created_at: formatTimestamp(created, tsStyle),
    updated_at: formatTimestamp(updated, tsStyle),
  };
  const shown: Shown = { email: person.email, phone: person.landline, mobile: person.mobile, birth: person.birth, birthStyle, birthSwapped: false };
  return { values, shown };
}

/** A person's later records were created after their first one, in some other system or campaign. */
function recordCreated(rng: Rng, person: Person, referenceMs: number): number {
  if (rng.chance(0.5)) return person.firstSeen;
  return person.firstSeen + Math.floor(rng.float() * Math.max(DAY, referenceMs - person.firstSeen - DAY));
}
