import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { WESTERN_LOCALES } from '../../../resources/generator/types.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });

describe('crm-steward fix, history, undo, redo and export', () => {
  it('fix --apply-all then undo --all gives a byte-identical export; redo re-applies', async () => {
    const dir = tempDir();
    const a = join(dir, 'salesforce.csv');
    const b = join(dir, 'hubspot.csv');
    await writeCsvExport({ out: a, rows: 150, seed: 61, preset: 'salesforce', quotedNewlineRate: 0 });
    await writeCsvExport({ out: b, rows: 150, seed: 62, preset: 'hubspot', encoding: 'windows-1252', delimiter: ';', quotedNewlineRate: 0, generate: { locales: [...WESTERN_LOCALES] } });
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', a, b, '--project', project]).status).toBe(0);
    expect(cli(['export', '--project', project, '--out', join(dir, 'before.csv')]).status).toBe(0);

    const fixed = cli(['fix', '--project', project, '--apply-all', '--json']);
    expect(fixed.status).toBe(0);
    const out = JSON.parse(fixed.stdout) as { run: { suggestions: number }; applied: { accepted: number; batches: number[] } };
    expect(out.applied.accepted).toBe(out.run.suggestions);
    expect(out.applied.batches).toHaveLength(1);
    expect(cli(['export', '--project', project, '--out', join(dir, 'after.csv')]).status).toBe(0);
    expect(readFileSync(join(dir, 'after.csv')).equals(readFileSync(join(dir, 'before.csv')))).toBe(false);

    const history = JSON.parse(cli(['history', '--project', project, '--json']).stdout) as { rows: { kind: string; actor: string; changes: number }[] };
    expect(history.rows[0]).toMatchObject({ kind: 'fix', actor: 'cli', changes: out.applied.accepted });

    expect(cli(['undo', '--project', project, '--all']).status).toBe(0);
    expect(cli(['export', '--project', project, '--out', join(dir, 'restored.csv')]).status).toBe(0);
    expect(readFileSync(join(dir, 'restored.csv')).equals(readFileSync(join(dir, 'before.csv')))).toBe(true);

    expect(cli(['redo', '--project', project]).status).toBe(0);
    expect(cli(['export', '--project', project, '--out', join(dir, 'redone.csv')]).status).toBe(0);
    expect(readFileSync(join(dir, 'redone.csv')).equals(readFileSync(join(dir, 'after.csv')))).toBe(true);

    const log = join(dir, 'log.csv');
    expect(cli(['history', '--project', project, '--export', log]).status).toBe(0);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines[0]).toContain('change_id,at,batch_id,batch_kind');
    // The fix, its undo and its redo: three times the accepted changes.
    expect(lines.length - 1).toBe(3 * out.applied.accepted);
  }, 120_000);

  it('--apply-rule applies one rule as its own batch, and an unknown rule is a usage error', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    await writeCsvExport({ out: csv, rows: 80, seed: 63, preset: 'salesforce', quotedNewlineRate: 0 });
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', csv, '--project', project]).status).toBe(0);
    const one = JSON.parse(cli(['fix', '--project', project, '--apply-rule', 'country_iso', '--json']).stdout) as { rules: { rule: string; accepted: number; open: number }[] };
    for (const r of one.rules) {
      if (r.rule === 'country_iso') expect(r.open).toBe(0);
      else expect(r.accepted).toBe(0);
    }
    const bad = cli(['fix', '--project', project, '--apply-rule', 'no_such_rule']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown rule no_such_rule');
  }, 60_000);

  it('writes formula-like cells as text in the export', () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    writeFileSync(csv, 'Record ID,Last Name,Email\n1,"=HYPERLINK(""http://x"",""y"")",a@example.org\n2,+4930123456,b@example.org\n');
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', csv, '--project', project]).status).toBe(0);
    expect(cli(['export', '--project', project, '--out', join(dir, 'out.csv')]).status).toBe(0);
    const text = readFileSync(join(dir, 'out.csv'), 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(',+4930123456,');
  });
});
