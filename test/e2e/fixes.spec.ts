import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomersPage } from './pages/customers-page.ts';
import { FixesPage } from './pages/fixes-page.ts';
import { HistoryPage } from './pages/history-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';

/**
 * Fixing a messy export end to end, in English and in Chinese: find fixes,
 * accept a suggestion and then a whole rule from the keyboard, edit a value
 * in the customers grid (checked as it is typed, the canonical form taken
 * with Ctrl+Enter), undo and redo with the keyboard, reload and find it all
 * kept, revert the accepted rule though a later edit touched one of its
 * values (the conflict dialog), and export the records as CSV.
 *
 * messy-contacts.csv holds 7 readable customers; standardisation proposes 5
 * international phone numbers and 5 ISO country codes (Müller's first).
 */
const messy = join(process.cwd(), 'test/fixtures/messy-contacts.csv');

const words = {
  en: {
    countryRule: 'Country as ISO code', phoneRule: 'Phone in international form',
    suggestions: (n: number) => `${n} suggestion${n === 1 ? '' : 's'}`, selected: '5 selected', accepted: '5 suggestions accepted.',
    status: { open: 'Open', accepted: 'Accepted', rejected: 'Rejected' },
    fewDigits: 'has only 2 digits', undone: 'Undone: Edited Phone of Jürgen Müller (#1)', redone: 'Redone: Edited Phone of Jürgen Müller (#1)',
    phoneBatch: 'Applied 5 suggestions: Phone in international form', redoBatch: 'Redo of batch #3: Edited Phone of Jürgen Müller (#1)',
    conflict: '1 of the 5 values this would set back was changed again after it.', reverted: 'Reverted: Batch #2',
    revertBatch: 'Reverted batch #2: Applied 5 suggestions', saved: 'Saved 7 records to',
  },
  'zh-CN': {
    countryRule: '国家改为 ISO 代码', phoneRule: '电话改为国际格式',
    suggestions: (n: number) => `${n} 条建议`, selected: '已选 5 条', accepted: '已接受 5 条建议。',
    status: { open: '待处理', accepted: '已接受', rejected: '已拒绝' },
    fewDigits: '只有 2 位数字', undone: '已撤销：编辑了Jürgen Müller（#1）的电话', redone: '已重做：编辑了Jürgen Müller（#1）的电话',
    phoneBatch: '应用了 5 条建议：电话改为国际格式', redoBatch: '重做批次 #3：编辑了Jürgen Müller（#1）的电话',
    conflict: '要恢复的 5 个值中，有 1 个在此之后又被更改过。', reverted: '已还原：批次 #2',
    revertBatch: '还原了批次 #2：应用了 5 条建议', saved: '已将 7 条记录保存到',
  },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a steward fixes a messy export: find, accept from the keyboard, edit, undo, redo, reload, revert, export (${lang})`, async ({ page, steward }) => {
    test.setTimeout(240_000);
    const w = words[lang];
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-${name}`) });
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await start.createProject(lang === 'en' ? 'Acme fixes' : '华东修正');
    const importing = new ImportPage(page);
    await importing.go();
    await importing.addPath(messy);
    await expect(importing.review('messy-contacts.csv')).toBeVisible();
    await importing.start();
    await expect(page.getByTestId('import-outcome')).toBeVisible();

    // Find fixes: nothing yet, then a summary per rule with names in the UI language.
    const fixes = new FixesPage(page);
    await fixes.go();
    await expect(page.getByTestId('fixes-never')).toBeVisible();
    await shot('fixes-never');
    await fixes.run();
    await expect(page.getByTestId('rule-country_iso').getByTestId('rule-name')).toHaveText(w.countryRule);
    await expect(fixes.summaryRow('phone_e164', 'phone').getByTestId('count-open')).toHaveText('5');
    await expect(fixes.summaryRow('country_iso', 'country').getByTestId('count-open')).toHaveText('5');

    // One suggestion with A: its row says accepted and focus moves to the next; R on that one rejects it, O reopens it.
    await fixes.show('country_iso', 'country');
    await expect(fixes.count()).toHaveText(w.suggestions(5));
    await expect(fixes.cell('after', 'Deutschland')).toContainText('DE');
    await fixes.focusFirstRow();
    await page.keyboard.press('a');
    await expect(fixes.status(0)).toHaveText(w.status.accepted);
    await page.keyboard.press('r');
    await expect(fixes.status(1)).toHaveText(w.status.rejected);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('o');
    await expect(fixes.status(1)).toHaveText(w.status.open);
    await expect(fixes.summaryRow('country_iso', 'country').getByTestId('count-accepted')).toHaveText('1');
    // Read again, the list holds what is still open.
    await page.getByTestId('refresh-list').click();
    await expect(fixes.count()).toHaveText(w.suggestions(4));

    // A whole rule: Space selects, Shift+↓ extends, A accepts the selection.
    await fixes.show('phone_e164', 'phone');
    await expect(fixes.count()).toHaveText(w.suggestions(5));
    await fixes.focusFirstRow();
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
    await expect(page.getByTestId('suggestion-selected')).toHaveText(w.selected);
    await shot('fixes');
    await page.keyboard.press('a');
    for (let i = 0; i < 5; i++) await expect(fixes.status(i)).toHaveText(w.status.accepted);
    await expect(fixes.summaryRow('phone_e164', 'phone').getByTestId('count-accepted')).toHaveText('5');
    await page.getByTestId('refresh-list').click();
    await expect(page.getByTestId('fixes-no-match')).toBeVisible();
    await expect(page.getByTestId('decide-notice')).toContainText(w.accepted);

    // An edit in the customers grid, checked as it is typed; Ctrl+Enter takes the canonical form and saves it.
    const customers = new CustomersPage(page);
    await customers.go();
    const editor = await customers.edit('phone', '+49301234567');
    const field = editor.getByTestId('cell-editor-field');
    await field.fill('12');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.getByTestId('cell-editor-problem')).toContainText(w.fewDigits);
    await shot('customers-edit-invalid');
    await field.fill('030 7654321');
    await expect(editor.getByTestId('cell-editor-suggestion')).toContainText('+49307654321');
    await shot('customers-edit');
    await field.press('Control+Enter');
    await expect(editor).toBeHidden();
    await expect(customers.cell('phone', '+49307654321')).toBeVisible();

    // Ctrl+Z and Ctrl+Shift+Z anywhere outside a text field: here with a grid cell focused and the record open beside it.
    await customers.openRecord('family_name', 'Müller');
    await expect(customers.detail().getByTestId('detail-value-phone')).toHaveText('+49307654321');
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('history-notice')).toHaveText(w.undone);
    await expect(customers.detail().getByTestId('detail-value-phone')).toHaveText('+49301234567');
    await page.keyboard.press('Control+Shift+Z');
    await expect(page.getByTestId('history-notice')).toHaveText(w.redone);
    await expect(customers.detail().getByTestId('detail-value-phone')).toHaveText('+49307654321');
    // Escape closes the record; the grid shows the value too.
    await page.keyboard.press('Escape');
    await expect(customers.cell('phone', '+49307654321')).toBeVisible();

    // A reload keeps the values and the history.
    await page.reload();
    await page.getByTestId('customers-view').waitFor();
    await expect(customers.cell('phone', '+49307654321')).toBeVisible();
    await customers.openRecord('family_name', 'Müller');
    await expect(customers.detail().getByTestId('detail-value-country')).toHaveText('DE');
    await expect(customers.detail().getByTestId('detail-value-phone')).toHaveText('+49307654321');
    const history = new HistoryPage(page);
    await history.go();
    await expect(history.batches()).toHaveCount(5);
    await expect(history.batches().first().getByTestId('batch-sentence')).toContainText(w.redoBatch);
    await expect(page.getByTestId('redo')).toBeDisabled();

    // Reverting the phone batch meets the later edit of Müller's phone: the dialog says so and shows what is there now.
    const panel = await history.open(w.phoneBatch);
    await expect(panel.getByTestId('change-row')).toHaveCount(5);
    await panel.getByTestId('revert-batch').click();
    const dialog = history.conflictDialog();
    await expect(dialog.getByTestId('conflict-text')).toContainText(w.conflict);
    await expect(dialog.getByTestId('conflict-row')).toHaveCount(1);
    await expect(dialog.getByTestId('conflict-row')).toContainText('Jürgen Müller');
    await expect(dialog.getByTestId('conflict-row')).toContainText('+49307654321');
    await shot('history-conflict');
    // Keep the later edit: the other four numbers go back to what was imported.
    await dialog.getByTestId('conflict-skip').click();
    await expect(dialog).toBeHidden();
    await expect(history.notice()).toContainText(w.reverted);
    await expect(history.batches()).toHaveCount(6);
    await expect(history.batches().first().getByTestId('batch-sentence')).toContainText(w.revertBatch);
    await history.batches().first().click();
    await expect(page.getByTestId('batch-changes').getByTestId('change-row')).toHaveCount(4);
    await shot('history');

    // The log as CSV, to a path typed over the one browser mode proposes.
    const log = join(steward.home, `history-${lang}.csv`);
    await page.getByTestId('export-log').click();
    await expect(page.getByTestId('export-log-path')).toHaveValue(/history-.*\.csv$/);
    await page.getByTestId('export-log-path').fill(log);
    await page.getByTestId('export-log-save').click();
    await expect(page.getByTestId('export-log-saved')).toContainText(log);
    const logLines = readFileSync(log, 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    expect(logLines[0]).toBe('change_id,at,batch_id,batch_kind,batch,actor,source,source_record_id,customer_id,field,before,after,reason,undoes');
    // 1 country + 5 phones + the edit, its undo and redo + 4 reverted phones.
    expect(logLines).toHaveLength(1 + 13);
    await page.keyboard.press('Escape');

    // Export what the grid holds now as CSV with a BOM, and read the file.
    await customers.go();
    await expect(customers.cell('phone', '+49 89 987654')).toBeVisible();
    const out = join(steward.home, `customers-${lang}.csv`);
    const exported = await customers.exportTo(out);
    await expect(exported.getByTestId('export-saved')).toContainText(`${w.saved} ${out}`);
    await shot('export');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trimEnd().split(/\r?\n/);
    expect(lines[0].startsWith('source,source_record_id,full_name')).toBe(true);
    expect(lines.find((l) => l.includes('K-1001'))).toContain('+49307654321');
    expect(lines.find((l) => l.includes('K-1002'))).toContain('+49 89 987654');
    expect(lines.find((l) => l.includes('K-1001'))).toContain(',DE,');
    await exported.getByTestId('export-close').click();

    // Someone else changes Müller's city while the steward types one in the detail panel: nothing is overwritten
    // unseen; the panel says what the city holds now, and Enter again replaces it.
    await customers.openRecord('family_name', 'Müller');
    await customers.detail().getByTestId('detail-value-city').click();
    await page.evaluate(async () => {
      const res = await fetch('/api/invoke/customers:update', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-steward-token': sessionStorage.getItem('steward-token') ?? '' },
        body: JSON.stringify({ id: 1, field: 'city', value: 'Potsdam' }),
      });
      if (!(await res.json()).ok) throw new Error('the other edit failed');
    });
    const city = customers.detail().getByTestId('detail-edit-city-field');
    await city.fill('Hamburg');
    await city.press('Enter');
    await expect(customers.detail().getByTestId('detail-edit-city-stale')).toContainText('Potsdam');
    await city.press('Enter');
    await expect(customers.detail().getByTestId('detail-value-city')).toHaveText('Hamburg');
  });
}
