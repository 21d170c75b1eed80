import type { RfmOverview } from '../../../shared/channels/analysis.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeService } from '../match/match-fixture.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

describe('RFM through the service', () => {
  it('runs, opens a segment\'s customers in the grid and exports exactly them; a customer\'s activity has its totals', async () => {
    const dir = tempDir();
    const { service, waitForJob, jobResult } = makeService(dir);
    writeFileSync(join(dir, 'crm.csv'), 'Customer ID,First Name,Last Name,Email\nC1,Ada,Lovelace,ada@example.com\nC2,Alan,Turing,alan@example.com\nC3,Grace,Hopper,grace@example.com\n');
    writeFileSync(join(dir, 'orders.csv'), 'Customer ID,Order Date,Amount,Currency,Type\nC1,2026-06-20,100,EUR,Purchase\nC1,2026-06-21,30,EUR,Refund\nC2,2025-01-01,10,EUR,Purchase\nC3,2026-06-29,50,EUR,Purchase\nC3,2026-06-28,50,EUR,Purchase\n');
    await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
    const imp = await service.invoke('import:start', { files: [{ path: join(dir, 'crm.csv') }, { path: join(dir, 'orders.csv') }] });
    expect((await waitForJob(imp.jobId)).status).toBe('succeeded');
    while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));

    const overview = await jobResult<RfmOverview>(service.invoke('rfm:run', { asOf: '2026-06-30' }));
    expect(overview.run).toMatchObject({ scored: 3, currency: 'EUR' });
    const loyal = overview.segments.find((s) => s.name === 'Loyal')!;
    const page = await service.invoke('customers:page', { startRow: 0, endRow: 100, rfmSegment: loyal.index });
    expect(page.lastRow).toBe(loyal.count);
    const out = join(dir, 'loyal.csv');
    const exp = await service.invoke('export:start', { path: out, format: 'csv', query: { rfmSegment: loyal.index } });
    expect((await waitForJob(exp.jobId)).status).toBe('succeeded');
    expect(readFileSync(out, 'utf8').trim().split(/\r?\n/)).toHaveLength(loyal.count + 1);

    const c1 = page.rows.find((r) => r.source_record_id === 'C1') ?? (await service.invoke('customers:page', { startRow: 0, endRow: 10, quickFilter: 'Ada' })).rows[0];
    const activity = await service.invoke('activity:customer', { customerId: Number(c1.id) });
    expect(activity.totals).toEqual([{ currency: 'EUR', purchases: 1, refunds: 1, bought: 100, refunded: 30 }]);
    await expect(service.invoke('rfm:run', { asOf: '30/06/2026' })).rejects.toThrow(/yyyy-MM-dd/);
    service.dispose();
  }, 60_000);
});
