import { appendFileSync } from 'node:fs';
import { ImportPage } from './pages/import-page.ts';
import { MergePage } from './pages/merge-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';
import { generatedCsv } from './small-export.ts';

/** One woman entered seven times, by different people and systems, in the generated export's layout. */
const seven = [
  'Z-1,Margarethe Oberhollenzer-Wittgenstein,Margarethe,Oberhollenzer-Wittgenstein,F,1961-04-23,margarethe.oberhollenzer-wittgenstein@bergbau-innsbruck.example.at,+43 512 345678,+43 664 1234567,Bergbau Innsbruck GmbH,Maria-Theresien-Straße 18,Innsbruck,Tirol,6020,Austria,64000,02/03/2021 09:00,02/03/2021 09:00,',
  'Z-2,Margarethe Oberhollenzer-Wittgenstein,Margarethe,Oberhollenzer-Wittgenstein,F,23/04/1961,margarethe.oberhollenzer-wittgenstein@bergbau-innsbruck.example.at,0512 345678,0664 1234567,Bergbau Innsbruck,Maria-Theresien-Str. 18,Innsbruck,,6020,Österreich,,05/06/2022 10:00,05/06/2022 10:00,',
  'Z-3,M. Oberhollenzer-Wittgenstein,M.,Oberhollenzer-Wittgenstein,,1961-04-23,m.oberhollenzer@bergbau-innsbruck.example.at,+43 512 345678,,Bergbau Innsbruck GmbH,Maria-Theresien-Straße 18,Innsbruck,Tirol,6020,AT,,11/01/2023 08:30,11/01/2023 08:30,',
  'Z-4,Margarethe Oberhollenzer,Margarethe,Oberhollenzer,Female,1961-04-23,margarethe.oberhollenzer-wittgenstein@bergbau-innsbruck.example.at,+43 512 345678,+43 664 1234567,,Anichstraße 4,Innsbruck,Tirol,6020,Austria,70000,14/02/2024 12:00,14/02/2024 12:00,',
  'Z-5,Margarethe Oberhollenzer-Wittgenstein,Margarethe,Oberhollenzer-Wittgenstein,F,1961-04-23,MARGARETHE.OBERHOLLENZER-WITTGENSTEIN@BERGBAU-INNSBRUCK.EXAMPLE.AT,+435123456780,,Bergbau Innsbruck GmbH,Anichstraße 4,Innsbruck,,6020,Austria,,20/07/2024 16:45,20/07/2024 16:45,',
  'Z-6,Margarete Oberhollenzer-Wittgenstein,Margarete,Oberhollenzer-Wittgenstein,F,1961-04-23,margarethe.oberhollenzer-wittgenstein@bergbau-innsbruck.example.at,+43 512 345678,+43 664 1234567,Bergbau Innsbruck GmbH,Anichstraße 4,Innsbruck,Tirol,6020,Austria,71000,03/03/2025 07:15,03/03/2025 07:15,',
  'Z-7,Margarethe Oberhollenzer-Wittgenstein,Margarethe,Oberhollenzer-Wittgenstein,F,1961-04-23,margarethe.o-w@gmail.com,+43 512 345678,+43 664 1234567,Bergbau Innsbruck GmbH,Anichstraße 4,Innsbruck,Tirol,6020,Austria,72000,09/10/2025 18:20,09/10/2025 18:20,',
];

/**
 * A group of seven records at 1440×900, the width a steward's laptop gives:
 * beside the list the records scroll sideways with the field names and the
 * golden record pinned, and the view says which records are in view; with
 * the list folded away (L) all seven fit. In English and Chinese.
 */
for (const lang of ['en', 'zh-CN'] as const) {
  test(`seven records side by side at 1440 px: pinned field names, sideways scroll, all seven without the list (${lang})`, async ({ page, steward }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-${name}`) });
    const csv = generatedCsv(steward.home, 200);
    appendFileSync(csv, `${seven.join('\n')}\n`);
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await start.createProject(lang === 'en' ? 'Seven records' : '七条记录');
    await new ImportPage(page).importPath(csv);

    const merge = new MergePage(page);
    await merge.go();
    await merge.run();
    await page.getByTestId('queue-sort').selectOption('size');
    await expect(merge.panel().getByTestId('member-column')).toHaveCount(7);
    const columns = merge.panel().getByTestId('member-column');
    const scroller = merge.panel().locator('.records-scroll');

    // Beside the list: the view says which records are in view, and the box scrolls sideways on screen.
    const hint = merge.panel().getByTestId('records-in-view');
    await expect(hint).toContainText(lang === 'en' ? 'of 7 in view' : '共 7 条');
    const box = (await scroller.boundingBox())!;
    const panel = (await merge.panel().boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(Math.min(900, panel.y + panel.height));
    await shot('merge-seven-list');

    // Arrow keys to the last record: it comes wholly into view, right of the pinned field names and golden record.
    await merge.focusValue(merge.panel().locator('tr.field-row').first(), 0);
    await page.keyboard.press('End');
    const last = columns.nth(6);
    const field = merge.panel().locator('thead .field-col');
    const golden = merge.panel().locator('thead .golden-col');
    await expect(async () => {
      const [l, f, g] = [(await last.boundingBox())!, (await field.boundingBox())!, (await golden.boundingBox())!];
      expect(f.x).toBeGreaterThanOrEqual(box.x);
      expect(l.x).toBeGreaterThanOrEqual(g.x + g.width - 1);
      expect(l.x + l.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }).toPass();
    await expect(hint).toContainText(lang === 'en' ? '–7 of 7' : '–7 条记录');
    await shot('merge-seven-scrolled');

    // Without the list all seven fit, and nothing says otherwise.
    await page.keyboard.press('Escape');
    await merge.title().click();
    await page.keyboard.press('l');
    await expect(hint).toHaveCount(0);
    const wide = (await scroller.boundingBox())!;
    const right = Math.max(...(await columns.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().right))));
    expect(right).toBeLessThanOrEqual(wide.x + wide.width + 1);
    await shot('merge-seven-wide');
  });
}
