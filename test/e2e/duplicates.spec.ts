import { join } from 'node:path';
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
  await expect(page.getByTestId('cluster-count')).toContainText('groups');
  await expect(page.getByTestId('blocking-rules')).toContainText('email');

  const panel = await dups.openFirstGroup();
  // Records side by side, and a waterfall that starts at the prior and ends at the final weight.
  await expect(panel.getByTestId('member-column').first()).toBeVisible();
  await expect(panel.getByTestId('waterfall-prior')).toBeVisible();
  await expect(panel.getByTestId('waterfall-final')).toContainText(/[+-]?\d/);
  await expect(panel.getByTestId('pair-explain')).toContainText('found by');

  // Keyboard: arrow down then Enter opens the next group.
  const firstTitle = await panel.locator('h2').textContent();
  await dups.rows().first().click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(panel.locator('h2')).not.toHaveText(firstTitle ?? '');
});

test('screens of the duplicates view in English and Chinese, small and large', async ({ page, steward }) => {
  test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to write screenshots (to SCREENSHOTS_DIR, default /tmp/steward-screens)');
  test.setTimeout(300_000);
  const out = (name: string): string => join(process.env.SCREENSHOTS_DIR ?? '/tmp/steward-screens', `${name}.png`);
  const small = generatedProject(steward.home, 12, 5);
  const large = generatedProject(steward.home, 20_000, 6);
  for (const lang of ['en', 'zh-CN']) {
    for (const [size, path] of [['small', small], ['large', large]] as const) {
      const start = new StartPage(page);
      await start.open(steward.url, lang);
      const dups = new DuplicatesPage(page);
      await dups.openProject(path);
      await dups.go();
      await page.screenshot({ path: out(`${size}-${lang}-before`) });
      if (await page.getByTestId('duplicates-never').isVisible()) {
        await page.getByTestId('match-run').click();
        if (size === 'large') {
          await page.getByTestId('match-progress').waitFor();
          await page.screenshot({ path: out(`${size}-${lang}-running`) });
        }
        await page.getByTestId('last-run').waitFor({ timeout: 120_000 });
      }
      if (await dups.rows().count() > 0) await (await dups.openFirstGroup()).screenshot({ path: out(`${size}-${lang}-panel`) });
      await page.getByTestId('blocking-rules').locator('summary').click();
      await page.screenshot({ path: out(`${size}-${lang}-group`), fullPage: true });
      await page.getByTestId('close-project').click();
      await page.getByTestId('start-view').waitFor();
    }
  }
});
