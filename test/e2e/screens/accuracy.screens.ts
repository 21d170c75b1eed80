import { join } from 'node:path';
import { accuracyProject } from '../accuracy-project.ts';
import { CustomersPage } from '../pages/customers-page.ts';
import { QualityPage } from '../pages/quality-page.ts';
import { StartPage } from '../pages/start-page.ts';
import { test } from '../fixtures.ts';
import { screenshotPath } from '../screenshot-path.ts';

// Run with `npm run screens` (writes to screenshots/screens).
test('screens of accuracy: the card before and after a reference import, a refused file, marking records verified; English and Chinese', async ({ page, steward }) => {
  test.setTimeout(300_000);
  const out = (name: string): string => screenshotPath('screens', `accuracy-${name}`);
  for (const lang of ['en', 'zh-CN']) {
    const files = accuracyProject(join(steward.home, lang));
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await start.openProject(files.project);
    const quality = new QualityPage(page);
    await quality.go();
    await page.getByTestId('card-accuracy').waitFor();
    await page.screenshot({ path: out(`${lang}-not-measured`) });
    await quality.card('accuracy').screenshot({ path: out(`${lang}-card-not-measured`) });

    await quality.importReference(files.noIds);
    await page.getByTestId('reference-error').waitFor();
    await page.screenshot({ path: out(`${lang}-refused`) });
    await page.getByTestId('reference-error').getByRole('button').click();

    await quality.importReference(files.reference);
    await page.getByTestId('reference-result').waitFor();
    await page.getByTestId('confusion-tp').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: out(`${lang}-measured`) });
    await quality.card('accuracy').screenshot({ path: out(`${lang}-card-measured`) });
    await page.getByTestId('reference-list-verified').click();
    await page.getByTestId('drill-count').waitFor();
    await page.locator('.ag-cell[col-id="_quality_issue"]').first().waitFor();
    await page.screenshot({ path: out(`${lang}-verified-list`) });
    await quality.go();

    const customers = new CustomersPage(page);
    await customers.go();
    // Opening a record only shows it (a row click never ticks it): both are ticked to be marked.
    await customers.openRecord('source_record_id', 'C2');
    await customers.tick('source_record_id', 'C2');
    await customers.tick('source_record_id', 'C4');
    await page.getByTestId('selection-bar').waitFor();
    await page.screenshot({ path: out(`${lang}-customers-selected`) });
    await page.getByTestId('mark-selected-verified').click();
    await page.getByTestId('verify-done').waitFor();
    await customers.detail().locator('.verification .state.verified').waitFor();
    await customers.detail().getByTestId('reference-values').locator('summary').click();
    await page.screenshot({ path: out(`${lang}-customers-verified`) });
    await page.getByTestId('open-quality').click();
    await page.getByTestId('accuracy-stale').waitFor();
    await quality.card('accuracy').screenshot({ path: out(`${lang}-card-stale`) });
    await page.getByTestId('close-project').click();
  }
});
