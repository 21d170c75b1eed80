import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeActivity } from '../../../resources/generator/activity/write-activity.ts';
import { writeCsvExport } from '../../../resources/generator/write-export.ts';
import type { RfmOverview } from '../../../shared/channels/analysis.ts';
import { makeService } from '../match/match-fixture.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8' });
const ok = (args: string[]) => {
  const r = cli(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

/** A generated project with duplicates, transactions, a profile, fixes, merges and a segmentation (the RFM run is the app's: the rfm command stores none). */
async function fullProject(dir: string) {
  const customers = join(dir, 'contacts.csv');
  await writeCsvExport({ out: customers, rows: 300, seed: 31, preset: 'generic', quotedNewlineRate: 0, brokenRowRate: 0.01, generate: { duplicateRate: 0.25 } });
  const files = { transactions: join(dir, 'transactions.csv'), needs: join(dir, 'needs.csv'), truth: join(dir, 'rfm.truth.csv') };
  writeActivity(`${customers}.truth.csv`, files, { seed: 31, asOf: '2026-10-01' });
  const project = join(dir, 'p.crmsteward');
  ok(['import', customers, files.transactions, '--project', project]);
  ok(['profile', '--project', project]);
  ok(['fix', '--project', project, '--apply-all', '--no-backup']);
  ok(['merge', '--project', project, '--accept-above', '0.9']);
  ok(['profile', '--project', project]);
  ok(['segment', '--project', project, '--k', '3', '--features', 'age,income', '--as-of', '2026-10-01', '--out', join(dir, 'seg.csv')]);
  return project;
}

/** Every personal value of the generated customers (names, emails, phones), as the source file holds them. */
function personalValues(csvPath: string): string[] {
  const [head, ...lines] = readFileSync(csvPath, 'utf8').trim().split('\n');
  const cols = head.split(',');
  const wanted = cols.map((c, i) => (/name|email|phone/i.test(c) && !/account/i.test(c) ? i : -1)).filter((i) => i >= 0);
  return [...new Set(lines.flatMap((l) => { const cells = l.split(','); return wanted.map((i) => cells[i]?.replace(/^"|"$/g, '').trim() ?? ''); }))].filter((v) => v.length >= 5);
}

const figures = (html: string, name: string): string[] => [...html.matchAll(new RegExp(`data-figure="${name}">([^<]*)<`, 'g'))].map((m) => m[1]);

describe('crm-steward report', () => {
  it('writes one offline HTML file whose figures are the service\'s, masked when asked, in Chinese when asked', async () => {
    const dir = tempDir();
    const project = await fullProject(dir);
    // The app's RFM run (stored, as the RFM view does), and the figures the service reports.
    const { service, jobResult } = makeService(dir);
    await service.invoke('project:open', { path: project });
    const rfm = await jobResult<RfmOverview>(service.invoke('rfm:run', { asOf: '2026-10-01' }));
    const merge = await service.invoke('merge:summary', {});
    const segmentation = await service.invoke('segment:current', {});
    await service.invoke('project:close', undefined);

    const out = join(dir, 'report.html');
    const summary = JSON.parse(ok(['report', '--project', project, '--out', out, '--json'])) as { goldenRecords: number; segmentSizes: number[]; rfmCounts: { name: string; count: number }[] };
    const html = readFileSync(out, 'utf8');

    // Offline: no script at all, nothing fetched from elsewhere.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).toMatch(/@media print/);
    for (const id of ['sources', 'quality', 'fixes', 'duplicates', 'segments', 'rfm']) expect(html).toContain(`<section id="${id}">`);

    // The figures shown are what the service reports for the same project.
    expect(merge.merged).toBeGreaterThan(0);
    expect(summary.goldenRecords).toBe(merge.goldenRecords);
    expect(figures(html, 'golden-records')).toEqual([merge.goldenRecords.toLocaleString('en')]);
    expect(figures(html, 'segment-size')).toEqual(segmentation!.segments.map((s) => s.size.toLocaleString('en')));
    expect(summary.segmentSizes).toEqual(segmentation!.segments.map((s) => s.size));
    const rfmShown = rfm.segments.filter((s) => s.count > 0);
    expect(rfmShown.length).toBeGreaterThan(1);
    expect(figures(html, 'rfm-count')).toEqual(rfmShown.map((s) => s.count.toLocaleString('en')));
    expect(summary.rfmCounts).toEqual(rfmShown.map((s) => ({ name: s.name, count: s.count })));
    // Fixes were applied and both measurements exist: before and after are compared.
    expect(html).toContain('“Before” is the last measurement taken before the first change');
    expect(html).not.toContain('No fix has been applied');

    // Unmasked, the report names some customers (the largest golden records, the top customers) …
    const personal = personalValues(join(dir, 'contacts.csv'));
    const shown = personal.filter((p) => html.includes(p));
    expect(shown.length).toBeGreaterThan(0);
    // … but only the two sample tables' people (ten each): no list of every customer.
    expect(new Set(html.match(/[\w.+-]+@[\w-]+\.[\w.]+/g)).size).toBeLessThanOrEqual(20);

    // Masked: none of the project's names, emails or phones appear anywhere.
    const masked = join(dir, 'masked.html');
    ok(['report', '--project', project, '--out', masked, '--mask']);
    const maskedHtml = readFileSync(masked, 'utf8');
    expect(maskedHtml).toContain('id="masked"');
    expect(personal.filter((p) => maskedHtml.includes(p))).toEqual([]);
    expect(maskedHtml).toMatch(/\p{L}\*\*\*@/u);

    // Chinese headings, Chinese dates.
    const zh = join(dir, 'zh.html');
    ok(['report', '--project', project, '--out', zh, '--lang', 'zh-CN']);
    const zhHtml = readFileSync(zh, 'utf8');
    expect(zhHtml).toContain('<html lang="zh-CN">');
    for (const h of ['项目及其数据来源', '修复前后的数据质量', '已应用的修复', '发现并合并的重复记录', '客户分群（k-means）', 'RFM 分群']) expect(zhHtml).toContain(`<h2>${h}</h2>`);
    expect(zhHtml).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  }, 240_000);

  it('says in one sentence what a project without analyses lacks, and refuses bad usage clearly', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    await writeCsvExport({ out: csv, rows: 40, seed: 3, preset: 'generic', quotedNewlineRate: 0 });
    const project = join(dir, 'p.crmsteward');
    ok(['import', csv, '--project', project]);
    const out = join(dir, 'r.html');
    ok(['report', '--project', project, '--out', out]);
    const html = readFileSync(out, 'utf8');
    for (const s of ['No fix has been applied to the records.', 'Duplicates have not been searched for in this project.', 'No segmentation has been saved in this project.', 'RFM has not been run in this project.']) expect(html).toContain(s);
    expect(html).not.toMatch(/<table><thead><tr>[^]*?<\/tr><\/thead><tbody><\/tbody>/);

    expect(cli(['report', '--project', project, '--out', join(dir, 'r.csv')]).stderr).toContain('--out must name an .html file.');
    expect(cli(['report', '--project', project, '--out', out, '--lang', 'fr']).stderr).toContain('--lang must be one of en, zh-CN');
    const measured = JSON.parse(ok(['report', '--project', project, '--out', out, '--measure', '--json'])) as { measured: boolean };
    expect(measured.measured).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('No record has been changed yet');
  }, 120_000);

  it('works on an encrypted project with the passphrase from the environment, and says what is missing without it', async () => {
    const dir = tempDir();
    const csv = join(dir, 'c.csv');
    await writeCsvExport({ out: csv, rows: 30, seed: 4, preset: 'generic', quotedNewlineRate: 0 });
    const project = join(dir, 'locked.crmsteward');
    const env = { ...process.env, CRM_STEWARD_PASSPHRASE: 'report passphrase' };
    const run = (args: string[], e: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['bin/crm-steward.mjs', ...args], { encoding: 'utf8', env: e, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(run(['import', csv, '--project', project, '--encrypt'], env).status).toBe(0);
    const out = join(dir, 'r.html');
    const { CRM_STEWARD_PASSPHRASE: _, ...without } = env;
    const refused = run(['report', '--project', project, '--out', out], without);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is encrypted: set CRM_STEWARD_PASSPHRASE');
    const r = run(['report', '--project', project, '--out', out, '--lang', 'zh-CN'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('项目 locked');
  }, 120_000);
});
