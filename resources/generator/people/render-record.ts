import { formatDate, formatTimestamp } from '../format/dates.ts';
import type { Rng } from '../prng.ts';
import type { CustomerTextValues } from '../types.ts';
import type { Person } from './person.ts';

const DAY = 86_400_000;

/**
 * Spells a person the way one system would hold them. Formats are drawn per
 * record, so two records of one person already differ in phone, date and
 * income spelling before any deliberate variation is applied.
 */
export function renderRecord(rng: Rng, person: Person, recordId: string, referenceMs: number): CustomerTextValues {
  const { data, address } = person;
  const created = recordCreated(rng, person, referenceMs);
  // Most records are edited at least once; the rest still show their creation time.
  const updated = rng.chance(0.3) ? created : created + Math.floor(rng.float() * (referenceMs - created));
  const tsStyle = data.timestampStyle(rng);
  let postcode = address.postcode;
  if (postcode.includes(' ') && rng.chance(0.15)) postcode = postcode.replace(' ', '');
  return {
    source_record_id: recordId,
    full_name: data.fullName(person.given, person.family),
    given_name: person.given,
    family_name: person.family,
    gender: person.genderKnown ? data.gender(rng, person.gender) : '',
    birth_date: person.birth ? formatDate(person.birth, data.dateStyle(rng)) : '',
    email: person.email,
    phone: person.landline ? data.formatPhone(rng, person.landline) : '',
    mobile: data.formatPhone(rng, person.mobile),
    company: person.company ?? '',
    street: data.streetLine(rng, address, rng.chance(0.25)),
    city: data.cityName(rng, address.city),
    region: data.region(rng, address.city),
    postcode,
    country: data.country(rng),
    income: person.income === undefined ? '' : data.formatIncome(rng, person.income),
    // The exports carry the currency inside the income cell, as CRMs do; a standardised value moves it here.
    income_currency: '',
    created_at: formatTimestamp(created, tsStyle),
    updated_at: formatTimestamp(updated, tsStyle),
  };
}

/** A person's later records were created after their first one, in some other system or campaign. */
function recordCreated(rng: Rng, person: Person, referenceMs: number): number {
  if (rng.chance(0.5)) return person.firstSeen;
  return person.firstSeen + Math.floor(rng.float() * Math.max(DAY, referenceMs - person.firstSeen - DAY));
}
