/**
 * A small deterministic population with known duplicates for engine tests:
 * people with typo'd, reformatted duplicates, and one household of four
 * different people sharing surname, address and landline.
 */
import type { MatchRecord } from '../../../main/match/types.ts';
import { rng } from '../../../main/lib/seeded-random.ts';

const GIVEN = ['james', 'mary', 'robert', 'patricia', 'john', 'jennifer', 'michael', 'linda', 'david', 'susan',
  'richard', 'jessica', 'joseph', 'sarah', 'thomas', 'karen', 'charles', 'nancy', 'daniel', 'lisa', 'oliver',
  'amelia', 'harry', 'isla', 'jack', 'ava', 'george', 'emily', 'noah', 'sophie', 'leo', 'grace', 'oscar', 'freya'];
const FAMILY = ['smith', 'jones', 'taylor', 'brown', 'williams', 'wilson', 'johnson', 'davies', 'robinson', 'wright',
  'thompson', 'evans', 'walker', 'white', 'roberts', 'green', 'hall', 'wood', 'jackson', 'clarke', 'patel', 'khan',
  'lewis', 'harris', 'martin', 'cooper', 'king', 'lee', 'baker', 'hughes', 'edwards', 'turner', 'hill', 'moore'];
const STREETS = ['high street', 'station road', 'main street', 'park road', 'church lane', 'victoria road', 'green lane'];

export interface Fixture {
  records: MatchRecord[];
  truth: number[];
  household: number[];
}

function typo(s: string, next: () => number): string {
  const i = 1 + Math.floor(next() * (s.length - 2));
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

export function makeFixture(people = 400, seed = 7): Fixture {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const records: MatchRecord[] = [];
  const truth: number[] = [];
  const add = (values: MatchRecord['values'], entity: number): void => {
    records.push({ id: records.length + 1, sourceId: 1, values });
    truth.push(entity);
  };
  for (let e = 0; e < people; e++) {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const y = 1940 + Math.floor(next() * 60);
    const m = 1 + Math.floor(next() * 12);
    const d = 1 + Math.floor(next() * 28);
    const dob = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const street = `${1 + Math.floor(next() * 200)} ${pick(STREETS)}`;
    const postcode = `${1000 + Math.floor(next() * 9000)}`;
    const email = `${given}.${family}${Math.floor(next() * 100)}@gmail.com`;
    add({ given_name: given, family_name: family, birth_date: dob, street, postcode, email }, e);
    if (next() < 0.5) {
      add({
        given_name: typo(given, next).toUpperCase(), family_name: family, birth_date: `${d}.${m}.${y}`,
        street: street.replace('street', 'St').replace('road', 'Rd'), postcode, email: email.replace('.', ''),
      }, e);
    }
  }
  const household: number[] = [];
  const members = [['paul', '1961-04-12'], ['anne', '1963-09-30'], ['lucy', '1990-01-05'], ['tom', '1993-07-21']];
  for (const [given, dob] of members) {
    household.push(records.length + 1);
    add({ given_name: given, family_name: 'fairweather', birth_date: dob, street: '12 acacia avenue', postcode: '4242' }, people + household.length);
  }
  return { records, truth, household };
}
