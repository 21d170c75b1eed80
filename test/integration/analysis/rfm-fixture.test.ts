import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeRfm } from '../../../main/analysis/rfm.ts';
import { rfmOverview, runRfm, saveRfmRules } from '../../../main/analysis/rfm-segments.ts';
import { importFiles } from '../../../main/ingest/import-files.ts';
import { writeBatch } from '../../../main/store/change-writer.ts';
import { openProject, type Db } from '../../../main/store/open-project.ts';
import { segmentOf, defaultRfmRules } from '../../../shared/domain/rfm-rules.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

const customersCsv = 'Customer ID,First Name,Last Name,Email\nC1,Ada,Lovelace,ada@example.com\nC2,Alan,Turing,alan@example.com\nC3,Grace,Hopper,grace@example.com\nC4,Edsger,Dijkstra,edsger@example.com\nC5,Barbara,Liskov,barbara@example.com\n';

// As of 2026-06-30. Dates and amounts are written as exports write them; the standardisers read them.
const transactionsCsv = [
  'Customer ID,Order Date,Amount,Currency,Type,Product',
  'C1,2026-06-20,100.00,EUR,Purchase,Lamp',
  'C1,01/05/2026,"€50,00",,Purchase,Shade', // day-first: 1 May; the amount's sign gives the currency
  'C1,2026-06-25,20,eur,Refund,Shade',
  'C2,15.01.2026,40,EUR,Purchase,Desk',
  'C2,2026-07-05,999,EUR,Purchase,Chair', // after the as-of date: not yet known
  'C3,2026-06-29,10,EUR,Purchase,Pen',
  'C3,2026-06-28,10,EUR,Purchase,Pen',
  'C3,2026年6月27日,10,EUR,Purchase,Pen',
  'C3,someday,5,EUR,Purchase,Pen', // undated: left out, counted
  'C4,2025-06-30,200,USD,Purchase,Sofa',
  'C5,2026-03-01,-15,EUR,,Voucher', // a negative amount is a refund: C5 has no purchase
  'C9,2026-06-01,70,EUR,Purchase,Rug', // no such customer: listed as not found
].join('\n');

async function fixture(): Promise<{ db: Db; ids: Record<string, number> }> {
  const dir = tempDir();
  const db = openProject(join(dir, 'p.crmsteward'), { create: true });
  writeFileSync(join(dir, 'crm.csv'), customersCsv);
  writeFileSync(join(dir, 'orders.csv'), transactionsCsv);
  const files = await importFiles(db, [{ path: join(dir, 'crm.csv') }, { path: join(dir, 'orders.csv') }]);
  expect(files.map((f) => f.entity)).toEqual(['customer', 'transaction']);
  const ids = Object.fromEntries((db.prepare('SELECT source_record_id, id FROM customers').raw().all() as [string, number][]));
  return { db, ids };
}

