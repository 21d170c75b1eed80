/**
 * Big projects are checked in id chunks that the threads take as they free
 * up. Whatever the interleaving, the merged result must be exactly what one
 * thread checking every customer in id order produces: the same per-record
 * arrays, the same issues in the same order, the same format names in the
 * order they first appear.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, addSource, type TestDb } from './test-db.ts';
import { checkChunks, checkRange } from '../../../main/quality/check-range.ts';
import { mergeRanges } from '../../../main/quality/merge-ranges.ts';
import type { RangeResult } from '../../../main/quality/accumulators.ts';
import type { CheckContext } from '../../../main/quality/check-record.ts';

const fields = ['source_record_id', 'full_name', 'gender', 'birth_date', 'email', 'phone', 'country', 'postcode', 'income', 'updated_at'];
const countries = ['DE', 'Germany', 'US', 'USA', 'China', '中国', 'GB', 'Narnia', ''];
const phones = ['030 1234567', '+49 30 1234567', '(415) 555-0134', '415.555.0134', '+86 138 0013 8000', '13800138000', '000-000-0000', '12', '+44 7911 123456'];
const dates = ['1985-03-07', '07/03/1985', '07.03.1985', '1985年3月7日', '2085-01-01', 'soon', ''];

function customer(i: number): Record<string, string | number | null> {
  const pick = <T>(xs: T[], k: number) => xs[(i * k + (i >> 3)) % xs.length];
  return {
    source_record_id: `R${i % 97 === 0 ? 1 : i}`,
    full_name: pick(['Anna Smith', 'TEST', 'Li Na', 'Jo3 Bloggs', 'xxxx'], 7),
    gender: pick(['F', 'm', 'female', 'Male', '女', '?'], 5),
    birth_date: pick(dates, 3),
    email: pick(['anna@gmail.com', `u${i}@gmial.com`, `p${i}@example.com`, 'bad@@mail', `x${i % 50}@163.com`], 11),
    phone: pick(phones, 13),
    country: pick(countries, 17),
    postcode: pick(['10115', '94103', 'SW1A 1AA', '123', '100000'], 19),
    income: pick([52000, '52k', -5, '€48.000', 1e9, 'lots'], 23) as string | number,
    updated_at: pick(['2025-06-01T10:00:00Z', '01/02/2019 10:30', '2027-01-01', '2020-05-05 08:00:00'], 29),
  };
}

let t: TestDb;
let ctx: CheckContext;
beforeEach(() => {
  t = openTestDb();
  addSource(t.db, 'a.csv', fields, Array.from({ length: 700 }, (_, i) => customer(i)));
  addSource(t.db, 'b.csv', fields, Array.from({ length: 500 }, (_, i) => customer(i + 700)));
  ctx = { now: new Date('2026-01-01T00:00:00Z'), defaultCountry: 'US', fields, judgeTimeliness: true, references: new Map(), projectCountries: ['DE', 'US', 'CN', 'GB'] };
});
afterEach(() => t.cleanup());

/** The same result written out with format names instead of local codes, for comparison. */
function plain(r: RangeResult) {
  const formats = Object.fromEntries(Object.entries(r.formats).map(([f, x]) => [f, Array.from(x.codes.subarray(0, r.count), (c) => x.names[c])]));
  const arr = (a: Float64Array | Int32Array) => Array.from(a.subarray(0, r.count));
  return { count: r.count, ids: arr(r.ids), sourceOf: arr(r.sourceOf), missing: arr(r.missing), ageDays: arr(r.ageDays), incomes: arr(r.incomes), emailKeys: arr(r.emailKeys), phoneKeys: arr(r.phoneKeys), mobileKeys: arr(r.mobileKeys), recordIdKeys: arr(r.recordIdKeys), formats, issues: r.issues, confusion: r.confusion };
}

describe('chunked checking', () => {
  it('merges interleaved chunks of two threads into the one-thread result', () => {
    const single = checkRange(t.db, ctx, { fromId: 0, toId: 1200, checkCancelled: () => {} });
    expect(single.count).toBe(1200);
    const bounds = [0, 90, 200, 201, 333, 600, 640, 900, 1000, 1150, 1200];
    // Thread A takes chunks 0, 2, 3, 6, 9; thread B the rest, as a busy thread might leave them.
    const takeA = [0, 2, 3, 6, 9];
    const takeB = [1, 4, 5, 7, 8];
    const run = (take: number[]) => checkChunks(t.db, ctx, { bounds, nextChunk: () => take.shift() ?? -1, capacity: 10, batchSize: 64, checkCancelled: () => {} });
    const a = run(takeA);
    const b = run(takeB);
    const merged = mergeRanges([a, b]);
    expect(plain(merged)).toEqual(plain(single));
    // The first-seen order of format names (ties between formats go to the first seen) is the single thread's.
    for (const f of Object.keys(single.formats)) expect(merged.formats[f].names).toEqual(single.formats[f].names);
    expect(mergeRanges([b, a]).issues).toEqual(single.issues);
  });
});

describe('record-id repeats', () => {
  it('are found through hashed candidates exactly as the full SQL grouping finds them', async () => {
    const { profileProject } = await import('../../../main/quality/profile.ts');
    const { listIssues } = await import('../../../main/quality/issues-query.ts');
    const ids: (string | number | null)[] = ['A1', 'A1', ' A1', 'A1 ', 5, '5', 5, 5.0, '', '', null, null, '  ', '  ', 'x', 'X', 'x', 'ü', 'ü', 12345678901, 12345678901, 'R9'];
    const other = addSource(t.db, 'c.csv', ['source_record_id', 'full_name'], ids.map((id) => ({ source_record_id: id, full_name: 'Anna Smith' })));
    addSource(t.db, 'd.csv', ['source_record_id', 'full_name'], ids.slice(0, 8).map((id) => ({ source_record_id: id, full_name: 'Li Na' })));
    await profileProject(t.db, { now: new Date('2026-01-01T00:00:00Z'), defaultCountry: 'US' });
    const expected = t.db
      .prepare(
        `SELECT c.id, g.first, c.source_record_id AS value FROM customers c
         JOIN (SELECT source_id, source_record_id, MIN(id) AS first FROM customers
               WHERE source_record_id IS NOT NULL AND source_record_id <> '' GROUP BY source_id, source_record_id HAVING COUNT(*) > 1) g
           ON c.source_id = g.source_id AND c.source_record_id = g.source_record_id
         WHERE c.id <> g.first ORDER BY c.id`,
      )
      .all() as { id: number; first: number; value: string }[];
    const found = listIssues(t.db, { rule: 'duplicate_record_id' }).issues.map((i) => [i.customerId, i.message]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(found).toEqual(expected.map((r) => [r.id, { code: 'recordIdRepeated', params: { value: String(r.value), customer: r.first } }]));
    // The later members in c.csv: A1 once, 5 twice (5, 5.0 and 5; not the text "5"), "  ", x, ü and 12345678901 once each.
    expect(found.filter(([id]) => other.ids.includes(Number(id))).length).toBe(7);
  });
});
