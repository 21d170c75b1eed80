import { DuplicatesPage } from '../pages/duplicates-page.ts';
import { StartPage } from '../pages/start-page.ts';
import { generatedProject } from '../small-export.ts';
import { test } from '../fixtures.ts';
import { screenshotPath } from '../screenshot-path.ts';

// Run with `npm run screens` (writes to screenshots/screens).
test('screens of the duplicates view in English and Chinese, small and large', async ({ page, steward }) => {
  test.setTimeout(300_000);
  const out = (name: string): string => screenshotPath('screens', `duplicates-${name}`);
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
