import type { LocaleData, PhoneNumber } from '../locales/locale-data.ts';
import type { Rng } from '../prng.ts';
import type { Person } from './person.ts';
import { e164 } from './truth.ts';
import { isFree, type RecordDraft } from './variation-helpers.ts';

/**
 * Spellings drawn from the second stream (PeopleContext.fmt): each leaves the
 * main stream's draws as they were, so records they do not touch come out
 * exactly as before they existed. Every one of them is a legitimate spelling
 * of the true value, not a defect.
 */

/** Numbers kept as E.164 (+4915112345678), as systems that normalise on entry (and their exports) hold them. */
export const E164_SHARE = 0.03;

/** Country cells: ISO alpha-3 (DEU), lower case (germany), upper case (GERMANY), a stray space. */
export const COUNTRY_SHARES = { alpha3: 0.015, lower: 0.015, upper: 0.01, space: 0.01 } as const;

/** Email cells: Capitalised.Parts@gmail.com, ALL CAPS, a space before or after. */
export const EMAIL_SHARES = { capitalised: 0.012, upper: 0.006, space: 0.01 } as const;

export function phoneCell(rng: Rng, fmt: Rng, data: LocaleData, p: PhoneNumber): string {
  const national = data.formatPhone(rng, p);
  return fmt.chance(E164_SHARE) ? e164(data, p) : national;
}

export function countryCell(rng: Rng, fmt: Rng, data: LocaleData): string {
  const spelled = data.country(rng);
  let r = fmt.float();
  if ((r -= COUNTRY_SHARES.alpha3) < 0) return data.countryAlpha3;
  if ((r -= COUNTRY_SHARES.lower) < 0) return spelled.toLowerCase();
  if ((r -= COUNTRY_SHARES.upper) < 0) return spelled.toUpperCase();
  if ((r -= COUNTRY_SHARES.space) < 0) return fmt.chance(0.5) ? spelled + ' ' : ' ' + spelled;
  return spelled;
}

export function genderCell(rng: Rng, fmt: Rng, person: Person): string {
  if (!person.genderKnown) return '';
  const spelled = person.data.gender(rng, person.gender);
  return person.otherGender ? fmt.pick(person.data.otherGender) : spelled;
}

/** Case and spaces a person or a form left on an address that is otherwise right; only on cells without a defect. */
export function emailNoise(d: RecordDraft): void {
  const email = d.values.email;
  if (email === '' || !isFree(d, 'email')) return;
  let r = d.people.fmt.float();
  if ((r -= EMAIL_SHARES.capitalised) < 0) {
    const at = email.indexOf('@');
    d.values.email = email.slice(0, at).replace(/(^|[._-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase()) + email.slice(at);
  }
  else if ((r -= EMAIL_SHARES.upper) < 0) d.values.email = email.toUpperCase();
  else if ((r -= EMAIL_SHARES.space) < 0) d.values.email = d.people.fmt.pick([` ${email}`, `${email} `, ` ${email} `]);
}
