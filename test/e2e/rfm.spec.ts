import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';
import { generatedCsv } from './small-export.ts';

/**
 * From transactions to a segment's customers, in English and in Chinese: a
 * project with customers, purchases, refunds and needs (generated, several
 * currencies); the Transactions grid with its unlinked rows; RFM calculated
 * with rates; a rule edited so that it covers two later ones (the editor
 * says they can never match), saved; a segment opened in the Customers grid,
 * where a customer's purchases, refunds and needs show with their totals.
 */
const words = {
  en: { banner: /RFM segment: /, dead: /Never matches: .*3\. Potential loyalist/, golden: 'Golden record' },
  'zh-CN': { banner: /RFM 分群：/, dead: /永远不会匹配：3\. 潜在忠诚客户/, golden: '黄金记录' },
} as const;

function projectWithActivity(dir: string): string {
  const csv = generatedCsv(dir, 250, 8);
  const out = join(dir, 'activity');
  execFileSync(process.execPath, ['--import', 'tsx', 'resources/generator/make-activity.ts', '--export-truth', `${csv}.truth.csv`, '--out-dir', out, '--seed', '8', '--as-of', '2026-10-01']);
  const project = join(dir, 'shop.crmsteward');
  execFileSync(process.execPath, ['bin/crm-steward.mjs', 'import', csv, join(out, 'transactions.csv'), join(out, 'needs.csv'), '--project', project, '--json']);
  return project;
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a steward calculates RFM, edits a rule and opens a segment's customers (${lang})`, async ({ page, steward }) => {
    test.setTimeout(180_000);
    const w = words[lang];
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-${name}`) });
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await start.openProject(projectWithActivity(steward.home));

    // Transactions as data of their own; rows naming no customer are listed, not dropped.
    await page.getByTestId('nav-activity').click();
    await expect(page.getByTestId('activity-grid').locator('.ag-row').first()).toBeVisible();
    await shot('activity-transactions');
    await page.getByTestId('unlinked-only').check();
    await expect(page.getByTestId('activity-grid').locator('.ag-row').first()).toBeVisible();
    await page.getByTestId('activity-tab-needs').click();
    await expect(page.getByTestId('activity-grid').locator('.ag-row')).toHaveCount(0);
    await page.getByTestId('unlinked-only').uncheck();
    await expect(page.getByTestId('activity-grid').locator('.ag-row').first()).toBeVisible();

    // RFM: before, after a calculation with rates.
    await page.getByTestId('nav-rfm').click();
    await expect(page.getByTestId('rfm-not-run')).toBeVisible();
    await shot('rfm-before');
    await page.getByTestId('rfm-as-of').fill('2026-10-01');
    await page.getByTestId('rfm-per').selectOption('golden');
    await expect(page.getByTestId('rfm-per')).toHaveValue('golden');
    await page.getByTestId('rfm-per').selectOption('customer');
    await page.getByTestId('rfm-currency').fill('EUR');
    await page.getByTestId('rfm-rates').fill('USD=0.92, CNY=');
    await expect(page.getByTestId('rfm-rates-invalid')).toBeVisible();
    await expect(page.getByTestId('rfm-run')).toBeDisabled();
    await page.getByTestId('rfm-rates').fill('USD=0.92, CNY=0.13, GBP=1.17');
    await page.getByTestId('rfm-run').click();
    await expect(page.getByTestId('rfm-segments')).toBeVisible();
    await expect(page.getByTestId('rfm-left-out')).toHaveCount(0);
    await shot('rfm-segments');

    // Potential loyalist (rule 3) widened to frequency 1: New and Promising can never match, and the editor says so.
    await page.getByTestId('rule-2-f-lo').selectOption('1');
    await expect(page.getByTestId('rule-3-dead')).toContainText(w.dead);
    await expect(page.getByTestId('rule-4-dead')).toBeVisible();
    await page.getByTestId('rule-3-dead').scrollIntoViewIfNeeded();
    await shot('rfm-dead-rule');
    await page.getByTestId('rules-save').click();
    await expect(page.getByTestId('rules-saved')).toBeVisible();
    await expect(page.getByTestId('segment-3-count')).toHaveText('0');
    await expect(page.getByTestId('segment-4-count')).toHaveText('0');

    // The biggest segment's customers in the Customers grid.
    const counts = await page.locator('[data-testid^="segment-"][data-testid$="-count"]').allTextContents();
    const sizes = counts.map((c) => Number(c.replace(/\D/g, '')));
    const biggest = sizes.indexOf(Math.max(...sizes));
    const expected = counts[biggest];
    const row = page.locator('[data-testid^="segment-"][data-testid$="-count"]').nth(biggest).locator('xpath=..');
    await row.getByRole('button').click();
    await expect(page.getByTestId('segment-banner')).toContainText(w.banner);
    await expect(page.getByTestId('segment-count')).toHaveText(expected);
    await page.getByTestId('customers-grid').locator('.ag-row').first().click();
    await expect(page.getByTestId('customer-activity')).toBeVisible();
    await expect(page.getByTestId('activity-totals')).toBeVisible();
    await shot('rfm-segment-customers');
    await page.getByTestId('customer-activity').scrollIntoViewIfNeeded();
    await shot('customer-activity');
    await page.getByTestId('segment-clear').click();
    await expect(page.getByTestId('segment-banner')).toHaveCount(0);
  });
}
