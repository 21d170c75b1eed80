import { daysInMonth } from '../format/dates.ts';
import type { Ymd } from '../format/dates.ts';
import type { Rng } from '../prng.ts';
import { birthDate, claimEmail, makePerson, randomAge, ymdKey, type Household, type PeopleContext, type Person } from './person.ts';

/**
 * A second person at a household's address: the hard negative for
 * de-duplication. Same street, same landline, often the same surname, but a
 * different given name and birth date, and never the same entity.
 */
export function makeHouseholdMember(ctx: PeopleContext, head: Person, serial: number): Person {
  const { rng } = ctx;
  const data = head.data;
  const household = head.household!;
  const base = makePerson(ctx, data, serial);
  const child = rng.chance(0.4) && head.birth !== undefined && head.birth.y + 22 <= ctx.referenceYear - 16;
  const member: Person = {
    ...base,
    address: head.address,
    landline: head.landline,
    household,
    family: memberFamily(ctx, head, base.family, child),
    given: distinctGiven(ctx, household, base),
  };
  if (child && head.birth) {
    member.birth = birthDate(rng, ctx.referenceYear, ctx.referenceYear - (head.birth.y + rng.int(22, Math.min(38, ctx.referenceYear - 16 - head.birth.y))));
  } else if (head.birth) {
    const y = Math.min(ctx.referenceYear - 18, head.birth.y + rng.int(-6, 6));
    const m = rng.int(1, 12);
    member.birth = { y, m, d: rng.int(1, daysInMonth(y, m)) };
  } else {
    member.birth = birthDate(rng, ctx.referenceYear, randomAge(rng));
  }
  member.birth = distinctBirth(rng, household, member.birth);
  joinHousehold(household, data.nicknames, member.given, member.birth);
  // Families sometimes share one mailbox: a shared email is not proof of one person.
  member.email = rng.chance(0.05)
    ? head.email
    : claimEmail(ctx, data.emailLocal(rng, data.romanise(member.given), data.romanise(member.family), member.birth.y), data.emailDomain(rng));
  return member;
}

function memberFamily(ctx: PeopleContext, head: Person, own: string, child: boolean): string {
  const { rng } = ctx;
  switch (head.locale) {
    // Married women keep their surnames in China and Spain; children take the father's (first) surname.
    case 'zh-CN':
      return child && rng.chance(0.85) ? head.family : own;
    case 'es-ES':
      return child ? `${head.family.split(' ')[0]} ${own.split(' ')[0]}` : own;
    default:
      return rng.chance(child ? 0.95 : 0.75) ? head.family : own;
  }
}

/** Records a member's given name (with its familiar forms) and birth date as taken. */
export function joinHousehold(household: Household, nicknames: Readonly<Record<string, readonly string[]>>, given: string, birth: Ymd | undefined): void {
  household.size++;
  household.givenNames.add(given);
  for (const n of nicknames[given] ?? []) household.givenNames.add(n);
  if (birth) household.births.add(ymdKey(birth));
}

/** A given name no one in the household has, not even as a nickname (Robert and Bob are one person). */
function distinctGiven(ctx: PeopleContext, household: Household, base: Person): string {
  const data = base.data;
  const taken = (g: string) => household.givenNames.has(g) || (data.nicknames[g] ?? []).some((n) => household.givenNames.has(n));
  let given = base.given;
  for (let tries = 0; tries < 50 && taken(given); tries++) given = ctx.rng.pick(base.gender === 'M' ? data.givenMale : data.givenFemale);
  // Name lists are far longer than any household, so a free name is always found; fail loudly if not.
  if (taken(given)) throw new Error(`no free given name in household ${household.id}`);
  return given;
}

/** Members never share a birth date: twins would be indistinguishable from a duplicate without more data. */
function distinctBirth(rng: Rng, household: Household, birth: Ymd): Ymd {
  let b = birth;
  while (household.births.has(ymdKey(b))) b = { ...b, d: rng.int(1, daysInMonth(b.y, b.m)) };
  return b;
}
