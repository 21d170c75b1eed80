import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });

describe('crm-steward withdraw', () => {
  it('withdraws a source by name, hides its records from the export, and undo gives the export back byte for byte', async () => {
    const dir = tempDir();
    const a = join(dir, 'good.csv');
    const b = join(dir, 'mistake.csv');
    await writeCsvExport({ out: a, rows: 60, seed: 71, preset: 'salesforce', quotedNewlineRate: 0 });
    await writeCsvExport({ out: b, rows: 40, seed: 72, preset: 'salesforce', quotedNewlineRate: 0 });
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', a, b, '--project', project, '--as-new']).status).toBe(0);
    expect(cli(['export', '--project', project, '--out', join(dir, 'before.csv')]).status).toBe(0);

    const out = cli(['withdraw', '--project', project, '--source', 'mistake.csv', '--json']);
    expect(out.status).toBe(0);
    const r = JSON.parse(out.stdout) as { sourceId: number; customers: number; rawRows: number; batchId: number };
    expect(r).toMatchObject({ sourceId: 2, customers: 40, rawRows: 40 });
    expect(cli(['export', '--project', project, '--out', join(dir, 'withdrawn.csv')]).status).toBe(0);
    expect(readFileSync(join(dir, 'withdrawn.csv'), 'utf8').trimEnd().split(/\r?\n/)).toHaveLength(61);
    const history = JSON.parse(cli(['history', '--project', project, '--json']).stdout) as { rows: { kind: string; actor: string }[] };
    expect(history.rows[0]).toMatchObject({ kind: 'withdraw', actor: 'cli' });
    // Withdrawing again changes nothing; by id works too.
    expect(cli(['withdraw', '--project', project, '--source', '2']).stdout).toMatch(/already withdrawn/);

    expect(cli(['undo', '--project', project, '--all']).status).toBe(0);
    expect(cli(['export', '--project', project, '--out', join(dir, 'restored.csv')]).status).toBe(0);
    expect(readFileSync(join(dir, 'restored.csv')).equals(readFileSync(join(dir, 'before.csv')))).toBe(true);
  }, 120_000);

  it('bad usage exits 2 with one sentence; an unknown source exits 1', async () => {
    const dir = tempDir();
    const a = join(dir, 'good.csv');
    await writeCsvExport({ out: a, rows: 10, seed: 73, preset: 'salesforce', quotedNewlineRate: 0 });
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', a, '--project', project]).status).toBe(0);
    const missing = cli(['withdraw', '--project', project]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')[0]).toMatch(/--source/);
    expect(cli(['withdraw', '--source', '1']).status).toBe(2);
    const unknown = cli(['withdraw', '--project', project, '--source', 'nothing.csv']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no source "nothing.csv"/);
  }, 60_000);
});
