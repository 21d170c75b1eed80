import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomersPage } from './pages/customers-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { SegmentsPage } from './pages/segments-page.ts';
import { StartPage } from './pages/start-page.ts';
import { screenshotPath } from './screenshot-path.ts';
import { expect, test } from './fixtures.ts';

/** 550 customers in three age/income groups and three lacking a feature (test/fixtures/kmeans-reference). */
const fixture = join(process.cwd(), 'test', 'fixtures', 'kmeans-reference', 'customers.csv');

const words = {
  en: { empty: 'No segmentation yet', result: '3 segments', missing: '3 of 553 customers lack a feature', showing: 'Showing Young savers', missingLabel: 'Missing a feature', name: 'Young savers' },
  'zh-CN': { empty: '尚无分群', result: '3 个分群', missing: '553 位客户中有 3 位缺少某个特征', showing: '正在显示：年轻储蓄者', missingLabel: '缺少特征', name: '年轻储蓄者' },
};

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a steward segments customers with k-means, opens a segment in the grid and exports it (${lang})`, async ({ page, steward }) => {
    const w = words[lang];
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-segments-${name}`), fullPage: true });
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await start.createProject(lang === 'en' ? 'Segments' : '客户分群');
    const importing = new ImportPage(page);
    await importing.go();
    await importing.addPath(fixture);
    await importing.review('customers.csv').waitFor();
    await importing.start();
    await importing.expectOutcome('customers.csv', { rows: 553, imported: 553, quarantined: 0 });

    const segments = new SegmentsPage(page);
    await segments.go();
    await expect(page.getByTestId('segments-empty')).toContainText(w.empty);
    await expect(page.getByTestId('feature-age')).toBeChecked();
    await expect(page.getByTestId('feature-income')).toBeChecked();
    await shot('empty');

    await page.getByTestId('segment-elbow').click();
    await expect(page.getByTestId('elbow-chart').locator('canvas')).toBeVisible();
    await segments.run(3);
    await expect(page.getByTestId('segment-summary')).toContainText(w.result);
    await expect(page.getByTestId('segment-missing')).toContainText(w.missing);
    await expect(segments.row('missing')).toContainText(w.missingLabel);
    const sizes = await Promise.all([1, 2, 3].map(async (s) => Number((await segments.row(s).locator('td').nth(1).innerText()).split(' ')[0].replace(/,/g, ''))));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(550);
    await expect(page.getByTestId('segment-scatter').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('centroid-chart-1').locator('canvas')).toBeVisible();
    await shot('result');

    // The steward names the largest segment, then clicks its bar: the grid opens on exactly its customers.
    await page.getByTestId('segment-name-1').fill(w.name);
    await page.getByTestId('segment-name-1').press('Enter');
    await expect(page.getByTestId('segment-sizes-chart')).toBeVisible();
    await expect(async () => {
      await segments.clickBar('segment-sizes-chart', 0);
      await expect(page.getByTestId('segment-banner')).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(page.getByTestId('segment-what')).toHaveText(w.showing);
    await expect(page.getByTestId('segment-count')).toHaveText(sizes[0].toLocaleString(lang));
    await shot('grid');

    const customers = new CustomersPage(page);
    const out = join(steward.home, `segment-${lang}.csv`);
    await customers.exportTo(out);
    await shot('export');
    await page.keyboard.press('Escape');
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    expect(lines).toHaveLength(sizes[0] + 1);
    expect(lines[0].startsWith('source,source_record_id')).toBe(true);

    // The grid's own segment filter: the customers lacking a feature are listed, not dropped.
    await page.getByTestId('segment-clear').click();
    await expect(page.getByTestId('segment-banner')).toHaveCount(0);
    await page.getByTestId('segment-filter').selectOption('missing');
    await expect(page.getByTestId('segment-count')).toHaveText('3');
    await expect(customers.cell('source_record_id', 'M0003')).toBeVisible();
    await page.getByTestId('segment-filter').selectOption('2');
    await expect(page.getByTestId('segment-count')).toHaveText(sizes[1].toLocaleString(lang));
    await segments.go();
    await page.getByTestId('segment-open-missing').click();
    await expect(page.getByTestId('segment-count')).toHaveText('3');
  });
}
