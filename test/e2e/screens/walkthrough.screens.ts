import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CustomersPage } from '../pages/customers-page.ts';
import { DuplicatesPage } from '../pages/duplicates-page.ts';
import { FixesPage } from '../pages/fixes-page.ts';
import { HistoryPage } from '../pages/history-page.ts';
import { ImportPage } from '../pages/import-page.ts';
import { QualityPage } from '../pages/quality-page.ts';
import { SegmentsPage } from '../pages/segments-page.ts';
import { BackupsPage } from '../pages/backups-page.ts';
import { StartPage } from '../pages/start-page.ts';
import { expect, test } from '../fixtures.ts';
import { docsScreenPath } from '../screenshot-path.ts';

/**
 * Run with `npm run screens`: the README's first hour, step by step, in
 * English and Chinese, written to docs/screens/ (committed). A new project,
 * the demo export imported, the customers, the quality dashboard and a
 * drill-down, duplicates, fixes with the safe ones accepted, History with
 * the undo, the export; then the views past the first hour: k-means
 * segments, transactions, RFM, the client report, sources, quarantine and
 * backups. Each language runs against its own fresh
 * browser-mode server, so the pictures never depend on the other's work.
 */
const demoDir = join(process.cwd(), 'resources/demo');
const demoFiles = readdirSync(demoDir).filter((f) => /\.(csv|xlsx)$/.test(f)).map((f) => join(demoDir, f));
// A little smaller than the e2e window, so the twenty pictures stay light in the repository.
test.use({ actionTimeout: 60_000, viewport: { width: 1280, height: 800 } });

for (const lang of ['en', 'zh-CN'] as const) {
  test(`the README walkthrough in ${lang}`, async ({ page, steward }) => {
    test.setTimeout(600_000);
    await walk(page, steward.url, steward.home, lang);
  });
}

