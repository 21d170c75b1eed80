/**
 * Done-when of issue 3: an audit of a messy multi-source export finds the
 * defects the generator injected, with recall ≥ 0.9 per category, measured
 * against the generator's truth file. Runs the real CLI (`crm-steward audit`)
 * on three exports in different CRM layouts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

/** Rules that count as finding each injected kind, on the field the truth names. */
const categories: Record<string, { kinds: string[]; rules: string[] }> = {
  'invalid emails': { kinds: ['invalid_email', 'email_domain_typo'], rules: ['email_syntax', 'email_domain_typo', 'placeholder'] },
  'invalid phones': { kinds: ['invalid_phone', 'placeholder_phone'], rules: ['phone_invalid', 'placeholder'] },
  'impossible birth dates': { kinds: ['future_birth_date', 'impossible_age', 'invalid_date'], rules: ['birth_date_future', 'age_implausible', 'date_unparseable'] },
  'negative or absurd incomes': { kinds: ['negative_income', 'absurd_income'], rules: ['income_negative', 'income_outlier', 'income_unparseable'] },
  'placeholder names': { kinds: ['placeholder_name'], rules: ['placeholder', 'name_invalid'] },
};

interface AuditJson {
  metrics: { records: number };
  issues: { source: string; recordId: string; field: string; rule: string; severity: string; message: string }[];
}

function truthErrors(file: string): { recordId: string; field: string; kind: string }[] {
  const [head, ...lines] = readFileSync(`${file}.truth.csv`, 'utf8').trim().split('\n');
  const cols = head.split(',');
  const id = cols.indexOf('record_id');
  const broken = cols.indexOf('broken');
  const errors = cols.indexOf('errors');
  return lines.flatMap((line) => {
    const c = line.split(',');
    if (c[broken] === '1' || !c[errors]) return [];
    return c[errors].split(';').map((e) => ({ recordId: c[id], field: e.split(':')[0], kind: e.split(':')[1] }));
  });
}

describe('crm-steward audit on a generated messy export', () => {
  it('finds each category of injected error with recall ≥ 0.9', async () => {
    const dir = tempDir();
    const files: string[] = [];
    for (const [i, preset] of (['salesforce', 'hubspot', 'chinese_erp'] as const).entries()) {
      const out = join(dir, `${preset}.csv`);
      await writeCsvExport({ out, rows: 2500, seed: 11 + i, preset, generate: { errorRate: 0.3 } });
      files.push(out);
    }
    const report = join(dir, 'report.html');
    const json = join(dir, 'audit.json');
    const res = spawnSync(process.execPath, ['bin/crm-steward.mjs', 'audit', ...files, '--report', report, '--json', json], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(existsSync(report)).toBe(true);
    const audit = JSON.parse(readFileSync(json, 'utf8')) as AuditJson;
    expect(audit.metrics.records).toBe(7500);

    const found = new Map<string, Set<string>>();
    for (const i of audit.issues) {
      const key = `${i.source}\t${i.recordId}\t${i.field}`;
      if (!found.has(key)) found.set(key, new Set());
      found.get(key)!.add(i.rule);
    }
    const recall: Record<string, string> = {};
    for (const [name, { kinds, rules }] of Object.entries(categories)) {
      let total = 0;
      let hit = 0;
      for (const f of files) {
        for (const e of truthErrors(f).filter((t) => kinds.includes(t.kind))) {
          total++;
          const got = found.get(`${basename(f)}\t${e.recordId}\t${e.field}`);
          if (got && rules.some((r) => got.has(r))) hit++;
        }
      }
      expect(total, name).toBeGreaterThan(30);
      recall[name] = (hit / total).toFixed(3);
    }
    console.log('recall per category:', recall);
    for (const [name, r] of Object.entries(recall)) expect(Number(r), name).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
