import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { CustomersPage } from './pages/customers-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';

const messy = join(process.cwd(), 'test/fixtures/messy-contacts.csv');

test('a steward imports a messy export, fixes one mapping, browses records and sees the quarantine', async ({ page, steward }) => {
  const start = new StartPage(page);
  await start.open(steward.url);
  await start.createProject('Acme customers');

  const importing = new ImportPage(page);
  await importing.go();
  await importing.chooseFile(messy);
  const review = importing.review('messy-contacts.csv');
  await expect(review).toBeVisible();
  // Read correctly: BOM stripped, semicolons, the id column found, broken rows announced up front.
  await expect(review.getByTestId('delimiter')).toHaveValue(';');
  await expect(review.getByTestId('id-column')).toHaveValue('Kunden-Nr');
  await expect(review.getByTestId('sample-problems')).toBeVisible();
  await expect(review.getByTestId('map-Mobil-Nr')).toHaveValue('');
  await importing.mapColumn('messy-contacts.csv', 'Mobil-Nr', 'mobile');
  await importing.start();
  await importing.expectOutcome('messy-contacts.csv', { rows: 9, imported: 7, quarantined: 2 });

  await page.getByTestId('show-customers').click();
  const customers = new CustomersPage(page);
  await expect(page.getByTestId('customer-count')).toHaveText('7 customers');
  await expect(customers.cell('family_name', 'Müller')).toBeVisible();
  await expect(customers.cell('given_name', 'Zoë')).toBeVisible();

  await customers.openRecord('family_name', 'Müller');
  const detail = customers.detail();
  // The mapping the user changed took effect, and the original row is shown cell by cell.
  await expect(detail.getByTestId('mapped-values')).toContainText('0171 2345678');
  await expect(detail.getByTestId('source-location')).toContainText('messy-contacts.csv, row 1 (line 2)');
  await expect(detail.getByTestId('source-row')).toContainText('VIP; called twice');
  await expect(detail.getByTestId('source-row')).toContainText('Müller & Söhne GmbH');
  await expect(detail.getByTestId('mapped-values')).toContainText('Bemerkung');

  // Keyboard: arrows move through the grid, Enter opens the record, Escape closes it.
  await customers.cell('given_name', 'Jürgen').click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('mapped-values')).toContainText('Schmidt');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await customers.search('qq.com');
  await expect(page.getByTestId('customer-count')).toHaveText('1 customer');
  await expect(customers.cell('family_name', 'Wei')).toBeVisible();

  await page.getByTestId('nav-quarantine').click();
  const table = page.getByTestId('quarantine-table');
  await expect(table).toContainText('K-1005;Broken;Row;too;many');
  await expect(table).toContainText('Too many fields');
  await expect(table).toContainText('Quote never closed');
  await expect(page.getByTestId('nav-quarantine')).toContainText('2');
});

test('re-importing the same file is detected and asked about', async ({ page, steward }) => {
  const start = new StartPage(page);
  await start.open(steward.url);
  await start.createProject('Twice');
  const importing = new ImportPage(page);
  await importing.go();
  await importing.addPath(messy);
  await importing.start();
  await importing.expectOutcome('messy-contacts.csv', { rows: 9, imported: 7, quarantined: 2 });
  await page.getByRole('button', { name: 'Import more files' }).click();
  await importing.addPath(messy);
  await expect(importing.review('messy-contacts.csv').getByTestId('already-imported')).toBeVisible();
  await importing.start();
  await expect(page.getByTestId('outcome-messy-contacts.csv')).toContainText('skipped');
  await expect(page.getByTestId('nav-customers')).toContainText('7');
});

test('cancelling a long import leaves the project exactly as it was', async ({ page, steward }) => {
  const big = join(steward.home, 'big-export.csv');
  await writeBigCsv(big, 600_000);
  const start = new StartPage(page);
  await start.open(steward.url);
  await start.createProject('Cancel me');
  const importing = new ImportPage(page);
  await importing.go();
  await importing.addPath(messy);
  await importing.start();
  await importing.expectOutcome('messy-contacts.csv', { rows: 9, imported: 7, quarantined: 2 });

  await page.getByRole('button', { name: 'Import more files' }).click();
  await importing.addPath(big);
  await expect(importing.review('big-export.csv')).toBeVisible();
  await importing.start();
  await expect(page.getByTestId('job-rows')).toHaveText(/[1-9][\d,]* rows/);
  await page.getByTestId('cancel-job').click();
  await expect(page.getByTestId('import-outcome')).toContainText('Import cancelled.');
  await expect(page.getByTestId('nav-customers')).toContainText('7');
  await expect(page.getByTestId('nav-sources')).toContainText('1');
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-count')).toHaveText('7 customers');
});

async function writeBigCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('Record ID,First Name,Last Name,Email,Phone Number,City,Postal Code,Create Date\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${i},Given${i % 977},Family${i % 1013},person${i}@example.com,+1 415 555 ${String(i % 10000).padStart(4, '0')},Springfield,${10000 + (i % 80000)},2024-01-02\n`;
    if (chunk.length > 1 << 20) (out.write(chunk), (chunk = ''));
  }
  out.write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
}
