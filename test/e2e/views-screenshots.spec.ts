import { join } from 'node:path';
import { CustomersPage } from './pages/customers-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';

/**
 * Walks every view of the foundation in both languages and saves a
 * screenshot of each (screenshots/views) for people to look at;
 * the assertions check that each view shows its own words, not the other
 * language's or raw i18n keys.
 */
const messy = join(process.cwd(), 'test/fixtures/messy-contacts.csv');
const words = {
  en: { start: 'New project', import: 'Choose files…', customers: 'Customers', quarantine: 'Quote never closed', sources: 'Read as' },
  'zh-CN': { start: '新建项目', import: '选择文件…', customers: '客户', quarantine: '引号未闭合', sources: '读取方式' },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  test(`every view renders in ${lang}`, async ({ page, steward }) => {
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-${name}`) });
    const w = words[lang];
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await expect(page.getByTestId('start-view')).toContainText(w.start);
    await shot('start');

    await start.createProject(lang === 'en' ? 'Acme customers' : '华东客户');
    const importing = new ImportPage(page);
    await importing.go();
    await expect(page.getByTestId('import-empty')).toBeVisible();
    await expect(page.getByTestId('choose-files')).toHaveText(w.import);
    await shot('import-empty');
    await importing.addPath(messy);
    await expect(importing.review('messy-contacts.csv')).toBeVisible();
    await shot('import-review');
    await importing.start();
    await expect(page.getByTestId('import-outcome')).toBeVisible();
    await shot('import-result');

    const customers = new CustomersPage(page);
    await customers.go();
    await expect(customers.cell('family_name', 'Müller')).toBeVisible();
    await shot('customers');
    await customers.openRecord('family_name', 'Wei');
    await expect(customers.detail().getByTestId('source-row')).toContainText('北京科技有限公司');
    await shot('customers-detail');

    await page.getByTestId('nav-quarantine').click();
    await expect(page.getByTestId('quarantine-table')).toContainText(w.quarantine);
    await shot('quarantine');
    await page.getByTestId('nav-sources').click();
    await expect(page.getByTestId('sources-table')).toContainText(w.sources);
    await shot('sources');

    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/\b(nav|import|customers|quarantine|sources|field)\.[a-z_]+\b/);
  });
}