describe('RFM on a fixture worked out by hand', () => {
  it('reads dates and amounts with the standardisers and keeps the cells as given', async () => {
    const { db } = await fixture();
    const rows = db.prepare('SELECT txn_date, amount, txn_day, amount_value, amount_currency, is_refund FROM transactions ORDER BY id').all();
    expect(rows.slice(0, 3)).toEqual([
      { txn_date: '2026-06-20', amount: 100, txn_day: '2026-06-20', amount_value: 100, amount_currency: 'EUR', is_refund: 0 },
      { txn_date: '01/05/2026', amount: '€50,00', txn_day: '2026-05-01', amount_value: 50, amount_currency: 'EUR', is_refund: 0 },
      { txn_date: '2026-06-25', amount: 20, txn_day: '2026-06-25', amount_value: 20, amount_currency: 'EUR', is_refund: 1 },
    ]);
    expect(rows[7]).toMatchObject({ txn_day: '2026-06-27' });
    expect(rows[8]).toMatchObject({ txn_day: null });
    expect(rows[10]).toMatchObject({ amount_value: -15, is_refund: 1 });
  });

  it('computes recency, frequency, monetary, quintile scores and segments', async () => {
    const { db, ids } = await fixture();
    const run = computeRfm(db, { asOf: '2026-06-30', per: 'customer' });
    // C1: last purchase 20 June → 10 days; 2 purchases; 100 + 50 − 20 = 130 EUR.
    // C2: 15 January → 16 + 28 + 31 + 30 + 31 + 30 = 166 days; the July order is after the as-of date.
    // C3: 29 June → 1 day; 3 dated purchases of 10 (the undated one is left out).
    // C4: 30 June 2025 → 365 days; its USD cannot be added to euros without a rate: monetary 0.
    // C5 only has a refund: not scored. Base currency EUR: most purchases are in it.
    // Scores over n = 4, 1 + floor(5·w/4) with w = how many are strictly worse:
    //   R (w = longer ago): C1 w=2 → 3, C2 w=1 → 2, C3 w=3 → 4, C4 w=0 → 1
    //   F (w = fewer):      C1 w=2 → 3, C2 w=0 → 1, C3 w=3 → 4, C4 w=0 → 1
    //   M (w = less):       C1 w=3 → 4, C2 w=2 → 3, C3 w=1 → 2, C4 w=0 → 1
    expect(run.currency).toBe('EUR');
    expect(run.rows).toEqual([
      { entityId: ids.C1, recencyDays: 10, frequency: 2, monetary: 130, r: 3, f: 3, m: 4 },
      { entityId: ids.C2, recencyDays: 166, frequency: 1, monetary: 40, r: 2, f: 1, m: 3 },
      { entityId: ids.C3, recencyDays: 1, frequency: 3, monetary: 30, r: 4, f: 4, m: 2 },
      { entityId: ids.C4, recencyDays: 365, frequency: 1, monetary: 0, r: 1, f: 1, m: 1 },
    ]);
    expect(run.rows.map((x) => segmentOf(defaultRfmRules, x.r, x.f, x.m))).toEqual(['Loyal', 'About to sleep', 'Loyal', 'Lost']);
    expect(run).toMatchObject({ refundOnly: 1, undated: 1, unlinked: 1, leftOut: [{ currency: 'USD', transactions: 1 }] });
  });

  it('converts other currencies with the rates the steward gives', async () => {
    const { db, ids } = await fixture();
    const run = computeRfm(db, { asOf: '2026-06-30', per: 'customer', rates: { USD: 0.9 } });
    // C4: 200 USD × 0.9 = 180 EUR, now the most: M becomes C1 3, C2 2, C3 1, C4 4.
    expect(run.rows.find((x) => x.entityId === ids.C4)).toMatchObject({ monetary: 180, m: 4 });
    expect(run.rows.map((x) => x.m)).toEqual([3, 2, 1, 4]);
    expect(run.leftOut).toEqual([]);
  });

  it('per golden record: a golden record\'s transactions are its members\'', async () => {
    const { db, ids } = await fixture();
    const golden = Math.min(ids.C1, ids.C2);
    writeBatch(db, { kind: 'merge', actor: 'test', description: 'merge C1 and C2' }, [ids.C1, ids.C2].map((id) => ({ customerId: id, entity: 'golden' as const, field: 'golden_id', after: golden, reason: 'test' })));
    const run = computeRfm(db, { asOf: '2026-06-30', per: 'golden' });
    // C1 + C2: last purchase 20 June (10 days), 3 purchases, 130 + 40 = 170 EUR.
    expect(run.rows.find((x) => x.entityId === golden)).toMatchObject({ recencyDays: 10, frequency: 3, monetary: 170 });
    expect(run.rows).toHaveLength(3);
  });

  it('stores the run; editing a rule re-labels the segment table; a dead rule is reported', async () => {
    const { db } = await fixture();
    const overview = runRfm(db, { asOf: '2026-06-30', per: 'customer' });
    const count = (name: string) => overview.segments.find((s) => s.name === name)?.count;
    expect([count('Loyal'), count('About to sleep'), count('Lost'), count('Other')]).toEqual([2, 1, 1, 0]);
    // A rule put first that takes everything: every later rule is dead, everyone is in it.
    saveRfmRules(db, [{ name: 'Everyone', r: [1, 5], f: [1, 5], m: [1, 5] }, { name: 'Best', r: [5, 5], f: [5, 5], m: [5, 5] }]);
    const edited = rfmOverview(db);
    expect(edited.segments.map((s) => [s.name, s.count])).toEqual([['Everyone', 4], ['Best', 0], ['Other', 0]]);
    expect(edited.dead).toEqual([{ index: 1, coveredBy: [0] }]);
    saveRfmRules(db, null);
    expect(rfmOverview(db).rules).toEqual(defaultRfmRules);
  });

  it('refuses an as-of date that is not a date', async () => {
    const { db } = await fixture();
    expect(() => computeRfm(db, { asOf: '30/06/2026', per: 'customer' })).toThrow(/yyyy-MM-dd/);
  });
});
