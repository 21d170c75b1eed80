import type { RfmOverview } from '../../../shared/channels/analysis.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeService } from '../match/match-fixture.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

const customersCsv = 'Customer ID,First Name,Last Name,Email\nC1,Ada,Lovelace,ada@example.com\nC2,Alan,Turing,alan@example.com\nC3,Grace,Hopper,grace@example.com\nC4,Edsger,Dijkstra,edsger@example.com\nC5,Barbara,Liskov,barbara@example.com\n';

/*
 * As of 2026-06-30, rates USD=0.9 (EUR the run's currency: most purchases).
 *   C1: recency 10, frequency 2, monetary 100 - 30 + 50 = 120
 *   C2: recency 29, frequency 2, monetary 20 + 10 × 0.9 = 29
 *   C3: recency 4,  frequency 3, monetary 40 + 40 + 20 = 100
 *   C5: recency 29, frequency 2, monetary 21 + 10 = 31
 *   C4: its only purchase is after the as-of date: not scored, not charted.
 * Quintile scores (1 + floor(5 × worse / 4)): r C2 = C5 = 1, C1 3, C3 4; f C1 = C2 = C5 = 1, C3 4;
 * so the R×F cells are (1,1) C2 and C5, mean monetary 30; (3,1) C1, 120; (4,4) C3, 100.
 * Months: April purchases C1, C2, C5 (141 EUR); May one refund of C1 (-30); June purchases
 * C1, C2 (USD), C3 ×3, C5 (50 + 9 + 100 + 10 = 169 EUR).
 */
const ordersCsv = [
  'Customer ID,Order Date,Amount,Currency,Type',
  'C1,2026-04-10,100,EUR,Purchase',
  'C1,2026-05-03,30,EUR,Refund',
  'C1,2026-06-20,50,EUR,Purchase',
  'C2,2026-04-15,20,EUR,Purchase',
  'C2,2026-06-01,10,USD,Purchase',
  'C3,2026-06-25,40,EUR,Purchase',
  'C3,2026-06-26,40,EUR,Purchase',
  'C3,2026-06-27,20,EUR,Purchase',
  'C4,2026-07-02,500,EUR,Purchase',
  'C5,2026-04-15,21,EUR,Purchase',
  'C5,2026-06-01,10,EUR,Purchase',
].join('\n');

async function project(extra?: { customers: string; orders: string }) {
  const dir = tempDir();
  const { service, waitForJob, jobResult } = makeService(dir);
  writeFileSync(join(dir, 'crm.csv'), customersCsv);
  writeFileSync(join(dir, 'orders.csv'), extra ? `${ordersCsv}\n${extra.orders}` : ordersCsv);
  if (extra) writeFileSync(join(dir, 'shop.csv'), extra.customers);
  await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
  const files = [join(dir, 'crm.csv'), ...(extra ? [join(dir, 'shop.csv')] : []), join(dir, 'orders.csv')].map((path) => ({ path }));
  const imp = await service.invoke('import:start', { files });
  expect((await waitForJob(imp.jobId)).status).toBe('succeeded');
  while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));
  return { dir, service, waitForJob, jobResult };
}

const recordIds = (rows: Record<string, unknown>[]): unknown[] => rows.map((r) => r.source_record_id).sort();

