import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportPage } from './pages/import-page.ts';
import { QualityPage } from './pages/quality-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';

/** A file name is text from whoever wrote the file; this one is also valid HTML. */
const hostileName = '<img src=x onerror=alert(7)>.csv';

test('a file named like HTML is shown as text in the dashboard\'s chart tooltip, and nothing runs', async ({ page, steward, consoleErrors }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const file = join(steward.home, hostileName);
  writeFileSync(file, ['id,First Name,Last Name,Email,Country', '1,Ann,Zed,ann@example.org,GB', '2,Bob,Young,not-an-email,DE', '3,Cy,Xu,,FR'].join('\n'));

  const start = new StartPage(page);
  await start.open(steward.url);
  await start.createProject('Hostile names');
  const importing = new ImportPage(page);
  await importing.go();
  await importing.chooseFile(file); // uploaded under its own name
  await importing.start();
  await importing.expectOutcome(hostileName, { rows: 3, imported: 3, quarantined: 0 });
  // The uploaded copy has served: it is gone.
  expect(readdirSync(join(steward.home, 'uploads'))).toEqual([]);

  const quality = new QualityPage(page);
  await quality.go();
  // The service profiles after the import by itself.
  await page.getByTestId('score-cards').waitFor({ timeout: 60_000 });
  await quality.hoverBar('chart-sources', 0);
  const chart = page.getByTestId('chart-sources');
  const tooltip = chart.locator('div').filter({ hasText: 'onerror=alert(7)' }).last();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(hostileName);
  await expect(chart.locator('img')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('views', 'quality-hostile-file-name-tooltip') });
  expect(dialogs).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
