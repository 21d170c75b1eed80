import { join } from 'node:path';
import { CustomersPage } from './pages/customers-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';

const messy = join(process.cwd(), 'test/fixtures/messy-contacts.csv');

/**
 * The export dialog's proposed file is named after what it will hold: choosing
 * golden records, records with their golden_id or the decisions renames it
 * (and the decisions, CSV only, make it .csv again); a path the steward typed
 * keeps its name, only its extension follows the format.
 */
for (const lang of ['en', 'zh-CN'] as const) {
  test(`the export's file name follows the contents chosen (${lang})`, async ({ page, steward }) => {
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await start.createProject('Acme');
    const importing = new ImportPage(page);
    await importing.importPath(messy);
    await importing.expectOutcome('messy-contacts.csv', { rows: 9, imported: 7, quarantined: 2 });

    const customers = new CustomersPage(page);
    await customers.go();
    await page.getByTestId('export-open').click();
    const dialog = customers.exportDialog();
    const path = dialog.getByTestId('export-path');
    const named = (words: string, ext: string) => new RegExp(`[/\\\\]Acme-${words}-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`);
    await expect(path).toHaveValue(named('customers', 'csv'));
    const folder = (await path.inputValue()).replace(/[^/\\]+$/, '');

    await dialog.getByTestId('export-layout-golden').check();
    await expect(path).toHaveValue(named('golden-records', 'csv'));
    await dialog.getByTestId('export-format-xlsx').check();
    await expect(path).toHaveValue(named('golden-records', 'xlsx'));
    await dialog.getByTestId('export-layout-records').check();
    await expect(path).toHaveValue(named('records-with-golden-id', 'xlsx'));
    await dialog.getByTestId('export-layout-decisions').check();
    await expect(path).toHaveValue(named('merge-decisions', 'csv'));
    expect((await path.inputValue()).startsWith(folder)).toBe(true);
    await page.screenshot({ path: screenshotPath('views', `${lang}-export-decisions`) });

    // A name the steward typed stays; the format still sets its extension.
    await path.fill(`${folder}for-the-auditor.csv`);
    await dialog.getByTestId('export-layout-golden').check();
    await expect(path).toHaveValue(`${folder}for-the-auditor.csv`);
    await dialog.getByTestId('export-format-xlsx').check();
    await expect(path).toHaveValue(`${folder}for-the-auditor.xlsx`);
    await dialog.getByTestId('export-start').click();
    await expect(dialog.getByTestId('export-saved')).toContainText('for-the-auditor.xlsx');
  });
}
