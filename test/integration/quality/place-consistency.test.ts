/**
 * Postcode ↔ city / region agreement, learnt from the project's records:
 * hand-computed on a fixture (a typo'd city at a well-known postcode, two
 * spellings of one region, a postcode too rare to know, a postcode split
 * between two towns, customers in another country).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, addSource, type TestDb } from './test-db.ts';
import { profileProject } from '../../../main/quality/profile.ts';
import { listIssues } from '../../../main/quality/issues-query.ts';
import { issueText } from '../../../shared/i18n/issue-text.ts';
import { makeTranslate } from '../../../shared/i18n/translate.ts';
import { qualityText } from '../../../shared/i18n/quality-text.ts';

const now = new Date('2025-07-01T00:00:00Z');
const fields = ['source_record_id', 'full_name', 'city', 'region', 'postcode', 'country'];
const us = (id: string, city: string, region: string, postcode: string) => ({ source_record_id: id, full_name: `Customer ${id}`, city, region, postcode, country: 'US' });

const customers = [
  // 94105: four say San Francisco (one in capitals, one without the space: the same place), one says Oakland.
  us('1', 'San Francisco', 'CA', '94105'),
  us('2', 'SAN FRANCISCO', 'California', '94105'),
  us('3', 'SanFrancisco', 'CA', '94105'),
  us('4', 'San Francisco', 'California', '94105'),
  us('5', 'Oakland', 'NV', '94105'),
  // 10001: only two customers: too few to know the postcode's place.
  us('6', 'New York', 'NY', '10001'),
  us('7', 'Brooklyn', 'NY', '10001'),
  // 05401: split 2–2 between two towns: no place is known.
  us('8', 'Burlington', 'VT', '05401'),
  us('9', 'Burlington', 'VT', '05401'),
  us('10', 'Winooski', 'VT', '05401'),
  us('11', 'Winooski', 'VT', '05401'),
  // A German customer: postcodes are keyed with their country, so 10115 here is a group of its own.
  { source_record_id: '12', full_name: 'Kunde 12', city: 'Berlin', region: 'BE', postcode: '10115', country: 'DE' },
];

let t: TestDb;
let ids: number[];
beforeEach(() => {
  t = openTestDb();
  ids = addSource(t.db, 'crm.csv', fields, customers).ids;
});
afterEach(() => t.cleanup());

describe('postcode and place agreement', () => {
  it('flags the city that disagrees with what most customers at its postcode say, with their spelling as the fix', async () => {
    const { metrics } = await profileProject(t.db, { now });
    const cities = listIssues(t.db, { rule: 'postcode_city_mismatch' }).issues;
    expect(cities.map((i) => i.customerId)).toEqual([ids[4]]);
    expect(cities[0].field).toBe('city');
    expect(issueText(makeTranslate(qualityText.en), cities[0].field, cities[0].message)).toBe('city "Oakland" differs from "San Francisco", the city 4 of the 5 customers with postcode 94105 give');
    expect(cities[0].suggestion).toBe('San Francisco');
    // 12 present cities, 1 inconsistent.
    expect(metrics.byField.city.consistency).toMatchObject({ numerator: 11, denominator: 12, bad: 1 });
  });

  it('compares region codes with codes and names with names, so "CA" and "California" never disagree', async () => {
    await profileProject(t.db, { now });
    const regions = listIssues(t.db, { rule: 'postcode_region_mismatch' }).issues;
    // At 94105 the codes are CA, CA, NV: NV is the odd one; the names (California ×2) agree.
    expect(regions.map((i) => [i.customerId, i.suggestion])).toEqual([[ids[4], 'CA']]);
  });

  it('judges nothing when the project has no postcode column', async () => {
    const t2 = openTestDb();
    try {
      addSource(t2.db, 'no-postcode.csv', ['source_record_id', 'city'], customers.map(({ source_record_id, city }) => ({ source_record_id, city })));
      const { metrics } = await profileProject(t2.db, { now });
      expect(metrics.byRule.some((r) => r.rule === 'postcode_city_mismatch')).toBe(false);
      expect(metrics.byField.city.consistency.value).toBeNull();
    } finally {
      t2.cleanup();
    }
  });
});
