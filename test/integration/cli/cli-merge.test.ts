import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });

describe('crm-steward merge, unmerge and export --golden', () => {
  it('merge --accept-above, then unmerge --all gives back the export of before, every record and the history intact', async () => {
    const dir = tempDir();
    const csv = join(dir, 'crm.csv');
    await writeCsvExport({ out: csv, rows: 300, seed: 71, preset: 'generic', quotedNewlineRate: 0, generate: { duplicateRate: 0.3 } });
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', csv, '--project', project]).status).toBe(0);
    const exportTo = (name: string, ...flags: string[]) => {
      const r = cli(['export', '--project', project, '--out', join(dir, name), ...flags]);
      expect(r.stderr).toBe('');
      return readFileSync(join(dir, name));
    };
    const goldenBefore = exportTo('golden-before.csv', '--golden');
    const recordsBefore = exportTo('records-before.csv');
    expect(goldenBefore.toString().split('\n')).toHaveLength(300 + 2);

    const merged = cli(['merge', '--project', project, '--accept-above', '0.9', '--json']);
    expect(merged.status).toBe(0);
    const m = JSON.parse(merged.stdout) as { clusters: number; records: number; goldenRecords: number; matched: boolean };
    expect(m.matched).toBe(true);
    expect(m.clusters).toBeGreaterThan(10);
    expect(m.goldenRecords).toBe(300 - m.records + m.clusters);
    const goldenAfter = exportTo('golden-after.csv', '--golden');
    expect(goldenAfter.toString().trimEnd().split('\n')).toHaveLength(m.goldenRecords + 1);
    expect(exportTo('records-after.csv').equals(recordsBefore)).toBe(true);

    const unmerged = cli(['unmerge', '--project', project, '--all', '--json']);
    expect(JSON.parse(unmerged.stdout)).toMatchObject({ goldenRecords: m.clusters, records: m.records });
    expect(exportTo('golden-unmerged.csv', '--golden').equals(goldenBefore)).toBe(true);
    expect(exportTo('records-unmerged.csv').equals(recordsBefore)).toBe(true);
    const history = JSON.parse(cli(['history', '--project', project, '--json']).stdout) as { rows: { kind: string; changes: number }[] };
    expect(history.rows.map((r) => r.kind)).toEqual(['unmerge', 'merge']);
    expect(history.rows[0].changes).toBe(m.records);

    // The unmerge is undone like any batch: the golden records are back.
    expect(cli(['undo', '--project', project]).status).toBe(0);
    expect(exportTo('golden-again.csv', '--golden').equals(goldenAfter)).toBe(true);
    // One golden record apart: one row more, its members on their own.
    const row = goldenAfter.toString().split('\n').find((l) => /^\d+,[2-9],/.test(l))!;
    const [id, count] = row.split(',');
    expect(cli(['unmerge', '--project', project, '--golden', id]).status).toBe(0);
    expect(exportTo('golden-one-apart.csv', '--golden').toString().trimEnd().split('\n')).toHaveLength(m.goldenRecords + Number(count));
    expect(cli(['unmerge', '--project', project, '--golden', id]).stderr).toMatch(/is in no golden record/);
  }, 120_000);

  it('refuses bad usage with exit code 2', () => {
    expect(cli(['merge', '--project', 'x.crmsteward', '--accept-above', '2']).status).toBe(2);
    expect(cli(['unmerge', '--project', 'x.crmsteward']).status).toBe(2);
    expect(cli(['unmerge', '--project', 'x.crmsteward', '--all', '--golden', '3']).status).toBe(2);
    expect(cli(['export', '--project', 'x.crmsteward', '--out', 'x.csv', '--golden', '--decisions']).status).toBe(2);
  });
});
