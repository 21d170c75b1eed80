/**
 * Agreements that another agreement of the same pair already implies add no
 * evidence of their own, yet Fellegi–Sunter would count them again:
 *
 * - the region, when the city agrees: a city names its region, so "same
 *   region" after "same city" is one fact, not a second one (≈ 6 bits that
 *   namesakes in one city collected for nothing);
 * - an email whose local part is the same or nearly so, but not the address,
 *   when both names agree exactly: most addresses are made of the name
 *   (alejandro.ruiz62@… and alejandro.ruiz86@…), so two people of one name
 *   have look-alike addresses. u for these levels is estimated on random
 *   pairs, where look-alike addresses are rare (≈ 12 bits): among namesakes
 *   they are common. An exact address still counts.
 *
 * Only agreements (positive bits) are dropped; a disagreement stays evidence.
 * Measured on the bench:merge export (100,000 records): half of the false
 * links at 0.9 rested on one of these, none of a sample of the true ones.
 */
export interface ImpliedLevels {
  city: number;
  /** City levels that name the same place. */
  cityAgrees: readonly number[];
  region: number;
  email: number;
  /** Email levels "same local part" and "local part similar". */
  emailLookAlike: readonly number[];
  given: number;
  givenExact: number;
  family: number;
  familyExact: number;
}

export function impliedLevels(comps: readonly { name: string; levels: readonly string[] }[]): ImpliedLevels {
  const at = (name: string): number => comps.findIndex((c) => c.name === name);
  const levels = (c: number, names: string[]): number[] => (c < 0 ? [] : names.map((n) => comps[c].levels.indexOf(n)).filter((l) => l >= 0));
  const city = at('city');
  const email = at('email');
  const given = at('given_name');
  const family = at('family_name');
  return {
    city, cityAgrees: levels(city, ['exact', 'jaro-winkler ≥ 0.90']), region: at('region'),
    email, emailLookAlike: levels(email, ['same local part', 'local part jaro-winkler ≥ 0.95']),
    given, givenExact: levels(given, ['exact'])[0] ?? -1, family, familyExact: levels(family, ['exact'])[0] ?? -1,
  };
}

/** Sets the bits of implied agreements to 0; `levels[at + c]` is the pair's level of comparison c (no closure: runs per pair). */
export function dropImplied(bits: { [c: number]: number }, imp: ImpliedLevels, levels: ArrayLike<number>, at: number): void {
  if (imp.region >= 0 && imp.city >= 0 && bits[imp.region] > 0 && imp.cityAgrees.includes(levels[at + imp.city])) bits[imp.region] = 0;
  if (imp.email >= 0 && imp.given >= 0 && imp.family >= 0 && bits[imp.email] > 0 && imp.emailLookAlike.includes(levels[at + imp.email])
    && levels[at + imp.given] === imp.givenExact && levels[at + imp.family] === imp.familyExact) bits[imp.email] = 0;
}
