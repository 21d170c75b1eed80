/**
 * k-means segmentation through the service, on a real project file: the
 * fixture's customers (test/fixtures/kmeans-reference, made by its own
 * script with an independent Lloyd's algorithm of 500 restarts, since
 * scikit-learn cannot be installed here) segmented on age and income.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ElbowResult, SegmentationView } from '../../../shared/channels/segment.ts';
import { makeService } from '../match/match-fixture.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const fixtureDir = join(import.meta.dirname, '../../fixtures/kmeans-reference');
const reference = JSON.parse(readFileSync(join(fixtureDir, 'reference.json'), 'utf8')) as {
  asOf: string; inertia: number; records: number; segmented: number; missing: number; scales: { mean: number; sd: number }[];
};

async function projectWithFixture() {
  const dir = tempDir();
  const { service, waitForJob } = makeService(dir);
  await service.invoke('project:create', { path: join(dir, 'projects', 'Segments') });
  const imp = await service.invoke('import:start', { files: [{ path: join(fixtureDir, 'customers.csv') }] });
  expect((await waitForJob(imp.jobId)).status).toBe('succeeded');
  return { service, waitForJob, dir };
}

describe('segmentation', () => {
  it('reaches the independent reference inertia within 1%, with the reference’s population mean and deviation', async () => {
    const { service, waitForJob } = await projectWithFixture();
    expect((await service.invoke('segment:features', {})).features.map((f) => f.name)).toEqual(['age', 'income', 'recency', 'frequency', 'monetary']);
    expect(await service.invoke('segment:current', {})).toBeNull();
    const run = await service.invoke('segment:run', { features: ['age', 'income'], k: 3, asOf: reference.asOf });
    const done = await waitForJob(run.jobId);
    expect(done.status).toBe('succeeded');
    const view = done.result as SegmentationView;
    expect(Math.abs(view.inertia - reference.inertia) / reference.inertia).toBeLessThan(0.01);
    view.features.forEach((f, i) => {
      expect(f.mean).toBeCloseTo(reference.scales[i].mean, 9);
      expect(f.sd).toBeCloseTo(reference.scales[i].sd, 9);
    });
    expect(view.segments.reduce((s, g) => s + g.size, 0)).toBe(reference.segmented);
    // Centroids come back in original units: the young low-income group sits near 27 years and 32,000.
    expect(view.segments.some((s) => Math.abs(s.centroid[0] - 27) < 3 && Math.abs(s.centroid[1] - 32000) < 4000)).toBe(true);
    expect(view.silhouette).toBeGreaterThan(0.4);
    expect(await service.invoke('segment:current', {})).toEqual(view);
  });

  it('counts and lists the customers missing a feature; a segment opens in the grid and exports exactly its customers', async () => {
    const { service, waitForJob, dir } = await projectWithFixture();
    const view = (await waitForJob((await service.invoke('segment:run', { features: ['age', 'income'], asOf: reference.asOf })).jobId)).result as SegmentationView;
    expect(view.records).toBe(reference.records);
    expect(view.missing).toBe(reference.missing);
    // M0001 has no income; M0002 no birth date; M0003 was born in 2099 (not a valid birth date).
    expect(view.missingByFeature).toEqual({ age: 2, income: 1 });
    const missing = await service.invoke('customers:page', { startRow: 0, endRow: 10, segment: { segmentationId: view.id, segment: null } });
    expect(missing.rows.map((r) => r.source_record_id).sort()).toEqual(['M0001', 'M0002', 'M0003']);

    const second = view.segments[1];
    const page = await service.invoke('customers:page', { startRow: 0, endRow: 1000, segment: { segmentationId: view.id, segment: second.segment } });
    expect(page.lastRow).toBe(second.size);
    const out = join(dir, 'segment-2.csv');
    const exp = await service.invoke('export:start', { path: out, format: 'csv', query: { segment: { segmentationId: view.id, segment: second.segment } } });
    expect((await waitForJob(exp.jobId)).status).toBe('succeeded');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(second.size + 1);

    const renamed = await service.invoke('segment:rename', { segmentationId: view.id, segment: second.segment, name: 'Affluent middle age' });
    expect(renamed.segments[1].name).toBe('Affluent middle age');
    await expect(service.invoke('segment:rename', { segmentationId: view.id, segment: 9, name: 'x' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('offers numeric extra columns as features, refuses unknown ones by name, and gives the elbow figures for k = 2 … 10', async () => {
    const dir = tempDir();
    const { service, waitForJob } = makeService(dir);
    await service.invoke('project:create', { path: join(dir, 'projects', 'Extra') });
    const file = join(dir, 'c.csv');
    const lines = ['id,Name,Income,Loyalty points,Favourite colour'];
    for (let i = 0; i < 60; i++) lines.push(`${i},P${i},${20000 + (i % 3) * 30000 + i},${(i % 3) * 500 + i},blue`);
    writeFileSync(file, lines.join('\n'));
    expect((await waitForJob((await service.invoke('import:start', { files: [{ path: file }] })).jobId)).status).toBe('succeeded');
    const features = (await service.invoke('segment:features', {})).features;
    expect(features).toEqual([{ name: 'age', kind: 'builtin' }, { name: 'income', kind: 'builtin' }, { name: 'recency', kind: 'rfm' }, { name: 'frequency', kind: 'rfm' }, { name: 'monetary', kind: 'rfm' }, { name: 'Loyalty points', kind: 'extra' }]);
    await expect(service.invoke('segment:run', { features: ['income', 'shoe size'] })).rejects.toMatchObject({
      code: 'invalid_input', message: 'Unknown feature "shoe size". This project offers: age, income, recency, frequency, monetary, Loyalty points.',
    });

    const elbow = (await waitForJob((await service.invoke('segment:elbow', { features: ['income', 'Loyalty points'] })).jobId)).result as ElbowResult;
    expect(elbow.points.map((p) => p.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Three groups: the inertia falls steeply to k = 3, then flattens.
    expect(elbow.points[1].inertia).toBeLessThan(elbow.points[0].inertia / 3);
    expect(elbow.points[8].inertia).toBeLessThan(elbow.points[1].inertia);
  });
});
