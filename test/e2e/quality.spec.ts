import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomersPage } from './pages/customers-page.ts';
import { QualityPage } from './pages/quality-page.ts';
import { StartPage } from './pages/start-page.ts';
import { generatedProject } from './small-export.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';

type Metrics = { records: number; byField: Record<string, Record<string, { value: number | null; bad: number }>>; overall: Record<string, { value: number | null; bad: number }> };

/** Profiles with the CLI so the test knows every number the dashboard must show. */
function profileWithCli(project: string): Metrics {
  const out = execFileSync(process.execPath, ['bin/crm-steward.mjs', 'profile', '--project', project, '--json'], { encoding: 'utf8' });
  return (JSON.parse(out) as { metrics: Metrics }).metrics;
}

test('a bar on the dashboard opens the grid with exactly its records, each with the rule it broke', async ({ page, steward }) => {
  const project = generatedProject(steward.home, 300);
  const metrics = profileWithCli(project);
  const start = new StartPage(page);
  await start.open(steward.url);
  await start.openProject(project);
  const quality = new QualityPage(page);
  await quality.go();
  await expect(page.getByTestId('score-completeness')).toHaveText(`${((metrics.overall.completeness.value ?? 0) * 100).toFixed(1)}%`);
  await expect(page.getByTestId('score-accuracy')).toHaveText('not measured');

  // The validity tab lists fields worst first: bar 0 is the field with the lowest validity.
  await page.getByTestId('field-tab-validity').click();
  const worst = Object.entries(metrics.byField).filter(([, m]) => m.validity.value !== null).sort((a, b) => (a[1].validity.value ?? 0) - (b[1].validity.value ?? 0))[0];
  await quality.clickBar('chart-fields', 0);
  const customers = new CustomersPage(page);
  await expect(quality.banner()).toBeVisible();
  await expect(page.getByTestId('drill-count')).toHaveText(worst[1].validity.bad.toLocaleString('en'));
  await expect(page.getByTestId('customer-count')).toContainText(worst[1].validity.bad.toLocaleString('en'));
  const issueCells = customers.grid().locator('.ag-cell[col-id="_quality_issue"]');
  await expect(issueCells.first()).not.toBeEmpty();
  const texts = await issueCells.allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text.length).toBeGreaterThan(5);
  // Each finding is said from its code's template, every parameter filled in.
  for (const text of texts) expect(text).not.toMatch(/issueMessage\.|\{\{/);

  // The record's own panel says which rule it broke and why.
  await issueCells.first().click();
  await expect(page.getByTestId('customer-issues').getByTestId('customer-issue').first()).toBeVisible();

  // Clearing the filter shows every customer again.
  await page.getByTestId('drill-clear').click();
  await expect(quality.banner()).toHaveCount(0);
  await expect(page.getByTestId('customer-count')).toContainText(metrics.records.toLocaleString('en'));

  // A score card counts failing values over all fields; its drill-down lists the records holding them.
  await quality.go();
  await quality.card('consistency').click();
  await expect(quality.banner()).toContainText('Consistency');
  const records = Number((await page.getByTestId('drill-count').textContent())!.replace(/,/g, ''));
  expect(records).toBeGreaterThan(0);
  expect(records).toBeLessThanOrEqual(metrics.overall.consistency.bad);
});

test('in Chinese the grid and the record panel say each finding in Chinese, from its code and parameters', async ({ page, steward }) => {
  const project = generatedProject(steward.home, 300);
  profileWithCli(project);
  const start = new StartPage(page);
  await start.open(steward.url, 'zh-CN');
  await start.openProject(project);
  const quality = new QualityPage(page);
  await quality.go();
  // The rule broken by the most records.
  await page.getByTestId('rule-table').locator('tbody tr').first().click();
  const issueCells = new CustomersPage(page).grid().locator('.ag-cell[col-id="_quality_issue"]');
  await expect(issueCells.first()).not.toBeEmpty();
  // Quoted values stay as the records hold them; everything else is Chinese, with no key or unfilled parameter left.
  const unquoted = (text: string) => text.replace(/"[^"]*"|“[^”]*”/g, '');
  for (const text of await issueCells.allTextContents()) {
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toMatch(/issueMessage\.|\{\{/);
    expect(unquoted(text)).not.toMatch(/\b(is|has|the|of|not|same)\b/);
  }
  await issueCells.first().click();
  const panel = page.getByTestId('customer-issues').getByTestId('customer-issue');
  await expect(panel.first()).toBeVisible();
  for (const text of await panel.allTextContents()) {
    expect(text).not.toMatch(/issueMessage\.|\{\{/);
    expect(unquoted(text)).not.toMatch(/\b(is|has|the|of|not|same)\b/);
  }
});

test('an unprofiled project explains itself, Profile now fills the dashboard and a second run starts the trend', async ({ page, steward }) => {
  const project = generatedProject(steward.home, 120, 9);
  const start = new StartPage(page);
  await start.open(steward.url);
  await start.openProject(project);
  const quality = new QualityPage(page);
  await quality.go();
  await expect(page.getByTestId('quality-empty')).toContainText('not been profiled');
  await quality.profileNow();
  await expect(page.getByTestId('trend-empty')).toBeVisible();
  await page.getByTestId('profile-now').click();
  await expect(page.getByTestId('chart-trend')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('rule-table')).toContainText('Value missing');
});

test('the audit report opens in Chromium with every network request refused', async ({ page, steward, context }) => {
  const csv = join(steward.home, 'audit.csv');
  execFileSync(process.execPath, ['--import', 'tsx', 'resources/generator/make-export.ts', '--rows', '400', '--seed', '4', '--out', csv, '--preset', 'hubspot']);
  const report = join(steward.home, 'report.html');
  execFileSync(process.execPath, ['bin/crm-steward.mjs', 'audit', csv, '--report', report, '--json', join(steward.home, 'report.json')]);
  const attempted: string[] = [];
  await context.setOffline(true);
  await page.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    attempted.push(url);
    return route.abort();
  });
  await page.goto(`file://${report}`);
  await expect(page.locator('h1')).toContainText('quality audit');
  // When it was profiled reads as English writes a date and time, never the stored ISO text.
  await expect(page.locator('.meta')).toContainText(/profiled [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M/);
  await expect(page.locator('.meta')).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  await expect(page.locator('svg').first()).toBeVisible();
  expect(await page.locator('svg rect').count()).toBeGreaterThan(10);
  await page.screenshot({ path: screenshotPath('views', 'audit-report') });
  await page.locator('h2', { hasText: 'By field' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('views', 'audit-report-charts') });
  expect(readFileSync(report, 'utf8')).not.toContain('<script');

  // The same audit for a Chinese-speaking client.
  const zhReport = join(steward.home, 'report.zh-CN.html');
  execFileSync(process.execPath, ['bin/crm-steward.mjs', 'audit', csv, '--report', zhReport, '--lang', 'zh-CN']);
  await page.goto(`file://${zhReport}`);
  await expect(page.locator('h1')).toHaveText('客户数据质量审计报告');
  await expect(page.locator('.meta')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
  await expect(page.locator('svg').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('views', 'audit-report-zh-CN') });
  await page.locator('h2', { hasText: '问题明细' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('views', 'audit-report-zh-CN-issues') });
  expect(attempted).toEqual([]);
});
