import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });

const csv = ['Customer ID,Name,Email,Phone,Country,Income', '1,Ann Lee,ann@gmial.com,+49 30 1234567,DE,52000', '2,TEST,bob@@mail,12,DE,-5', '3,Cy Wu,,030 7654321,DE,48000'].join('\n');

/** Audits the fixture export with the given extra options; the report's and the JSON's paths. */
function audit(...extra: string[]): { report: string; json: string } {
  const dir = tempDir();
  const file = join(dir, 'crm.csv');
  writeFileSync(file, csv);
  const report = join(dir, 'r.html');
  const json = join(dir, 'r.json');
  const res = cli(['audit', file, '--report', report, '--json', json, '--default-country', 'DE', ...extra]);
  expect(res.status, res.stderr).toBe(0);
  return { report, json };
}

describe('crm-steward profile and audit', () => {
  it('profile --json prints every metric with its formula and stores the run', () => {
    const dir = tempDir();
    const file = join(dir, 'crm.csv');
    writeFileSync(file, csv);
    const project = join(dir, 'p.crmsteward');
    expect(cli(['import', file, '--project', project]).status).toBe(0);
    const res = cli(['profile', '--project', project, '--json', '--timeliness-days', '30']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as { metrics: { records: number; timelinessDays: number; overall: Record<string, { value: number | null; formula: string; reason?: string }> } };
    expect(out.metrics.records).toBe(3);
    expect(out.metrics.timelinessDays).toBe(30);
    expect(out.metrics.overall.completeness.formula).toContain('1 − missing / total');
    expect(out.metrics.overall.accuracy.value).toBeNull();
    expect(out.metrics.overall.accuracy.reason).toContain('not measured');
    const text = cli(['profile', '--project', project]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/completeness\s+\d/);
  });

  it('audit writes the HTML report and the JSON with record ids from the id column', () => {
    const { report, json } = audit();
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<svg');
    // Nothing to fetch: no scripts, no external sources or links (the SVG namespace URI is only a name).
    expect(html).not.toMatch(/<script|(?:src|href)="https?:/);
    const out = JSON.parse(readFileSync(json, 'utf8')) as { metrics: object; issues: { source: string; recordId: string; field: string; rule: string; severity: string; message: string }[] };
    const of = (id: string) => out.issues.filter((i) => i.recordId === id).map((i) => `${i.field}:${i.rule}`);
    expect(of('1')).toContain('email:email_domain_typo');
    expect(of('2')).toEqual(expect.arrayContaining(['full_name:placeholder', 'email:email_syntax', 'phone:phone_invalid', 'income:income_negative']));
    expect(of('3')).toContain('email:missing');
    expect(out.issues.every((i) => i.source === 'crm.csv')).toBe(true);
  });

  it('audit --lang zh-CN writes the report in Chinese, messages included, and the JSON stays English', () => {
    const { report, json } = audit('--lang', 'zh-CN');
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>客户数据质量审计报告</h1>');
    for (const words of ['各维度得分', '完整性', '违反的规则', '邮箱为空', '准确性未衡量']) expect(html).toContain(words);
    // The engine's English is not what a Chinese reader gets: not the messages, not the reasons.
    for (const english of ['email is empty', 'Accuracy is not measured', 'Score by dimension', '>Completeness<']) expect(html).not.toContain(english);
    const out = JSON.parse(readFileSync(json, 'utf8')) as { issues: { field: string; rule: string; message: string }[] };
    expect(out.issues.find((i) => i.field === 'email' && i.rule === 'missing')?.message).toBe('email is empty');
  });

  it('bad usage exits 2', () => {
    expect(cli(['audit', 'crm.csv', '--report', 'x.html', '--lang', 'fr']).status).toBe(2);
    expect(cli(['audit', '--report', 'x.html']).status).toBe(2);
    expect(cli(['profile']).status).toBe(2);
  });
});
