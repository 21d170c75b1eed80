import { daysInMonth } from '../format/dates.ts';
import { birthDate, claimEmail, makePerson, randomAge, type PeopleContext, type Person } from './person.ts';

/**
 * A second person at a household's address: the hard negative for
 * de-duplication. Same street, same landline, often the same surname, but a
 * different given name and birth date, and never the same entity.
 */
export function makeHouseholdMember(ctx: PeopleContext, head: Person, serial: number): Person {
  const { rng } = ctx;
  const data = head.data;
  const base = makePerson(ctx, data, serial);
  const child = rng.chance(0.4) && head.birth !== undefined && head.birth.y + 22 <= ctx.referenceYear - 16;
  const member: Person = {
    ...base,
    address: head.address,
    landline: head.landline,
    householdId: head.householdId,
    family: memberFamily(ctx, head, base.family, child),
    given: distinctGiven(ctx, head, base),
  };
  if (child && head.birth) {
    member.birth = birthDate(rng, ctx.referenceYear, ctx.referenceYear - (head.birth.y + rng.int(22, Math.min(38, ctx.referenceYear - 16 - head.birth.y))));
  } else if (head.birth) {
    const y = Math.min(ctx.referenceYear - 18, head.birth.y + rng.int(-6, 6));
    const m = rng.int(1, 12);
    member.birth = { y, m, d: rng.int(1, daysInMonth(y, m)) };
    if (member.birth.y === head.birth.y && member.birth.m === head.birth.m && member.birth.d === head.birth.d) member.birth.y -= 1;
  } else {
    member.birth = birthDate(rng, ctx.referenceYear, randomAge(rng));
  }
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

function distinctGiven(ctx: PeopleContext, head: Person, base: Person): string {
  const data = head.data;
  const related = new Set([head.given, ...(data.nicknames[head.given] ?? [])]);
  let given = base.given;
  for (let tries = 0; tries < 20 && (related.has(given) || (data.nicknames[given] ?? []).some((n) => related.has(n))); tries++) {
    given = ctx.rng.pick(base.gender === 'M' ? data.givenMale : data.givenFemale);
  }
  return given;
}