async function walk(page: Page, url: string, home: string, lang: 'en' | 'zh-CN'): Promise<void> {
  const shot = (name: string) => page.screenshot({ path: docsScreenPath(lang, name) });
  const start = new StartPage(page);
  await start.open(url, lang);
  await page.getByTestId('new-project-name').fill(lang === 'en' ? 'Acme customers' : '华东客户');
  await shot('01-start');
  await page.getByTestId('create-project').click();
  await page.getByTestId('project-name').waitFor();

  const importing = new ImportPage(page);
  await importing.go();
  // Browser mode reads files only in its own folders (least privilege): the demo export is copied into the user's.
  for (const f of demoFiles) {
    const copy = join(home, f.split('/').pop()!);
    copyFileSync(f, copy);
    await importing.addPath(copy);
  }
  await expect(page.getByTestId('start-import')).toBeEnabled();
  await importing.review('salesforce-contacts.csv').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('02-import-review');
  await importing.start();
  await page.getByTestId('import-outcome').waitFor({ timeout: 120_000 });
  await shot('03-import-result');

  const customers = new CustomersPage(page);
  await page.getByTestId('show-customers').click();
  await customers.cell('source_record_id', /\S/).first().waitFor();
  // Opened from the name: clicking a cell far to the right would scroll the grid away from its first columns.
  await customers.openRecord('full_name', /\S/);
  await shot('04-customers');

  // The import is followed by a profile of its own: the dashboard shows it when it is done.
  const quality = new QualityPage(page);
  await quality.go();
  await page.getByTestId('score-cards').waitFor({ timeout: 120_000 });
  await page.getByTestId('chart-fields').locator('[data-bars]').waitFor();
  // The dashboard is taller than the window: its scores and all four charts, whole, down to the end of
  // their panels (the document scrolls, so a full-page capture holds them; the long rules table is left out to keep the picture light).
  const chartsEnd = await page.getByTestId('chart-age').evaluate((el) => el.closest('section')!.getBoundingClientRect().bottom + window.scrollY);
  await page.screenshot({ path: docsScreenPath(lang, '05-quality'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(chartsEnd) + 16 } });
  await quality.clickBar('chart-fields', 0);
  await page.getByTestId('drill-count').waitFor();
  await expect(page.locator('.ag-cell[col-id="_quality_issue"]').first()).not.toBeEmpty();
  await shot('06-quality-drill');

  const dups = new DuplicatesPage(page);
  await dups.go();
  await page.getByTestId('match-run').click();
  await page.getByTestId('last-run').waitFor({ timeout: 180_000 });
  await dups.openFirstGroup();
  await shot('07-duplicates');

  const fixes = new FixesPage(page);
  await fixes.go();
  await fixes.run();
  await fixes.cell('field', /\S/).first().waitFor({ timeout: 120_000 });
  await shot('08-fixes');
  // The safe rules only rewrite a value in its standard form: accept all of each, on every field it covers
  // (the summary re-sorts as counts change, so each row is found again by its id).
  const safeRules = page.getByTestId('rule-summary').locator('tbody', { has: page.locator('.tag.ok') });
  for (;;) {
    await expect(safeRules.locator('input[type=checkbox]').first()).toBeEnabled({ timeout: 120_000 });
    const accept = safeRules.locator('[data-testid="accept-all"]:enabled').first();
    if ((await accept.count()) === 0) break;
    const row = await accept.locator('xpath=ancestor::tr').getAttribute('data-testid');
    await accept.click();
    await expect(page.getByTestId(row!).getByTestId('count-open')).toHaveText('0', { timeout: 120_000 });
  }

  const history = new HistoryPage(page);
  await history.go();
  await history.batches().first().click();
  await page.getByTestId('batch-changes').getByTestId('change-row').first().waitFor();
  await shot('09-history');
  await page.getByTestId('undo').click();
  await history.notice().waitFor();
  // The undo's notice stays, in every view, until it is dismissed: read, it is put away so it covers nothing below.
  await page.getByTestId('history-status').getByRole('button').click();

  // The whole cleaned file: the quality drill-down from step 6 is lifted first.
  await customers.go();
  if (await page.getByTestId('drill-clear').isVisible()) await page.getByTestId('drill-clear').click();
  await expect(quality.banner()).toHaveCount(0);
  await page.getByTestId('export-open').click();
  const dialog = customers.exportDialog();
  await dialog.getByTestId('export-path').fill(join(home, lang === 'en' ? 'acme-clean.csv' : '华东客户-clean.csv'));
  await dialog.getByTestId('export-start').click();
  await dialog.getByTestId('export-saved').waitFor({ timeout: 120_000 });
  await shot('10-export');

  await page.keyboard.press('Escape');

  const segments = new SegmentsPage(page);
  await segments.go();
  await segments.run(3);
  await segments.row(1).waitFor({ timeout: 120_000 });
  await page.getByTestId('segment-scatter').locator('canvas').waitFor();
  await page.screenshot({ path: docsScreenPath(lang, '11-segments'), fullPage: true });

  await page.getByTestId('nav-activity').click();
  await page.getByTestId('activity-grid').locator('.ag-row').first().waitFor();
  await shot('12-transactions');

  await page.getByTestId('nav-rfm').click();
  await page.getByTestId('rfm-as-of').fill('2026-10-01');
  await page.getByTestId('rfm-run').click();
  await page.getByTestId('rfm-segments').waitFor({ timeout: 120_000 });
  await page.screenshot({ path: docsScreenPath(lang, '13-rfm'), fullPage: true });

  await new QualityPage(page).go();
  await page.getByTestId('client-report').click();
  await page.getByTestId('client-report-dialog').waitFor();
  await shot('14-client-report');
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-sources').click();
  await page.getByTestId('sources-table').waitFor();
  await shot('15-sources');
  await page.getByTestId('nav-quarantine').click();
  await page.getByTestId('quarantine-table').waitFor();
  await shot('16-quarantine');
  await new BackupsPage(page).go();
  await shot('17-backups');
}
