import type { Page } from '@playwright/test';
import { CustomersPage } from './pages/customers-page.ts';
import { QualityPage } from './pages/quality-page.ts';
import { StartPage } from './pages/start-page.ts';
import { generatedProject } from './small-export.ts';
import { expect, test, type StewardServer } from './fixtures.ts';

/**
 * What a newcomer reads is right and readable: every text follows a switch of
 * the UI language (a drill-down banner included), dates read as the language
 * writes them, the accuracy card shows the validity it says it shows instead,
 * and the dashboard is captured or printed whole.
 */
/** A generated 200-customer project, opened and profiled, on the quality dashboard. */
async function profiledDashboard(page: Page, steward: StewardServer): Promise<QualityPage> {
  const start = new StartPage(page);
  await start.open(steward.url);
  await start.openProject(generatedProject(steward.home, 200));
  const quality = new QualityPage(page);
  await quality.go();
  await quality.profileNow();
  return quality;
}

test('a language switch rewords the drill-down banner, the accuracy card and the record’s dates', async ({ page, steward }) => {
  const quality = await profiledDashboard(page, steward);
  await expect(page.getByTestId('accuracy-instead')).toContainText(/^Shown instead: validity \d+\.\d%/);

  await quality.card('consistency').click();
  await expect(quality.banner()).toContainText('Consistency');
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(quality.banner()).toContainText('一致性');
  await expect(quality.banner()).not.toContainText(/[A-Za-z]{3,}/);

  // A record's date, once in its standard form, reads as Chinese writes a date; editing starts from the stored text.
  const customers = new CustomersPage(page);
  await customers.openRecord('source_record_id', /\S/);
  const updated = customers.detail().getByTestId('detail-value-updated_at');
  await updated.click();
  const input = customers.detail().getByTestId('detail-edit-updated_at-field');
  await input.fill('2022-03-02T09:57:00Z');
  await input.press('Enter');
  await expect(updated).toHaveText(/^2022年3月2日 \d{1,2}:57$/);
  await updated.click();
  await expect(input).toHaveValue('2022-03-02T09:57:00Z');
  await input.press('Escape');

  await quality.go();
  await expect(page.getByTestId('accuracy-instead')).toContainText(/^改为显示有效性：\d+\.\d%/);
});

test('the dashboard is captured whole by a full-page screenshot and prints without the app around it', async ({ page, steward }) => {
  const quality = await profiledDashboard(page, steward);
  await page.getByTestId('rule-table').waitFor();

  // The document scrolls, not an inner box: the picture is as tall as the view, its last table included.
  const png = await page.screenshot({ fullPage: true });
  const height = png.readUInt32BE(20);
  const bottom = await page.getByTestId('rule-table').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
  expect(height).toBeGreaterThan(860);
  expect(height).toBeGreaterThanOrEqual(Math.floor(bottom));

  // Scrolled to the end, the navigation is still at hand.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByTestId('nav-customers')).toBeInViewport();

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sidebar')).toBeHidden();
  await expect(page.getByTestId('profile-now')).toBeHidden();
  await expect(page.getByTestId('score-cards')).toBeVisible();
  await expect(page.getByTestId('chart-fields')).toBeVisible();
});
