import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';
import { generatedCsv } from './match-fixture.ts';

const run = promisify(execFile);
const tempDir = useTempDir();
const cli = (...args: string[]) => run(process.execPath, ['bin/crm-steward.mjs', ...args], { cwd: process.cwd() });

describe('crm-steward dedupe', () => {
  it('writes one row per record: source,record_id,row_number,cluster_id,probability', async () => {
    const dir = tempDir();
    const { path, lines } = await generatedCsv(dir, 200, 5);
    const project = join(dir, 'p.crmsteward');
    await cli('import', path, '--project', project, '--json');
    const out = join(dir, 'clusters.csv');
    const { stdout } = await cli('dedupe', '--project', project, '--out', out, '--threshold', '0.9', '--json');
    const summary = JSON.parse(stdout) as { records: number; clusters: number; rows: number };
    expect(summary).toMatchObject({ records: 200, rows: 200 });

    const rows = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('source,record_id,row_number,cluster_id,probability');
    expect(rows).toHaveLength(201);
    const parsed = rows.slice(1).map((r) => r.split(','));
    const idsInFile = lines.slice(1).map((l) => l.split(',')[0]);
    parsed.forEach(([source, recordId, rowNumber, clusterId, probability], i) => {
      expect(source).toBe('customers.csv');
      expect(recordId).toBe(idsInFile[i]);
      expect(Number(rowNumber)).toBe(i + 1);
      expect(Number.isInteger(Number(clusterId))).toBe(true);
      if (probability !== '') expect(Number(probability)).toBeGreaterThanOrEqual(0.9);
    });
    // Singletons are clusters of their own (empty probability); groups share an id.
    const sizes = new Map<string, number>();
    for (const r of parsed) sizes.set(r[3], (sizes.get(r[3]) ?? 0) + 1);
    expect([...sizes.values()].filter((n) => n > 1).length).toBe(summary.clusters);
    for (const r of parsed) expect(r[4] === '').toBe(sizes.get(r[3]) === 1);
  }, 60_000);

  it('refuses a bad threshold with usage exit code 2', async () => {
    const dir = tempDir();
    await expect(cli('dedupe', '--project', join(dir, 'x.crmsteward'), '--out', join(dir, 'o.csv'), '--threshold', '2')).rejects.toMatchObject({ code: 2 });
  });
});
