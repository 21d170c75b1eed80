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
 *
 * A different birth date is a conflict on its own. A different given name is
 * one unless the birth dates agree exactly: relatives rarely share a birth
 * date (twins), while a duplicate with a mistyped or anglicised given name
 * usually keeps it.
 */
// Codes read inline by score.ts's pairWeight too.
export const STRONG = 1;
export const WEAK = 2;
export const CONFIRMS = 3;
const CONFLICT_LEVELS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  given_name: { different: WEAK },
  birth_date: { different: STRONG, exact: CONFIRMS },
};

/** conflict[c][level]: STRONG, WEAK, CONFIRMS or 0 for that level of comparison c. */
export function conflictTable(comps: readonly { name: string; levels: readonly string[] }[]): Uint8Array[] {
  return comps.map((c) => Uint8Array.from(c.levels, (l) => CONFLICT_LEVELS[c.name]?.[l] ?? 0));
}

/** True when the pair's levels say "a different person" (see CONFLICT_LEVELS). */
export function hasConflict(conflict: readonly Uint8Array[], levelOf: (c: number) => number): boolean {
  let weak = false;
  let confirmed = false;
  for (let c = 0; c < conflict.length; c++) {
    const v = conflict[c][levelOf(c)];
    if (v === STRONG) return true;
    if (v === WEAK) weak = true;
    else if (v === CONFIRMS) confirmed = true;
  }
  return weak && !confirmed;
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

/**
 * Given and family name both on their "swapped" level say that the two boxes
 * were exchanged: after un-swapping, both names agree exactly. So for a
 * conflict pair the two count what exact agreement on both would (≈ 17 bits)
 * rather than the swapped levels' ≈ 29, whose tiny u re-counts the rarity of
 * the exchange twice; otherwise two namesakes, one typed family-name-first,
 * outweigh a different birth date. Pairs whose person fields agree keep the
 * swapped levels (the labelled sets' swapped duplicates need them).
 */
export interface SwapLevels {
  given: number;
  family: number;
  /** Level indices: swapped and exact, for the given and the family name. */
  gSwap: number;
  fSwap: number;
  gExact: number;
  fExact: number;
}

export function swapLevels(comps: readonly { name: string; levels: readonly string[] }[]): SwapLevels {
  const given = comps.findIndex((c) => c.name === 'given_name');
  const family = comps.findIndex((c) => c.name === 'family_name');
  const level = (c: number, name: string): number => (c < 0 ? -1 : comps[c].levels.indexOf(name));
  return {
    given, family, gSwap: level(given, 'swapped with family name'), fSwap: level(family, 'swapped with given name'),
    gExact: level(given, 'exact'), fExact: level(family, 'exact'),
  };
}

export const NO_SWAP: SwapLevels = { given: -1, family: -1, gSwap: -1, fSwap: -1, gExact: -1, fExact: -1 };

/** For a conflict pair with both names swapped: both names' bits become their exact-level weights. */
export function countSwapAsExact(bits: { [c: number]: number }, swap: SwapLevels, levelOf: (c: number) => number, weightOf: (c: number, level: number) => number): void {
  if (swap.given < 0 || swap.family < 0) return;
  if (levelOf(swap.given) !== swap.gSwap || levelOf(swap.family) !== swap.fSwap) return;
  bits[swap.given] = weightOf(swap.given, swap.gExact);
  bits[swap.family] = weightOf(swap.family, swap.fExact);
}
