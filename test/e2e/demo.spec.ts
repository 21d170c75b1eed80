import { readFileSync } from 'node:fs';
import { CustomersPage } from './pages/customers-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';

interface Manifest {
  files: { file: string; rows: number; brokenRows: number }[];
}
const manifest = JSON.parse(readFileSync('resources/demo/manifest.json', 'utf8')) as Manifest;

test('a first launch offers the demo, which imports every demo file with nothing lost', async ({ page, steward }) => {
  const start = new StartPage(page);
  await start.open(steward.url);
  await expect(page.getByTestId('no-recent')).toBeVisible();
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('import-outcome')).toBeVisible();
  for (const f of manifest.files) {
    const row = page.getByTestId(`outcome-${f.file}`);
    await expect(row.locator('td').nth(1)).toHaveText(f.rows.toLocaleString('en'));
    await expect(row.locator('td').nth(3)).toHaveText(f.brokenRows.toLocaleString('en'));
  }
  const imported = manifest.files.reduce((n, f) => n + f.rows - f.brokenRows, 0);
  await page.getByTestId('show-customers').click();
  await expect(page.getByTestId('customer-count')).toHaveText(`${imported.toLocaleString('en')} customers`);
  const customers = new CustomersPage(page);
  // The GB18030 export reads as Chinese, not mojibake.
  await customers.search('北京');
  const erpRow = customers.cell('source', 'erp-customers-gb18030.csv').first();
  await expect(erpRow).toBeVisible();
  await erpRow.click();
  await expect(customers.detail().getByTestId('source-location')).toContainText('erp-customers-gb18030.csv');
  await expect(customers.detail().getByTestId('source-row')).toContainText('北京');
  await page.screenshot({ path: screenshotPath('views', 'en-demo-customers') });
});
