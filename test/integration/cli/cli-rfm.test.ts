import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeActivity } from '../../../resources/generator/activity/write-activity.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { defaultRfmRules, segmentOf } from '../../../shared/domain/rfm-rules.ts';
import { expectedRfm } from '../../helpers/rfm-truth.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });

const AS_OF = '2026-10-01';
const RATES: Record<string, number> = { EUR: 1, USD: 0.92, CNY: 0.13, GBP: 1.17 };

describe('crm-steward rfm', () => {
  it('agrees exactly with the generator\'s truth on a generated export with transactions in several currencies', async () => {
    const dir = tempDir();
    const customers = join(dir, 'contacts.csv');
    await writeCsvExport({ out: customers, rows: 400, seed: 12, preset: 'salesforce', quotedNewlineRate: 0, brokenRowRate: 0.01 });
    const files = { transactions: join(dir, 'transactions.csv'), needs: join(dir, 'needs.csv'), truth: join(dir, 'rfm.truth.csv') };
    const made = writeActivity(`${customers}.truth.csv`, files, { seed: 12, asOf: AS_OF });
    expect(made.unknownReferences).toBeGreaterThan(0);
    const project = join(dir, 'p.crmsteward');
    const imported = cli(['import', customers, files.transactions, files.needs, '--project', project, '--json']);
    expect(imported.status, imported.stderr).toBe(0);

    const out = join(dir, 'rfm.csv');
    const run = cli(['rfm', '--project', project, '--as-of', AS_OF, '--currency', 'EUR', '--rates', 'USD=0.92,CNY=0.13,GBP=1.17', '--out', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ scored: made.buyers, leftOut: [], unlinked: made.unknownReferences, undated: 0 });

    // The independent calculation, from the generator's own numbers.
    const expected = expectedRfm(files.truth, AS_OF, RATES).map((t) => ['contacts.csv', t.recordId, t.recency, t.frequency, t.monetary.toFixed(2), t.r, t.f, t.m, segmentOf(defaultRfmRules, t.r, t.f, t.m)].join(','));

    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('source,source_record_id,recency_days,frequency,monetary,r,f,m,segment');
    const got = lines.slice(1).sort((a, b) => a.split(',')[1].localeCompare(b.split(',')[1]));
    expect(got).toEqual(expected);
  }, 120_000);

  it('leaves a currency without a rate out of monetary and says so; bad usage exits 2 with one sentence', async () => {
    const dir = tempDir();
    const customers = join(dir, 'contacts.csv');
    await writeCsvExport({ out: customers, rows: 60, seed: 5, preset: 'salesforce', quotedNewlineRate: 0 });
    const files = { transactions: join(dir, 'transactions.csv'), needs: join(dir, 'needs.csv'), truth: join(dir, 'rfm.truth.csv') };
    writeActivity(`${customers}.truth.csv`, files, { seed: 5, asOf: AS_OF });
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', customers, files.transactions, '--project', project]).status).toBe(0);
    const run = cli(['rfm', '--project', project, '--as-of', AS_OF, '--currency', 'EUR', '--out', join(dir, 'rfm.csv')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Left out of monetary \(no rate given; use --rates /);

    const bad = cli(['rfm', '--project', project, '--as-of', AS_OF, '--rates', 'USD:0.9', '--out', join(dir, 'x.csv')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/A rate is written CODE=number/);
    const badDate = cli(['rfm', '--project', project, '--as-of', '1/10/2026', '--out', join(dir, 'x.csv')]);
    expect(badDate.stderr).toMatch(/yyyy-MM-dd/);
  }, 120_000);
});
