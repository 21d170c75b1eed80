import { customerFieldKeys, type CustomerFieldKey } from '../../../shared/domain/fields.ts';
import type { Rng } from '../prng.ts';
import type { CustomerTextValues, InjectedError } from '../types.ts';
import type { PeopleContext, Person } from './person.ts';
import type { Shown } from './truth.ts';

/** What a variation or an error injector may read and change for one record. */
export interface RecordDraft {
  rng: Rng;
  people: PeopleContext;
  person: Person;
  values: CustomerTextValues;
  errors: InjectedError[];
  /** Bit per field already carrying a defect (a bitmask, not a Set: one is made per record). */
  touched: number;
  /** What the cells were meant to say; variations that change a value keep it up to date. */
  shown: Shown;
}

const FIELD_BIT = Object.fromEntries(customerFieldKeys.map((k, i) => [k, 1 << i])) as Record<CustomerFieldKey, number>;

/** One defect per cell keeps the truth exact. */
export function isFree(draft: RecordDraft, field: CustomerFieldKey): boolean {
  return (draft.touched & FIELD_BIT[field]) === 0;
}

/** Sets the name fields together so full name, given and family never disagree by accident. */
export function setName(draft: RecordDraft, given: string, family: string, full?: string): void {
  draft.values.given_name = given;
  draft.values.family_name = family;
  draft.values.full_name = full ?? draft.person.data.fullName(given, family);
}

export function record(draft: RecordDraft, field: CustomerFieldKey, kind: InjectedError['kind']): void {
  draft.errors.push({ field, kind });
  draft.touched |= FIELD_BIT[field];
}

/** Fields a person may lack in one system; names, ids and timestamps are always there. */
const BLANKABLE: readonly CustomerFieldKey[] = [
  'email', 'mobile', 'phone', 'birth_date', 'street', 'city', 'postcode', 'region', 'country', 'gender', 'company', 'income',
];

/** Blanks a present, untouched field and records it as missing; false when none is left. */
export function blankOne(draft: RecordDraft, candidates: readonly CustomerFieldKey[] = BLANKABLE): boolean {
  const open = candidates.filter((f) => draft.values[f] !== '' && isFree(draft, f));
  if (open.length === 0) return false;
  const field = draft.rng.pick(open);
  draft.values[field] = '';
  record(draft, field, 'missing_value');
  return true;
}

/** Runs weighted steps until `count` of them applied (a step returns false when it does not fit the record). */
export function applySome(rng: Rng, steps: readonly (readonly [number, () => boolean])[], count: number): void {
  const remaining = [...steps];
  let applied = 0;
  while (applied < count && remaining.length > 0) {
    const total = remaining.reduce((s, [w]) => s + w, 0);
    let r = rng.float() * total;
    let i = 0;
    while (i < remaining.length - 1 && (r -= remaining[i][0]) >= 0) i++;
    const [, step] = remaining.splice(i, 1)[0];
    if (step()) applied++;
  }
}
