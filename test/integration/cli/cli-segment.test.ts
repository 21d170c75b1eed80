import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { rfmSegmentCustomers, rfmSegmentOrders } from '../segment/segment-rfm.test.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });
const fixtureDir = join(import.meta.dirname, '../../fixtures/kmeans-reference');
const reference = JSON.parse(readFileSync(join(fixtureDir, 'reference.json'), 'utf8')) as { asOf: string; inertia: number; records: number; scales: { mean: number; sd: number }[] };

describe('crm-steward segment', () => {
  it('writes every customer with its features, z-scores and segment, and --json gives k, inertia, silhouette, sizes and centroids', () => {
    const dir = tempDir();
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', join(fixtureDir, 'customers.csv'), '--project', project]).status).toBe(0);
    const out = join(dir, 'segments.csv');
    const r = cli(['segment', '--project', project, '--k', '3', '--features', 'age,income', '--as-of', reference.asOf, '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as { k: number; inertia: number; silhouette: number; sizes: number[]; centroids: Record<string, number>[]; missing: number };
    expect(s.k).toBe(3);
    // The independent reference (500 restarts of a plain Lloyd's algorithm, test/fixtures/kmeans-reference/make-reference.ts).
    expect(Math.abs(s.inertia - reference.inertia) / reference.inertia).toBeLessThan(0.01);
    expect(s.sizes.reduce((a, b) => a + b, 0) + s.missing).toBe(reference.records);
    expect(Object.keys(s.centroids[0])).toEqual(['segment', 'size', 'age', 'income']);

    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('source,source_record_id,age,income,z_age,z_income,segment');
    expect(lines).toHaveLength(reference.records + 1);
    // C0001: born 1995-05-25, income 30146 → age 30 on 2026-01-01; z = (x − mean) / population sd of the reference.
    const c1 = lines.find((l) => l.startsWith('customers.csv,C0001,'))!.split(',');
    expect(c1.slice(2, 4)).toEqual(['30', '30146']);
    expect(Number(c1[4])).toBeCloseTo((30 - reference.scales[0].mean) / reference.scales[0].sd, 9);
    expect(Number(c1[5])).toBeCloseTo((30146 - reference.scales[1].mean) / reference.scales[1].sd, 9);
    // Lacking a feature: listed with what it has and a blank segment.
    expect(lines.find((l) => l.includes(',M0001,'))).toBe('customers.csv,M0001,45,,,,');
    // Recomputed from the file: the sum of squared z-distances to each segment's mean is the inertia printed.
    const rows = lines.slice(1).map((l) => l.split(',')).filter((c) => c[6] !== '');
    let inertia = 0;
    for (const seg of new Set(rows.map((c) => c[6]))) {
      const members = rows.filter((c) => c[6] === seg).map((c) => [Number(c[4]), Number(c[5])]);
      const mean = [0, 1].map((f) => members.reduce((t, m) => t + m[f], 0) / members.length);
      for (const m of members) inertia += (m[0] - mean[0]) ** 2 + (m[1] - mean[1]) ** 2;
    }
    expect(inertia).toBeCloseTo(s.inertia, 6);
  });

  it('refuses a bad k or an unknown feature with a clear message', () => {
    const dir = tempDir();
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', join(fixtureDir, 'customers.csv'), '--project', project]).status).toBe(0);
    const out = join(dir, 's.csv');
    expect(cli(['segment', '--project', project, '--out', out, '--k', '1']).stderr).toContain('--k: k must be at least 2.');
    const unknown = cli(['segment', '--project', project, '--out', out, '--features', 'age,height']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('Unknown feature "height". This project offers: age, income, recency, frequency, monetary.');
  });

  it('segments on RFM features once RFM has run: --features recency,monetary', () => {
    const dir = tempDir();
    const project = join(dir, 'p.crmsteward');
    writeFileSync(join(dir, 'crm.csv'), rfmSegmentCustomers);
    writeFileSync(join(dir, 'orders.csv'), rfmSegmentOrders);
    expect(cli(['import', join(dir, 'crm.csv'), join(dir, 'orders.csv'), '--project', project]).status).toBe(0);
    const out = join(dir, 's.csv');
    const early = cli(['segment', '--project', project, '--features', 'recency,monetary', '--k', '2', '--out', out]);
    expect(early.stderr).toContain('has not been run on this project yet');
    expect(early.stderr).toContain('crm-steward rfm --save');
    expect(cli(['rfm', '--project', project, '--as-of', '2026-06-30', '--out', join(dir, 'rfm.csv'), '--save']).status).toBe(0);
    const r = cli(['segment', '--project', project, '--features', 'recency,monetary', '--k', '2', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout) as { sizes: number[]; missing: number; centroids: Record<string, number>[] };
    expect(s.sizes).toEqual([3, 3]);
    expect(s.missing).toBe(2);
    expect(s.centroids.map((c) => [Math.round(c.recency), Math.round(c.monetary)]).sort((a, b) => a[0] - b[0])).toEqual([[2, 1100], [301, 20]]);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('source,source_record_id,recency,monetary,z_recency,z_monetary,segment');
    expect(lines.find((l) => l.includes(',A1,'))!.split(',').slice(2, 4)).toEqual(['1', '1000']);
    expect(lines.find((l) => l.includes(',N1,'))).toBe('crm.csv,N1,,,,,');
  });
});
