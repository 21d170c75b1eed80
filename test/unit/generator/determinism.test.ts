import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCustomers, mulberry32 } from '../../../resources/generator/generate-people.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('determinism', () => {
  it('mulberry32 gives the same stream for a seed and a different one for another', () => {
    const a = mulberry32(42), b = mulberry32(42), c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it('generateCustomers yields identical records for identical options', () => {
    const run = (seed: number) => [...generateCustomers({ count: 2000, seed })];
    expect(run(7)).toEqual(run(7));
    expect(JSON.stringify(run(8))).not.toBe(JSON.stringify(run(7)));
  });

  it('a CSV export and its truth are byte-identical for a seed', async () => {
    const dir = tempDir();
    const opts = { rows: 1500, seed: 3, preset: 'hubspot' as const, brokenRowRate: 0.01, quotedNewlineRate: 0.02 };
    await writeCsvExport({ ...opts, out: join(dir, 'a.csv') });
    await writeCsvExport({ ...opts, out: join(dir, 'b.csv') });
    await writeCsvExport({ ...opts, seed: 4, out: join(dir, 'c.csv') });
    expect(sha(join(dir, 'a.csv'))).toBe(sha(join(dir, 'b.csv')));
    expect(sha(join(dir, 'a.csv.truth.csv'))).toBe(sha(join(dir, 'b.csv.truth.csv')));
    expect(sha(join(dir, 'a.csv'))).not.toBe(sha(join(dir, 'c.csv')));
  });

  it('honours the requested rates roughly', () => {
    const records = [...generateCustomers({ count: 20000, seed: 1, duplicateRate: 0.2, householdRate: 0.05, errorRate: 0.1 })];
    const share = (pred: (r: (typeof records)[number]) => boolean) => records.filter(pred).length / records.length;
    expect(share((r) => r.role === 'duplicate')).toBeCloseTo(0.2, 1);
    expect(share((r) => r.role === 'household_member')).toBeCloseTo(0.05, 1);
    // Error records: the injected share plus duplicates with a field left blank.
    expect(share((r) => r.errors.some((e) => e.kind !== 'missing_value'))).toBeGreaterThan(0.06);
    expect(share((r) => r.errors.length > 0)).toBeLessThan(0.2);
  });
});

