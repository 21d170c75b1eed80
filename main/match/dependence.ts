/**
 * Fields that describe one household rather than one person: family name,
 * street, postcode, city, region and the (landline) phone. Fellegi–Sunter
 * assumes comparisons are independent given the match status, and for these
 * fields that is badly wrong among NON-matches: people who live together
 * agree on all of them at once. Summing their weights counts "same
 * household" five or six times (≈ 60 bits), which no different given name or
 * birth date can outweigh, so spouses and children were linked.
 *
 * Assumption used instead: within the group the fields are fully dependent,
 * so the group's evidence is that of its single most telling agreement (the
 * largest positive weight) plus its single most telling disagreement (the
 * most negative weight; moving house changes street, postcode and city
 * together, which is also one fact). This under-counts a little when two
 * fields agree independently, which costs recall only where the person
 * fields (given name, birth date, email) say nothing.
 */
export const HOUSEHOLD_FIELDS: ReadonlySet<string> = new Set(['street', 'postcode', 'city', 'region', 'phone']);

/**
 * Levels that say "a different person": the dependence matters for pairs
 * showing one of them (relatives), so only those pairs have the household
 * fields combined. Pairs whose person fields agree keep the plain sum: among
 * them relatives are already ruled out, and the labelled sets show the
 * address fields then add up as independent errors would (summing them there
 * keeps FEBRL, historical and Chicago recall).
 */
const CONFLICT_LEVELS: Readonly<Record<string, readonly string[]>> = {
  given_name: [],
  birth_date: ['different'],
};

/** conflict[c][level] = 1 when that level of comparison c says "a different person". */
export function conflictTable(comps: readonly { name: string; levels: readonly string[] }[]): Uint8Array[] {
  return comps.map((c) => Uint8Array.from(c.levels, (l) => (CONFLICT_LEVELS[c.name]?.includes(l) ? 1 : 0)));
}

/** True when any comparison of the pair sits on a conflict level. */
export function hasConflict(conflict: readonly Uint8Array[], levelOf: (c: number) => number): boolean {
  for (let c = 0; c < conflict.length; c++) if (conflict[c][levelOf(c)]) return true;
  return false;
}

/** Per comparison: true when it belongs to the household group. */
export function householdMask(names: readonly string[]): Uint8Array {
  return Uint8Array.from(names, (n) => (HOUSEHOLD_FIELDS.has(n) ? 1 : 0));
}

/**
 * Total weight of one pair from its per-comparison bits: independent
 * comparisons add; with a conflict, household ones contribute
 * max(positive) + min(negative).
 * `counted[c]` (when given) receives the bits comparison c actually adds, for
 * the waterfall.
 */
export function combineBits(bits: ArrayLike<number>, household: Uint8Array, conflict: boolean, counted?: number[]): number {
  let w = 0;
  if (!conflict) {
    for (let c = 0; c < bits.length; c++) {
      w += bits[c];
      if (counted) counted[c] = bits[c];
    }
    return w;
  }
  let best = -1;
  let worst = -1;
  for (let c = 0; c < bits.length; c++) {
    if (counted) counted[c] = 0;
    const b = bits[c];
    if (!household[c]) {
      w += b;
      if (counted) counted[c] = b;
    } else if (b > 0 && (best < 0 || b > bits[best])) best = c;
    else if (b < 0 && (worst < 0 || b < bits[worst])) worst = c;
  }
  if (best >= 0) w += bits[best];
  if (worst >= 0) w += bits[worst];
  if (counted && best >= 0) counted[best] = bits[best];
  if (counted && worst >= 0) counted[worst] = bits[worst];
  return w;
}
