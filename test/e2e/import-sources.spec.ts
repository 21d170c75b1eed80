import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sheetXml, workbookParts, zipParts } from '../helpers/zip.ts';
import { ImportPage } from './pages/import-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';

test('the preview warns about an expected field left unmapped, in English and Chinese, and maps it on request', async ({ page, steward }) => {
  // 最后更新时间 is mapped by its words; the emails sit in a column whose name says nothing.
  const csv = join(steward.home, 'erp.csv');
  writeFileSync(csv, '客户编号,姓名,联系方式,最后更新时间\nC1,王伟,wang@x.com,2024-01-02\nC2,李娜,li@x.com,2024-02-03\nC3,张敏,zhang@x.com,2024-03-04\n');
  const start = new StartPage(page);
  await start.open(steward.url);
  await start.createProject('Warnings');
  const importing = new ImportPage(page);
  await importing.go();
  await importing.addPath(csv);
  const review = importing.review('erp.csv');
  await expect(review.getByTestId('map-最后更新时间')).toHaveValue('updated_at');
  await expect(review.getByTestId('unmapped-email')).toContainText('No column is mapped to Email, though “联系方式” looks like one');

  // Keeping the update column as an extra field brings its warning back.
  await importing.mapColumn('erp.csv', '最后更新时间', '');
  await expect(review.getByTestId('unmapped-updated_at')).toContainText('“最后更新时间”');
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(review.getByTestId('unmapped-updated_at')).toContainText('没有列映射到“更新时间”，但 “最后更新时间” 看起来就是');

  await review.getByTestId('map-likely-updated_at').click();
  await review.getByTestId('map-likely-email').click();
  await expect(review.getByTestId('unmapped-warning')).toBeHidden();
  await expect(review.getByTestId('map-联系方式')).toHaveValue('email');
  await expect(review.getByTestId('map-最后更新时间')).toHaveValue('updated_at');
});

test('a workbook with two sheets is reviewed and imported as two sources; a JSON wrapper says which array it read', async ({ page, steward }) => {
  const book = join(steward.home, 'book.xlsx');
  writeFileSync(book, zipParts(workbookParts([
    { name: 'East', xml: sheetXml([['Customer ID', 'Name', 'Email'], ['K1', 'Ann Lee', 'ann@x.com']]) },
    { name: 'Notes', xml: sheetXml([]) },
    { name: 'West', xml: sheetXml([['Customer ID', 'Name', 'Email'], ['K2', 'Bob Ray', 'bob@x.com'], ['K3', 'Cy Zhu', 'cy@x.com']]) },
  ])));
  const api = join(steward.home, 'api.json');
  writeFileSync(api, JSON.stringify({ warnings: [{ code: 'W1' }], data: [{ id: 'K4', name: 'Di Ng', email: 'di@x.com' }] }));
  const start = new StartPage(page);
  await start.open(steward.url);
  await start.createProject('Sheets');
  const importing = new ImportPage(page);
  await importing.go();
  await importing.addPath(book);
  await importing.addPath(api);
  await expect(importing.review('book.xlsx › East').getByTestId('read-from')).toContainText('Sheets in this workbook: East, Notes (empty, not imported), West.');
  await expect(importing.review('book.xlsx › West')).toBeVisible();
  await expect(importing.review('api.json').getByTestId('read-from')).toContainText('Records are read from the “data” array. Also in the file and not imported: “warnings” (1 element).');
  await importing.start();
  await importing.expectOutcome('book.xlsx › East', { rows: 1, imported: 1, quarantined: 0 });
  await importing.expectOutcome('book.xlsx › West', { rows: 2, imported: 2, quarantined: 0 });
  await importing.expectOutcome('api.json', { rows: 1, imported: 1, quarantined: 0 });
  await expect(page.getByTestId('outcome-api.json').getByTestId('records-key')).toHaveText('from “data”');
  await expect(page.getByTestId('nav-customers')).toContainText('4');
});
