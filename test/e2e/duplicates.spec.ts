import { DuplicatesPage } from './pages/duplicates-page.ts';
import { StartPage } from './pages/start-page.ts';
import { generatedProject } from './small-export.ts';
import { expect, test } from './fixtures.ts';

test('a steward runs duplicate matching, opens a suggested group and sees why its records were grouped', async ({ page, steward }) => {
  const project = generatedProject(steward.home, 300);
  const start = new StartPage(page);
  await start.open(steward.url);
  const dups = new DuplicatesPage(page);
  await dups.openProject(project);
  await dups.go();
  await expect(page.getByTestId('duplicates-never')).toBeVisible();

  await dups.run();
  await expect(page.getByTestId('merge-counts')).toContainText('to review');
  await expect(page.getByTestId('blocking-rules')).toContainText('email');

  const panel = await dups.openFirstGroup();
  // Records side by side, and a waterfall that starts at the prior and ends at the final weight.
  await expect(panel.getByTestId('member-column').first()).toBeVisible();
  await expect(panel.getByTestId('waterfall-prior')).toBeVisible();
  await expect(panel.getByTestId('waterfall-final')).toContainText(/[+-]?\d/);
  await expect(panel.getByTestId('pair-explain')).toContainText('found by');

  // Keyboard: arrow down in the list opens the next group, K goes back.
  const firstTitle = (await panel.locator('h2').textContent()) ?? '';
  await dups.rows().first().click();
  await page.keyboard.press('ArrowDown');
  await expect(panel.locator('h2')).not.toHaveText(firstTitle);
  await page.keyboard.press('k');
  await expect(panel.locator('h2')).toHaveText(firstTitle);
});
