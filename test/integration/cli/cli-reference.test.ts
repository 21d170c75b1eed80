import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });

const customers = ['Customer ID,Email,City', 'C1,ann.lee@gmail.com,Leeds', 'C2,bob.young@gmail.com,York', 'C3,,Hull'].join('\n');
// email: C1 TP, C2 FP, C3 FN; city: 3 TP → TP 4, TN 0, FP 1, FN 1 → 4 / 6.
const reference = ['Customer ID,Email,City', 'C1,ann.lee@gmail.com,Leeds', 'C2,robert@gmail.com,York', 'C3,cy.xu@gmail.com,Hull', 'C7,x@gmail.com,Ely'].join('\n');

describe('crm-steward reference', () => {
  it('imports a verified reference file, profiles again and prints the accuracy with its confusion', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'crm.csv'), customers);
    writeFileSync(join(dir, 'verified.csv'), reference);
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', join(dir, 'crm.csv'), '--project', project]).status).toBe(0);
    const res = cli(['reference', join(dir, 'verified.csv'), '--project', project, '--json']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as { reference: Record<string, unknown>; accuracy: { value: number; confusion: Record<string, number> } };
    expect(out.reference).toEqual({ fileName: 'verified.csv', idColumn: 'Customer ID', fields: ['email', 'city'], rows: 4, matchedRows: 3, customers: 3, values: 6 });
    expect(out.accuracy.confusion).toEqual({ tp: 4, tn: 0, fp: 1, fn: 1 });
    expect(out.accuracy.value).toBeCloseTo(4 / 6, 10);

    const text = cli(['reference', join(dir, 'verified.csv'), '--project', project]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('verified.csv: 4 rows, 3 matched by "Customer ID"');
    expect(text.stdout).toMatch(/accuracy\s+66\.7%\s+TP 4, TN 0, FP 1, FN 1/);
  });

  it('says in one line why a file cannot be used, and checks its usage', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'crm.csv'), customers);
    writeFileSync(join(dir, 'names.csv'), 'Name,Email\nAnn,ann.lee@gmail.com');
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', join(dir, 'crm.csv'), '--project', project]).status).toBe(0);
    const bad = cli(['reference', join(dir, 'names.csv'), '--project', project]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('crm-steward reference: names.csv has no column of record ids matching');
    expect(cli(['reference', '--project', project]).status).toBe(2);
    expect(cli(['reference', join(dir, 'names.csv')]).status).toBe(2);
  });
});
