import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CustomersPage } from '../pages/customers-page.ts';
import { FixesPage } from '../pages/fixes-page.ts';
import { HistoryPage } from '../pages/history-page.ts';
import { StartPage } from '../pages/start-page.ts';
import { generatedProject } from '../small-export.ts';
import { expect, test } from '../fixtures.ts';
import { screenshotPath } from '../screenshot-path.ts';

/**
 * Run with `npm run screens` (writes to screenshots/screens): the Fixes,
 * History, Customers-with-an-edit and Export views in English and Chinese,
 * with a dozen customers and with a large project. The large one is
 * STEWARD_LARGE_PROJECT when set (a million customers imported with the CLI
 * and standardised once, see the README), otherwise 20,000 generated here.
 * It asserts only what it waits for.
 */
const large = process.env.STEWARD_LARGE_PROJECT;
// A click on something that never appears fails after a minute instead of waiting out the whole walk.
test.use({ actionTimeout: 60_000 });

test('screens of fixing records in English and Chinese, small and large', async ({ page, steward }) => {
  test.setTimeout(1_800_000);
  const small = generatedProject(steward.home, 12, 5);
  const big = large && existsSync(large) ? large : generatedProject(steward.home, 20_000, 6);
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const [size, path] of [['small', small], ['large', big]] as const) {
      await walk(page, steward.url, steward.home, lang, size, path);
    }
  }
});

async function walk(page: Page, url: string, home: string, lang: string, size: string, project: string): Promise<void> {
  const shot = (name: string) => page.screenshot({ path: screenshotPath('screens', `fixes-${size}-${lang}-${name}`) });
  const start = new StartPage(page);
  await start.open(url, lang);
  await start.openProject(project);

  const fixes = new FixesPage(page);
  await fixes.go();
  if (await page.getByTestId('fixes-never').isVisible()) {
    await shot('never');
    await page.getByTestId('fix-run').click();
    await page.getByTestId('job-progress').waitFor();
    await shot('running');
    await page.getByTestId('fix-last-run').waitFor({ timeout: 900_000 });
  }
  await fixes.cell('field', /\S/).first().waitFor({ timeout: 120_000 });
  await shot('summary');
  // One rule in the grid; a row accepted from the keyboard, two more selected.
  await page.getByTestId('rule-show').first().click();
  await fixes.cell('field', /\S/).first().waitFor({ timeout: 120_000 });
  await fixes.focusFirstRow();
  await page.keyboard.press('a');
  await expect(fixes.status(0)).not.toHaveText(/^(Open|待处理)$/);
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await shot('review');
  await page.keyboard.press('Escape');
  // A flag row's explanation, and an edit of a proposed value.
  await page.getByTestId('filter-clear').click();
  await page.getByTestId('filter-rule').selectOption('date_ambiguous');
  const firstFlag = fixes.cell('field', /\S/).first();
  await firstFlag.or(page.getByTestId('fixes-no-match')).first().waitFor();
  if (await firstFlag.isVisible()) {
    await fixes.focusFirstRow();
    await page.keyboard.press('Enter');
    await page.getByTestId('cell-editor-field').fill('31/31/1990');
    await expect(page.getByTestId('cell-editor-problem')).toBeVisible();
    await shot('edit-flag');
    await page.keyboard.press('Escape');
  }
  // A whole rule at once: a job with progress and cancel on a large project.
  await page.getByTestId('filter-clear').click();
  if (size === 'large') {
    const open = page.getByTestId('count-open').first();
    const before = await open.textContent();
    await page.getByTestId('accept-all').first().click();
    const progress = page.getByTestId('job-progress');
    const notice = page.getByTestId('decide-notice');
    await progress.or(notice).first().waitFor();
    if (await progress.isVisible()) {
      // The job may finish before it says "Applying" (the accept is fast now): then there is no running picture to take.
      const applying = progress.filter({ hasText: /Applying|正在应用/ });
      await applying.or(notice).first().waitFor({ timeout: 120_000 });
      if (await applying.isVisible()) {
        await shot('apply-running');
        await page.getByTestId('cancel-job').click({ timeout: 5_000 }).catch(() => {});
      }
      await progress.waitFor({ state: 'hidden', timeout: 300_000 });
    }
    // Cancelled, the counts stay; finished first, they change once the summary has been read again.
    await notice.waitFor({ timeout: 300_000 });
    if (!/cancel|取消/.test((await notice.textContent()) ?? '')) await expect(open).not.toHaveText(before ?? '', { timeout: 300_000 });
    await shot('apply-done');
  }

  const customers = new CustomersPage(page);
  await customers.go();
  await customers.cell('source_record_id', /\S/).first().waitFor({ timeout: 120_000 });
  await customers.grid().locator('.ag-row[row-index="0"] .ag-cell[col-id="phone"]').dblclick();
  const editor = page.getByTestId('cell-editor');
  await editor.getByTestId('cell-editor-field').fill('12');
  await expect(editor.getByTestId('cell-editor-problem')).toBeVisible();
  await shot('customers-edit-invalid');
  await editor.getByTestId('cell-editor-field').fill('+1 415 555 0100');
  await expect(editor.getByTestId('cell-editor-suggestion')).toBeVisible();
  await shot('customers-edit');
  await editor.getByTestId('cell-editor-field').press('Control+Enter');
  await expect(editor).toBeHidden();
  await page.getByTestId('export-open').click();
  await expect(customers.exportDialog().getByTestId('export-path')).not.toHaveValue('');
  await shot('export');
  await customers.exportDialog().getByTestId('export-path').fill(join(home, `export-${size}-${lang}.csv`));
  await customers.exportDialog().getByTestId('export-start').click();
  if (size === 'large') {
    await customers.exportDialog().getByTestId('job-progress').waitFor();
    await shot('export-running');
    await customers.exportDialog().getByTestId('cancel-job').click();
    await customers.exportDialog().getByTestId('export-notice').waitFor({ timeout: 120_000 });
  } else {
    await customers.exportDialog().getByTestId('export-saved').waitFor();
  }
  await shot('export-done');
  await customers.exportDialog().getByTestId('export-close').click();

  const history = new HistoryPage(page);
  await history.go();
  await history.batches().first().click();
  await page.getByTestId('batch-changes').getByTestId('change-row').first().waitFor();
  await shot('history');
  await page.getByTestId('close-project').click();
  await page.getByTestId('start-view').waitFor();
}
