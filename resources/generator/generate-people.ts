import { LOCALES } from './locales/index.ts';
import { varyDuplicate } from './people/duplicate-variation.ts';
import { HashSet32 } from './people/hash-set.ts';
import { joinHousehold, makeHouseholdMember } from './people/household.ts';
import { injectErrors } from './people/inject-errors.ts';
import { makePerson, type PeopleContext, type Person } from './people/person.ts';
import { renderRecord } from './people/render-record.ts';
import { emailNoise } from './people/spellings.ts';
import { recordTruth } from './people/truth.ts';
import type { RecordDraft } from './people/variation-helpers.ts';
import { deriveSeed, Rng, weighted, type Picker } from './prng.ts';
import { ALL_LOCALES, type GenerateOptions, type GeneratedCustomer, type Locale } from './types.ts';

export { mulberry32, Rng } from './prng.ts';
export type { CellTruth, ErrorKind, GeneratedCustomer, GenerateOptions, InjectedError, Locale, RecordRole, RecordTruth, TruthField } from './types.ts';

/** The data set's "today": fixed so a seed always gives the same file, and in the past so no timestamp is in the future. */
export const DEFAULT_REFERENCE_DATE = new Date('2026-10-01T00:00:00Z');

/**
 * How many earlier people stay eligible for repeats. A uniform reservoir
 * sample keeps memory flat at 1M rows while letting a repeat land anywhere
 * later in the file, not only next to the original.
 */
const POOL_SIZE = 20_000;

/** Households are drawn through their first member only, so early ones do not snowball; and none grows past this. */
const MAX_HOUSEHOLD = 6;

/**
 * Yields `count` customer records with ground truth. Deterministic: the same
 * options always give the same records in the same order.
 */
export function* generateCustomers(opts: GenerateOptions): Generator<GeneratedCustomer> {
  const duplicateRate = opts.duplicateRate ?? 0.12;
  const householdRate = opts.householdRate ?? 0.06;
  const errorRate = opts.errorRate ?? 0.08;
  const reference = opts.referenceDate ?? DEFAULT_REFERENCE_DATE;
  const rng = new Rng(deriveSeed(opts.seed, 'people'));
  const fmt = new Rng(deriveSeed(opts.seed, 'spellings'));
  const people: PeopleContext = { rng, fmt, referenceMs: reference.getTime(), referenceYear: reference.getUTCFullYear(), emailHashes: new HashSet32() };
  const pickLocale = localePicker(opts);
  // Enough heads start a household that household members always find one.
  const householdStart = Math.min(0.9, householdRate * 1.5);

  const pool: Person[] = [];
  const households: Person[] = [];
  let seen = 0;
  let householdsSeen = 0;
  let serial = 0;
  let householdSerial = 0;

  for (let i = 0; i < opts.count; i++) {
    const r = rng.float();
    let person: Person;
    let role: GeneratedCustomer['role'];
    const head = r >= duplicateRate && r < duplicateRate + householdRate ? openHousehold(rng, households) : null;
    if (r < duplicateRate && pool.length > 0) {
      person = rng.pick(pool);
      role = 'duplicate';
    } else if (head) {
      person = makeHouseholdMember(people, head, ++serial);
      role = 'household_member';
    } else {
      person = makePerson(people, LOCALES[pickLocale(rng)], ++serial);
      if (rng.chance(householdStart)) {
        person.household = { id: `H${String(++householdSerial).padStart(7, '0')}`, size: 0, givenNames: new Set(), births: new Set() };
        joinHousehold(person.household, person.data.nicknames, person.given, person.birth);
        householdsSeen = reservoirAdd(rng, households, person, ++householdsSeen);
        person.landline ??= person.data.landline(rng, person.address.city, person.serial);
      }
      role = 'original';
    }
    if (role !== 'duplicate') seen = reservoirAdd(rng, pool, person, ++seen);

    const { values, shown } = renderRecord(rng, fmt, person, `R${i + 1}`, people.referenceMs);
    const draft: RecordDraft = { rng, people, person, values, errors: [], touched: 0, shown };
    if (role === 'duplicate') varyDuplicate(draft);
    if (rng.chance(errorRate)) injectErrors(draft);
    emailNoise(draft);
    yield { entityId: person.entityId, householdId: person.household?.id, role, locale: person.locale, values, errors: draft.errors, truth: recordTruth(draft) };
  }
}

/** A household's first member, if the drawn household still has room. */
function openHousehold(rng: Rng, households: Person[]): Person | null {
  if (households.length === 0) return null;
  const head = rng.pick(households);
  return head.household!.size < MAX_HOUSEHOLD ? head : null;
}

/** Algorithm R: after n items, each has a POOL_SIZE/n chance to be in the pool. Returns n. */
function reservoirAdd<T>(rng: Rng, pool: T[], item: T, n: number): number {
  if (pool.length < POOL_SIZE) pool.push(item);
  else {
    const j = Math.floor(rng.float() * n);
    if (j < POOL_SIZE) pool[j] = item;
  }
  return n;
}

function localePicker(opts: GenerateOptions): Picker<Locale> {
  const weights = opts.localeWeights;
  // Explicit locales win; otherwise the weighted ones; otherwise all, equally.
  const locales = opts.locales?.length ? opts.locales : weights ? (Object.keys(weights) as Locale[]).filter((l) => (weights[l] ?? 0) > 0) : ALL_LOCALES;
  return weighted(locales.map((l) => [l, weights?.[l] ?? 1] as const));
}
