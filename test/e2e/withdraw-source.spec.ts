import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomersPage } from './pages/customers-page.ts';
import { HistoryPage } from './pages/history-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { SourcesPage } from './pages/sources-page.ts';
import { StartPage } from './pages/start-page.ts';
import { screenshotPath } from './screenshot-path.ts';
import { expect, test } from './fixtures.ts';

test('a file imported by mistake is withdrawn from Sources, hidden from the grid, and undone from History', async ({ page, steward }) => {
  const good = join(steward.home, 'customers.csv');
  writeFileSync(good, 'Customer ID,Name,Email\nK1,Ann Lee,ann@x.com\nK2,Bob Ray,bob@x.com\nK3,Cy Zhu,cy@x.com\n');
  const wrong = join(steward.home, 'wrong-file.csv');
  // The wrong export: seven rows that are not customers at all, read as customers all the same.
  writeFileSync(wrong, 'Name,Note\n' + Array.from({ length: 7 }, (_, i) => `Widget ${i + 1},shelf ${i + 1}`).join('\n') + '\n');
  const start = new StartPage(page);
  await start.open(steward.url);
  await start.createProject('Withdraw');
  const importing = new ImportPage(page);
  await importing.go();
  await importing.addPath(good);
  await importing.addPath(wrong);
  await importing.review('wrong-file.csv').waitFor();
  await importing.start();
  await importing.expectOutcome('customers.csv', { rows: 3, imported: 3, quarantined: 0 });
  await importing.expectOutcome('wrong-file.csv', { rows: 7, imported: 7, quarantined: 0 });
  const customers = new CustomersPage(page);
  await customers.go();
  await expect(page.getByTestId('customer-count')).toHaveText('10 customers');

  const sources = new SourcesPage(page);
  await sources.go();
  const dialog = await sources.askToWithdraw('wrong-file.csv');
  await expect(dialog.getByTestId('withdraw-hides')).toContainText('Its 7 customers will be hidden');
  await expect(dialog).toContainText('its 7 raw rows');
  await sources.confirmWithdraw();
  await expect(sources.notice()).toContainText('Withdrew wrong-file.csv: 7 customers hidden');
  await expect(sources.row('wrong-file.csv').getByTestId('source-withdrawn')).toContainText('Withdrawn');
  await expect(sources.row('customers.csv').getByTestId('source-withdrawn')).toHaveCount(0);
  await expect(page.getByTestId('nav-customers')).toContainText('3');
  await page.screenshot({ path: screenshotPath('views', 'en-sources-withdrawn') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(sources.row('wrong-file.csv').getByTestId('source-withdrawn')).toContainText('撤回');
  await expect(sources.row('wrong-file.csv')).toContainText('恢复来源');
  await page.screenshot({ path: screenshotPath('views', 'zh-CN-sources-withdrawn') });
  await page.getByTestId('language').selectOption('en');

  await customers.go();
  await expect(page.getByTestId('customer-count')).toHaveText('3 customers');
  await expect(customers.cell('full_name', 'Widget')).toHaveCount(0);

  // History says what happened, and Undo brings the source back.
  const history = new HistoryPage(page);
  await history.go();
  await expect(history.batch('Withdrew source #2 wrong-file.csv (7 customers hidden)')).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(history.notice()).toContainText('Withdrew source #2');
  await customers.go();
  await expect(page.getByTestId('customer-count')).toHaveText('10 customers');
  await sources.go();
  await expect(sources.row('wrong-file.csv').getByTestId('source-withdrawn')).toHaveCount(0);

  // Withdraw again, then Bring back from the Sources view.
  await sources.askToWithdraw('wrong-file.csv');
  await sources.confirmWithdraw();
  await expect(page.getByTestId('nav-customers')).toContainText('3');
  await sources.row('wrong-file.csv').getByRole('button', { name: 'Bring back' }).click();
  await expect(sources.notice()).toContainText('Brought back wrong-file.csv: 7 customers shown again.');
  await expect(page.getByTestId('nav-customers')).toContainText('10');
});