describe('RFM charts, worked out by hand', () => {
  it('before a first run: no heat map, each currency its own revenue series, every dated month', async () => {
    const { service } = await project();
    const charts = await service.invoke('rfm:charts', {});
    expect(charts).toMatchObject({ asOf: null, currency: null, heat: [], months: ['2026-04', '2026-05', '2026-06', '2026-07'], purchases: [3, 0, 6, 1], refunds: [0, 1, 0, 0] });
    expect(charts.revenue).toEqual([
      { currency: 'EUR', converted: false, values: [141, -30, 160, 500] },
      { currency: 'USD', converted: false, values: [0, 0, 10, 0] },
    ]);
    service.dispose();
  }, 60_000);

  it('follows the run (as-of date, currency and rates); a cell and a month open exactly their customers, in the grid and the export', async () => {
    const { dir, service, waitForJob, jobResult } = await project();
    await jobResult(service.invoke('rfm:run', { asOf: '2026-06-30', rates: { USD: 0.9 } }));
    const charts = await service.invoke('rfm:charts', {});
    expect(charts).toMatchObject({ asOf: '2026-06-30', currency: 'EUR', months: ['2026-04', '2026-05', '2026-06'], purchases: [3, 0, 6], refunds: [0, 1, 0] });
    expect(charts.revenue).toEqual([{ currency: 'EUR', converted: true, values: [141, -30, 169] }]);
    expect(charts.heat).toEqual([
      { r: 1, f: 1, count: 2, meanMonetary: 30 },
      { r: 3, f: 1, count: 1, meanMonetary: 120 },
      { r: 4, f: 4, count: 1, meanMonetary: 100 },
    ]);

    const page = (q: object) => service.invoke('customers:page', { startRow: 0, endRow: 100, ...q });
    expect(recordIds((await page({ rfmCell: { r: 1, f: 1 } })).rows)).toEqual(['C2', 'C5']);
    expect((await page({ rfmCell: { r: 5, f: 5 } })).lastRow).toBe(0);
    expect(recordIds((await page({ rfmMonth: { month: '2026-06', refund: false } })).rows)).toEqual(['C1', 'C2', 'C3', 'C5']);
    expect(recordIds((await page({ rfmMonth: { month: '2026-05', refund: true } })).rows)).toEqual(['C1']);
    // C4's July purchase is after the run's as-of date: not in the chart, not in the grid.
    expect((await page({ rfmMonth: { month: '2026-07', refund: false } })).lastRow).toBe(0);
    // With another restriction, a customer must be in both.
    expect(recordIds((await page({ rfmCell: { r: 1, f: 1 }, rfmMonth: { month: '2026-04', refund: false }, quickFilter: 'Liskov' })).rows)).toEqual(['C5']);

    const out = join(dir, 'june.csv');
    const exp = await service.invoke('export:start', { path: out, format: 'csv', query: { rfmMonth: { month: '2026-06', refund: false } } });
    expect((await waitForJob(exp.jobId)).status).toBe('succeeded');
    expect(readFileSync(out, 'utf8').trim().split(/\r?\n/)).toHaveLength(5);
    await expect(page({ rfmMonth: { month: '2026-13', refund: false } })).rejects.toThrow(/yyyy-MM/);
    service.dispose();
  }, 60_000);

  it('per golden record: a cell opens the members of its golden records', async () => {
    const { service, jobResult } = await project();
    const ids = Object.fromEntries((await service.invoke('customers:page', { startRow: 0, endRow: 10 })).rows.map((r) => [r.source_record_id, Number(r.id)]));
    const db = service.context.project().db;
    // C2 and C5 as one golden record, as a merge records its members (the merge itself is tested elsewhere): recency 29, frequency 4, monetary 60.
    db.prepare('INSERT INTO golden_members (customer_id, golden_id) VALUES (?, ?), (?, ?)').run(ids.C2, ids.C2, ids.C5, ids.C2);
    const overview = await jobResult<RfmOverview>(service.invoke('rfm:run', { asOf: '2026-06-30', per: 'golden', rates: { USD: 0.9 } }));
    expect(overview.run?.scored).toBe(3);
    const charts = await service.invoke('rfm:charts', {});
    const cell = charts.heat.find((c) => c.meanMonetary === 60)!;
    const page = await service.invoke('customers:page', { startRow: 0, endRow: 100, rfmCell: { r: cell.r, f: cell.f } });
    expect(recordIds(page.rows)).toEqual(['C2', 'C5']);
    service.dispose();
  }, 60_000);

  it('leaves out the transactions of customers whose source was withdrawn', async () => {
    const { service } = await project({ customers: 'Customer ID,First Name,Last Name\nC6,Frances,Allen\n', orders: 'C6,2026-06-10,70,EUR,Purchase' });
    const before = await service.invoke('rfm:charts', {});
    expect(before.purchases).toEqual([3, 0, 7, 1]);
    expect(before.revenue[0].values).toEqual([141, -30, 230, 500]);
    const shop = (await service.invoke('sources:list', {})).find((s) => s.fileName === 'shop.csv')!;
    await service.invoke('sources:withdraw', { sourceId: shop.id });
    const after = await service.invoke('rfm:charts', {});
    expect(after.purchases).toEqual([3, 0, 6, 1]);
    expect(after.revenue[0].values).toEqual([141, -30, 160, 500]);
    const june = await service.invoke('customers:page', { startRow: 0, endRow: 100, rfmMonth: { month: '2026-06', refund: false } });
    expect(recordIds(june.rows)).toEqual(['C1', 'C2', 'C3', 'C5']);
    service.dispose();
  }, 60_000);
});
