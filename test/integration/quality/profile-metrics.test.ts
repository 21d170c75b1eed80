/**
 * Each formula on a fixture small enough to compute by hand, in a real
 * SQLite file. The expected numbers are worked out in the comments.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, addSource, type TestDb } from './test-db.ts';
import { profileProject } from '../../../main/quality/profile.ts';
import { queryIssues } from '../../../main/quality/issues-query.ts';
import { addReferenceValues, markVerified } from '../../../main/quality/reference.ts';
import { listSnapshots } from '../../../main/quality/snapshots.ts';

const now = new Date('2025-07-01T00:00:00Z');
const fields = ['source_record_id', 'full_name', 'email', 'phone', 'country', 'postcode', 'birth_date', 'income', 'updated_at'];

// Source A (crm.csv), 4 customers:
//  a1 complete and valid.
//  a2 name "TEST" (placeholder), email blank, birth date in the future, income negative, updated 2 years ago.
//  a3 email gmial.com (typo), phone +49 on a CN record (country mismatch), postcode 12345 for CN (fits US/DE → mismatch), same record id as a2.
//  a4 same email as a1 (duplicate), phone "000-000-0000" (placeholder), no update date.
const sourceA = [
  { source_record_id: 'A1', full_name: 'Wang Wei', email: 'wang.wei@163.com', phone: '+86 138 0013 8000', country: '中国', postcode: '100000', birth_date: '1985-03-07', income: 50000, updated_at: '2025-06-01' },
  { source_record_id: 'A2', full_name: 'TEST', email: '', phone: '+86 139 1234 5678', country: 'China', postcode: '200120', birth_date: '2085-03-07', income: -100, updated_at: '2023-06-01' },
  { source_record_id: 'A2', full_name: 'Li Na', email: 'li.na@gmial.com', phone: '+49 30 1234567', country: 'CN', postcode: '12345', birth_date: '1990-01-02', income: 60000, updated_at: '2025-01-15' },
  { source_record_id: 'A4', full_name: 'Zhang San', email: 'WANG.WEI@163.com', phone: '000-000-0000', country: 'CN', postcode: '510000', birth_date: '1979-12-31', income: 55000, updated_at: null },
];
// Source B (shop.csv), 2 customers, US: b1 valid; b2 phone too short, birth date 1850 (age 175), country "Narnia".
const sourceB = [
  { source_record_id: 'B1', full_name: 'Anna Smith', email: 'anna@gmail.com', phone: '(415) 555-0134', country: 'USA', postcode: '94103', birth_date: '07/03/1985', income: '52,000.00', updated_at: '2025-05-01' },
  { source_record_id: 'B2', full_name: 'Bob Jones', email: 'bob@yahoo.com', phone: '555-01', country: 'Narnia', postcode: '94103', birth_date: '1850-01-01', income: 48000, updated_at: '2025-04-01' },
];

let t: TestDb;
let a: { sourceId: number; ids: number[] };
let b: { sourceId: number; ids: number[] };
beforeEach(() => {
  t = openTestDb();
  a = addSource(t.db, 'crm.csv', fields, sourceA);
  b = addSource(t.db, 'shop.csv', fields, sourceB);
});
afterEach(() => t.cleanup());

describe('metrics on a hand-computed fixture', () => {
  it('completeness = 1 − missing / total, placeholders counted as missing', async () => {
    const r = await profileProject(t.db, { now, defaultCountry: 'US' });
    // Missing cells: a2 full_name (TEST), a2 email (blank), a4 phone (placeholder), a4 updated_at (null) = 4 of 6 × 9 = 54.
    expect(r.metrics.overall.completeness).toMatchObject({ bad: 4, denominator: 54, numerator: 50 });
    expect(r.metrics.overall.completeness.value).toBeCloseTo(50 / 54, 10);
    expect(r.metrics.byField.email.completeness.value).toBeCloseTo(5 / 6, 10);
    expect(r.metrics.bySource[String(a.sourceId)].completeness.value).toBeCloseTo(32 / 36, 10);
    expect(r.metrics.bySource[String(b.sourceId)].completeness.value).toBe(1);
    expect(r.metrics.overall.completeness.formula).toContain('1 − missing / total');
  });

  it('validity = valid / present', async () => {
    const r = await profileProject(t.db, { now, defaultCountry: 'US' });
    // Invalid: a2 birth future, a2 income negative, a3 email typo, b2 phone, b2 birth (age 175), b2 country = 6.
    // Present cells in validity fields (full_name, email, phone, country, postcode, birth_date, income, updated_at): 6×8 − 4 missing = 44.
    expect(r.metrics.overall.validity).toMatchObject({ bad: 6, denominator: 44 });
    expect(r.metrics.byField.email.validity).toMatchObject({ bad: 1, denominator: 5 });
    expect(r.metrics.byField.birth_date.validity.value).toBeCloseTo(4 / 6, 10);
    expect(r.metrics.byField.country.validity.value).toBeCloseTo(5 / 6, 10);
  });

  it('consistency = consistent / present, cross-field agreement included', async () => {
    const r = await profileProject(t.db, { now, defaultCountry: 'US' });
    // phone: a3 +49 on a CN record. postcode: a3 12345 is not CN. country in A is written 中国 / China / CN / CN → dominant "ISO alpha-2", 2 differ.
    expect(r.metrics.byField.phone.consistency.bad).toBe(1);
    expect(r.metrics.byField.postcode.consistency.bad).toBe(1);
    expect(r.metrics.byField.country.consistency).toMatchObject({ bad: 2, denominator: 6 });
    expect(queryIssues(t.db, { field: 'phone', dimension: 'consistency' })).toEqual([a.ids[2]]);
  });

  it('timeliness = updated within the window / total, with the age histogram', async () => {
    const r = await profileProject(t.db, { now, defaultCountry: 'US', timelinessDays: 365 });
    // Not timely: a2 (2023-06-01, 761 days) and a4 (no date) → 4 of 6.
    expect(r.metrics.overall.timeliness).toMatchObject({ bad: 2, numerator: 4, denominator: 6 });
    expect(r.metrics.overall.timeliness.formula).toContain('365 days');
    const total = r.metrics.ageHistogram.reduce((n, bucket) => n + bucket.count, 0);
    expect(total).toBe(6);
    expect(r.metrics.ageHistogram.find((h) => h.label === 'no date')?.count).toBe(1);
    const shortWindow = await profileProject(t.db, { now, timelinessDays: 60, defaultCountry: 'US' });
    // Within 60 days: a1 (30), b1 (61? no: 2025-05-01 is 61 days) → only a1.
    expect(shortWindow.metrics.overall.timeliness.numerator).toBe(1);
  });

  it('uniqueness = 1 − duplicates / present: record id within a source, email, phone', async () => {
    const r = await profileProject(t.db, { now, defaultCountry: 'US' });
    expect(r.metrics.byField.source_record_id.uniqueness).toMatchObject({ bad: 1, denominator: 6 });
    expect(r.metrics.byField.email.uniqueness).toMatchObject({ bad: 1, denominator: 5 });
    expect(queryIssues(t.db, { rule: 'duplicate_email' })).toEqual([a.ids[3]]);
    expect(queryIssues(t.db, { rule: 'duplicate_record_id' })).toEqual([a.ids[2]]);
  });

  it('accuracy is null with a reason when there is no reference', async () => {
    const r = await profileProject(t.db, { now, defaultCountry: 'US' });
    expect(r.metrics.overall.accuracy.value).toBeNull();
    expect(r.metrics.overall.accuracy.reason).toMatch(/not measured/);
  });

  it('accuracy = (TP + TN) / (TP + TN + FP + FN) against reference values', async () => {
    addReferenceValues(t.db, [
      { customerId: a.ids[0], field: 'email', value: 'wang.wei@163.com' }, // TP
      { customerId: a.ids[1], field: 'email', value: 'li@qq.com' }, // FN: record blank
      { customerId: a.ids[2], field: 'email', value: 'li.na@gmail.com' }, // FP: differs
      { customerId: b.ids[0], field: 'phone', value: '+1 415 555 0134' }, // TP: same number, other format
      { customerId: b.ids[1], field: 'company', value: null }, // company not mapped: no cell in scope, still compared
    ], 'verified.csv');
    markVerified(t.db, [a.ids[3]], { fields: ['full_name'], by: 'steward' }); // TP: frozen value
    const r = await profileProject(t.db, { now, defaultCountry: 'US' });
    const acc = r.metrics.overall.accuracy;
    // Over the mapped fields: TP 3 (a1 email, b1 phone, a4 name), FN 1, FP 1, TN 0 → 3 / 5.
    expect(acc.confusion).toEqual({ tp: 3, tn: 0, fp: 1, fn: 1 });
    expect(acc.value).toBeCloseTo(3 / 5, 10);
    expect(queryIssues(t.db, { dimension: 'accuracy' })).toEqual([a.ids[1], a.ids[2]]);
  });

  it('every per-field count equals the drill-down list', async () => {
    const r = await profileProject(t.db, { now, defaultCountry: 'US' });
    for (const [field, dm] of Object.entries(r.metrics.byField)) {
      for (const [dimension, m] of Object.entries(dm)) {
        if (m.value === null || dimension === 'accuracy') continue;
        expect(queryIssues(t.db, { field, dimension: dimension as never }).length, `${field} ${dimension}`).toBe(m.bad);
      }
    }
    expect(queryIssues(t.db, { sourceId: b.sourceId, dimension: 'validity' })).toEqual([b.ids[1]]);
  });

  it('takes a snapshot per run for the trend', async () => {
    await profileProject(t.db, { now, defaultCountry: 'US', reason: 'import' });
    await profileProject(t.db, { now: new Date('2025-07-02T00:00:00Z'), defaultCountry: 'US' });
    const snaps = listSnapshots(t.db);
    expect(snaps.map((s) => s.reason)).toEqual(['import', 'on_demand']);
    expect(snaps[0].metrics.overall.completeness.value).toBeCloseTo(50 / 54, 10);
  });
});
