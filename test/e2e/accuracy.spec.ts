import { accuracyProject } from './accuracy-project.ts';
import { CustomersPage } from './pages/customers-page.ts';
import { QualityPage } from './pages/quality-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** Opens the fixture project on its dashboard, where accuracy is not measured yet. */
async function openUnmeasured(page: Page, home: string, url: string) {
  const files = accuracyProject(home);
  const start = new StartPage(page);
  await start.open(url);
  await start.openProject(files.project);
  const quality = new QualityPage(page);
  await quality.go();
  await expect(quality.accuracy()).toHaveText('not measured');
  return { ...files, quality };
}

// The fixture (accuracy-project.ts): six customers and a verified reference file for five of them plus one
// unknown record id. email: C1 TP · C2 FP (differs) · C3 FN · C4 FP (reference empty) · C5 TN; city: 5 TP
// → TP 6, TN 1, FP 2, FN 1 → (6 + 1) / 10 = 70.0%.

test('a steward imports a verified reference file and the accuracy card shows the number with its TP, TN, FP and FN', async ({ page, steward, consoleErrors }) => {
  const { reference, noIds, quality } = await openUnmeasured(page, steward.home, steward.url);
  await expect(page.getByTestId('accuracy-how')).toContainText('two ways');
  await expect(page.getByTestId('reference-mark-hint')).toBeVisible();

  // A file without record ids is refused with a sentence saying why; nothing changes.
  await quality.importReference(noIds);
  await expect(page.getByTestId('reference-error')).toContainText('names.csv has no column of record ids that match');
  await expect(quality.accuracy()).toHaveText('not measured');

  await quality.importReference(reference);
  await expect(page.getByTestId('reference-error')).toHaveCount(0);
  await expect(page.getByTestId('reference-result')).toContainText('verified.csv: 6 rows read, 5 matched customers by “Customer ID”; 10 reference values stored (Email and City). 1 row matched no customer.');
  // The view profiles again by itself; the card then shows the ratio.
  await expect(quality.accuracy()).toHaveText('70.0%', { timeout: 60_000 });
  expect(await quality.confusion()).toEqual({ tp: '6', tn: '1', fp: '2', fn: '1' });
  await expect(quality.card('accuracy')).toContainText('7 of 10');
  await expect(quality.card('accuracy')).toContainText('(TP + TN) / (TP + TN + FP + FN)');
  await expect(page.getByTestId('reference-holds')).toContainText('10 values of 5 customers from verified.csv');
  await expect(page.getByTestId('accuracy-stale')).toHaveCount(0);

  // The three failing values are on three records, each saying which rule it broke.
  await page.getByTestId('accuracy-drill').click();
  await expect(quality.banner()).toContainText('Accuracy');
  await expect(page.getByTestId('drill-count')).toHaveText('3');
  await expect(new CustomersPage(page).grid().locator('.ag-cell[col-id="_quality_issue"]', { hasText: 'Differs from the reference' })).toHaveCount(1);

  // Every customer accuracy is measured on: the two that agree say so, the three others say how they differ.
  await quality.go();
  await page.getByTestId('reference-list-verified').click();
  await expect(quality.banner()).toContainText('verified values');
  await expect(page.getByTestId('drill-count')).toHaveText('5');
  const issues = new CustomersPage(page).grid().locator('.ag-cell[col-id="_quality_issue"]');
  await expect(issues.filter({ hasText: 'Agrees with its verified values' })).toHaveCount(2);
  await expect(issues.filter({ hasText: 'reference' })).toHaveCount(3);
  // The dashboard re-renders its charts as the reference and the profile reload: nothing may fall over (fixtures.ts watches the console).
  expect(consoleErrors).toEqual([]);
});

test('a steward marks records verified in the grid (mouse and keyboard) and the dashboard measures accuracy against them', async ({ page, steward, consoleErrors }) => {
  const { quality } = await openUnmeasured(page, steward.home, steward.url);
  await page.getByTestId('reference-mark-hint').click();

  const customers = new CustomersPage(page);
  await page.getByTestId('customers-view').waitFor();
  // A click opens the record and selects nothing; ticking a box selects a row without opening it, ticking again takes it out.
  await customers.openRecord('source_record_id', 'C1');
  await expect(customers.detail().getByTestId('verified-state')).toHaveText('Not verified');
  await expect(page.getByTestId('selection-bar')).toHaveCount(0);
  await customers.tick('source_record_id', 'C3');
  await expect(customers.detail()).toContainText('#1');
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected');
  await customers.tick('source_record_id', 'C1');
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  await customers.tick('source_record_id', 'C3');
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected');
  await customers.openRecord('source_record_id', 'C3');
  await expect(customers.detail()).toContainText('#3');
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected');
  // On the keyboard Space adds the focused row and Enter opens it.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  await page.keyboard.press('Enter');
  await expect(customers.detail()).toContainText('#2');

  await page.getByTestId('mark-selected-verified').click();
  await expect(page.getByTestId('verify-done')).toContainText('2 customers marked verified.');
  await expect(customers.detail().getByTestId('verified-state')).toContainText('Verified');
  await expect(await customers.verifiedMark('source_record_id', 'C1')).toHaveText('✓');
  await expect(await customers.verifiedMark('source_record_id', 'C2')).toHaveText('✓');
  await expect(await customers.verifiedMark('source_record_id', 'C3')).toHaveText('');

  // The detail panel marks one record too, and lists what it is now compared with.
  await customers.openRecord('source_record_id', 'C6');
  await customers.detail().getByTestId('mark-verified').click();
  await expect(customers.detail().getByTestId('verified-state')).toContainText('Verified');
  await customers.detail().getByTestId('reference-values').locator('summary').click();
  await expect(customers.detail().getByTestId('reference-values')).toContainText('(verified empty)');
  await expect(await customers.verifiedMark('source_record_id', 'C6')).toHaveText('✓');

  // Back on the dashboard the last profile predates the marks: it says so and profiles again on request.
  await page.getByTestId('open-quality').click();
  await expect(page.getByTestId('accuracy-stale')).toBeVisible();
  await expect(quality.accuracy()).toHaveText('not measured');
  await page.getByTestId('accuracy-profile').click();
  // C1, C2 and C6 frozen as they are: email (C6's "n/a" verified empty → TN) and city → TP 5, TN 1.
  await expect(quality.accuracy()).toHaveText('100.0%', { timeout: 60_000 });
  expect(await quality.confusion()).toEqual({ tp: '5', tn: '1', fp: '0', fn: '0' });
  await expect(page.getByTestId('reference-holds')).toContainText('3 customers verified by a steward');
  // The dashboard re-renders its charts as the reference and the profile reload: nothing may fall over (fixtures.ts watches the console).
  expect(consoleErrors).toEqual([]);
});
