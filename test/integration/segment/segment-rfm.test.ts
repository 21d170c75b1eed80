/**
 * k-means on RFM features (recency, monetary) read from the newest
 * per-customer RFM run, on a fixture whose values are known: two groups far
 * apart, and two customers the run could not score (no transactions, only a
 * refund), who are counted and listed as missing the features.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SegmentationView } from '../../../shared/channels/segment.ts';
import { makeService } from '../match/match-fixture.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

// As of 2026-06-30: A1–A3 bought 1, 2, 3 days ago for 1000, 1100, 1200; B1–B3 300, 301, 302 days ago for 10, 20, 30.
export const rfmSegmentCustomers = 'Customer ID,Name\nA1,Ann\nA2,Abe\nA3,Ava\nB1,Bob\nB2,Bea\nB3,Ben\nN1,Nia\nN2,Ned\n';
export const rfmSegmentOrders = [
  'Customer ID,Order Date,Amount,Currency,Type',
  'A1,2026-06-29,1000,EUR,Purchase', 'A2,2026-06-28,1100,EUR,Purchase', 'A3,2026-06-27,1200,EUR,Purchase',
  'B1,2025-09-03,10,EUR,Purchase', 'B2,2025-09-02,20,EUR,Purchase', 'B3,2025-09-01,30,EUR,Purchase',
  'N2,2026-06-01,5,EUR,Refund',
].join('\n');

describe('segmentation on RFM features', () => {
  it('says no RFM run exists yet, then segments on recency and monetary with known means, deviations and centroids', async () => {
    const dir = tempDir();
    const { service, waitForJob, jobResult } = makeService(dir);
    writeFileSync(join(dir, 'crm.csv'), rfmSegmentCustomers);
    writeFileSync(join(dir, 'orders.csv'), rfmSegmentOrders);
    await service.invoke('project:create', { path: join(dir, 'p.crmsteward') });
    expect((await waitForJob((await service.invoke('import:start', { files: [{ path: join(dir, 'crm.csv') }, { path: join(dir, 'orders.csv') }] })).jobId)).status).toBe('succeeded');
    while (service.context.jobs.busy()) await new Promise((r) => setTimeout(r, 20));

    const before = await service.invoke('segment:features', {});
    expect(before.features.filter((f) => f.kind === 'rfm').map((f) => f.name)).toEqual(['recency', 'frequency', 'monetary']);
    expect(before.rfmUnavailable).toBe('no_run');
    await expect(service.invoke('segment:run', { features: ['recency', 'monetary'], k: 2 })).rejects.toThrow(/has not been run on this project yet/);

    await jobResult(service.invoke('rfm:run', { asOf: '2026-06-30' }));
    expect((await service.invoke('segment:features', {})).rfmUnavailable).toBeNull();
    const done = await waitForJob((await service.invoke('segment:run', { features: ['recency', 'monetary'], k: 2 })).jobId);
    expect(done.status, done.error?.message).toBe('succeeded');
    const view = done.result as SegmentationView;
    // Population mean and deviation of the six scored customers.
    expect(view.features[0]).toMatchObject({ name: 'recency', mean: 151.5 });
    expect(view.features[0].sd).toBeCloseTo(Math.sqrt((2 * (150.5 ** 2 + 149.5 ** 2 + 148.5 ** 2)) / 6), 9);
    expect(view.features[1]).toMatchObject({ name: 'monetary', mean: 560 });
    expect(view.segments.map((s) => s.size)).toEqual([3, 3]);
    const centroids = view.segments.map((s) => s.centroid.map((v) => Math.round(v * 1e6) / 1e6)).sort((a, b) => a[0] - b[0]);
    expect(centroids).toEqual([[2, 1100], [301, 20]]);
    // N1 (no transactions) and N2 (a refund only) have no RFM scores: missing both, listed.
    expect(view.missing).toBe(2);
    expect(view.missingByFeature).toEqual({ recency: 2, monetary: 2 });
    const missing = await service.invoke('customers:page', { startRow: 0, endRow: 10, segment: { segmentationId: view.id, segment: null } });
    expect(missing.rows.map((r) => r.source_record_id).sort()).toEqual(['N1', 'N2']);

    await jobResult(service.invoke('rfm:run', { asOf: '2026-06-30', per: 'golden' }));
    expect((await service.invoke('segment:features', {})).rfmUnavailable).toBe('per_golden');
    await expect(service.invoke('segment:run', { features: ['frequency'], k: 2 })).rejects.toThrow(/per customer/);
    service.dispose();
  }, 60_000);
});
