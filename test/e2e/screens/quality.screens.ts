import { execFileSync } from 'node:child_process';
import { QualityPage } from '../pages/quality-page.ts';
import { StartPage } from '../pages/start-page.ts';
import { generatedProject } from '../small-export.ts';
import { test } from '../fixtures.ts';
import { screenshotPath } from '../screenshot-path.ts';

// Run with `npm run screens` (writes to screenshots/screens).

test('screens of the quality dashboard and a drill-down in English and Chinese, small and large', async ({ page, steward }) => {
  test.setTimeout(600_000);
  const out = (name: string): string => screenshotPath('screens', `quality-${name}`);
  const small = generatedProject(steward.home, 10, 5);
  const large = generatedProject(steward.home, 50_000, 6);
  execFileSync(process.execPath, ['bin/crm-steward.mjs', 'profile', '--project', large]);
  for (const lang of ['en', 'zh-CN']) {
    for (const [size, path] of [['small', small], ['large', large]] as const) {
      const start = new StartPage(page);
      await start.open(steward.url, lang);
      await start.openProject(path);
      const quality = new QualityPage(page);
      await quality.go();
      if (size === 'small' && (await page.getByTestId('quality-empty').isVisible().catch(() => false))) {
        await page.screenshot({ path: out(`${size}-${lang}-empty`) });
        await quality.profileNow();
      }
      await page.getByTestId('score-cards').waitFor();
      await page.screenshot({ path: out(`${size}-${lang}-dashboard`), fullPage: true });
      await quality.clickBar('chart-fields', 0);
      await page.getByTestId('drill-banner').waitFor();
      await page.locator('.ag-cell[col-id="_quality_issue"]').first().click();
      await page.getByTestId('customer-issues').waitFor();
      await page.screenshot({ path: out(`${size}-${lang}-drill`) });
      await page.getByTestId('close-project').click();
    }
  }
});
