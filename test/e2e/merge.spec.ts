import { HistoryPage } from './pages/history-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { MergePage } from './pages/merge-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';
import { generatedCsv } from './small-export.ts';

/**
 * Reviewing duplicates from the keyboard, in English and in Chinese: import
 * a messy export with duplicates, find them, keep a value by hand (P), accept
 * the group (A) and find the golden record holding that value, reject the
 * next group (R), split a record out of the one after (S), unmerge the
 * golden record (U), and read each decision in History; a reload keeps it all.
 */
const words = {
  en: {
    picked: 'picked by hand', merged: /Merged (\d+) records into golden record (\d+)\./, rejected: /Marked group \d+ as not duplicates\./,
    split: /Took .+ out of the group\./, unmerged: /Golden record \d+ was unmerged\./, status: { merged: 'Merged', review: 'To review' },
    unmergeBatch: (g: string) => `Unmerged golden record ${g}`, rejectBatch: /Rejected group \d+ as not duplicates/,
    splitBatch: /Split customer #\d+ out of group \d+/,
  },
  'zh-CN': {
    picked: '人工选定', merged: /已将 (\d+) 条记录合并为黄金记录 (\d+)。/, rejected: /已将组 \d+ 标记为非重复。/,
    split: /已将 .+ 从组中拆出。/, unmerged: /已取消合并黄金记录 \d+。/, status: { merged: '已合并', review: '待审核' },
    unmergeBatch: (g: string) => `已取消合并黄金记录 ${g}`, rejectBatch: /已将组 \d+ 判定为非重复/,
    splitBatch: /已将客户 #\d+ 从组 \d+ 拆出/,
  },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a steward reviews duplicates from the keyboard: pick, accept, reject, split, unmerge, history (${lang})`, async ({ page, steward }) => {
    test.setTimeout(240_000);
    const w = words[lang];
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-${name}`) });
    const csv = generatedCsv(steward.home, 300);
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await start.createProject(lang === 'en' ? 'Acme merge' : '华东合并');
    await new ImportPage(page).importPath(csv);

    const merge = new MergePage(page);
    await merge.go();
    await expect(page.getByTestId('duplicates-never')).toBeVisible();
    await merge.run();
    await expect(merge.rows().first()).toBeVisible();
    await expect(page.getByTestId('key-hint')).toBeVisible();
    await expect(merge.panel().getByTestId('waterfall')).toBeVisible();
    await shot('merge-review');

    // The width is used: no name in the list is cut off, nor the weakest column; with the list folded away (L),
    // every record of the largest group is in view without scrolling sideways.
    const clipped = await page.getByTestId('queue-grid').locator('.ag-cell[col-id="label"] .ag-cell-value, .ag-cell[col-id="weakest"]')
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
    expect(clipped).toEqual([]);
    await page.getByTestId('queue-sort').selectOption('size');
    await expect(merge.panel()).toHaveAttribute('data-cluster', /\d+/);
    await merge.panel().getByTestId('review-title').click();
    await page.keyboard.press('l');
    const box = (await merge.panel().locator('.records-scroll').boundingBox())!;
    const columns = merge.panel().getByTestId('member-column');
    expect(await columns.count()).toBeGreaterThanOrEqual(4);
    const right = Math.max(...(await columns.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().right))));
    expect(right).toBeLessThanOrEqual(box.x + box.width + 1);
    await shot('merge-wide');
    await page.keyboard.press('l');
    await page.getByTestId('queue-sort').selectOption('uncertainty');
    await expect(merge.panel().getByTestId('review-position')).toContainText(lang === 'en' ? '1 of' : '第 1 /');

    // Keys typed faster than the service answers act one after another: J J K ends on the second group.
    await merge.title().click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect(merge.panel().getByTestId('review-position')).toContainText(lang === 'en' ? '2 of' : '第 2 /');
    await page.keyboard.press('k');
    await expect(merge.panel().getByTestId('review-position')).toContainText(lang === 'en' ? '1 of' : '第 1 /');

    // A filter keeps the steward's place: in id order at the sixth group, "3 or more records" opens the first
    // group of the new list that came after it (the sixth itself when it stays), not the top of the list.
    const position = merge.panel().getByTestId('review-position');
    await page.getByTestId('queue-sort').selectOption('id');
    await expect(position).toContainText(lang === 'en' ? '1 of' : '第 1 /');
    await merge.title().click();
    for (let i = 0; i < 5; i++) await page.keyboard.press('j');
    await expect(position).toContainText(lang === 'en' ? '6 of' : '第 6 /');
    const listed = await merge.rows().evaluateAll((rows) => rows
      .map((r) => ({ index: Number(r.getAttribute('row-index')), id: Number(r.getAttribute('row-id')), size: Number(r.querySelector('[col-id="size"]')?.textContent) }))
      .sort((a, b) => a.index - b.index));
    const bigAfter = listed.filter((r) => r.index >= 5 && r.size >= 3);
    const bigBefore = listed.filter((r) => r.index < 5 && r.size >= 3);
    expect(bigAfter.length).toBeGreaterThan(0);
    expect(bigBefore.length).toBeGreaterThan(0);
    await page.getByTestId('filter-size').selectOption('3');
    await expect(merge.panel()).toHaveAttribute('data-cluster', String(bigAfter[0].id));
    await expect(position).toContainText(lang === 'en' ? `${bigBefore.length + 1} of` : `第 ${bigBefore.length + 1} /`);
    await page.getByTestId('filter-size').selectOption('');
    await expect(merge.panel()).toHaveAttribute('data-cluster', String(bigAfter[0].id));
    await page.getByTestId('queue-sort').selectOption('uncertainty');
    await expect(position).toContainText(lang === 'en' ? '1 of' : '第 1 /');

    // P on a value another record holds: the golden record keeps it, said as picked by hand.
    const row = merge.firstDiffering();
    const golden = row.getByTestId('golden-value');
    const before = (await golden.locator('.golden-value').textContent()) ?? '';
    const values = await row.getByTestId('member-value').allTextContents();
    const column = values.findIndex((v) => v !== before && v !== '—');
    expect(column).toBeGreaterThanOrEqual(0);
    const field = (await row.getAttribute('data-testid'))!;
    await merge.focusValue(row, column);
    await page.keyboard.press('p');
    await expect(golden.locator('.golden-value')).toHaveText(values[column]);
    await expect(golden.getByTestId('golden-reason')).toHaveText(w.picked);
    await shot('merge-picked');

    // A accepts the group; the next one opens.
    const firstTitle = (await merge.title().textContent()) ?? '';
    await page.keyboard.press('a');
    await expect(merge.notice()).toContainText(w.merged);
    const goldenId = w.merged.exec((await merge.notice().textContent()) ?? '')![2];
    await expect(merge.title()).not.toHaveText(firstTitle);

    // R rejects the group now open, S splits the first record of the next one out.
    const secondTitle = (await merge.title().textContent()) ?? '';
    await page.keyboard.press('r');
    await expect(merge.notice()).toContainText(w.rejected);
    await expect(merge.title()).not.toHaveText(secondTitle);
    const members = await merge.panel().getByTestId('member-column').count();
    await merge.focusValue(merge.panel().locator('tr.field-row').first(), members - 1);
    await page.keyboard.press('s');
    await expect(merge.notice()).toContainText(w.split);

    // The golden record holds the picked value.
    await merge.showStatus('merged');
    await expect(merge.panel().getByTestId('review-status')).toHaveText(w.status.merged);
    await expect(merge.panel().getByTestId(field).getByTestId('golden-value').locator('.golden-value')).toHaveText(values[column]);
    await expect(merge.panel().getByTestId(field).getByTestId('golden-reason')).toHaveText(w.picked);
    await shot('merge-golden');

    // A reload keeps every decision.
    await page.reload();
    await merge.go();
    await expect(page.getByTestId('merge-counts')).toBeVisible();
    await merge.showStatus('merged');
    await expect(merge.title()).toContainText(goldenId);

    // U unmerges it; History says so, with the other decisions.
    await merge.rows().first().click();
    await page.keyboard.press('u');
    await expect(merge.notice()).toContainText(w.unmerged);
    const history = new HistoryPage(page);
    await history.go();
    await expect(history.batch(w.unmergeBatch(goldenId))).toBeVisible();
    await expect(history.batch(w.rejectBatch)).toBeVisible();
    await expect(history.batch(w.splitBatch)).toBeVisible();
    await shot('merge-history');
  });
}
