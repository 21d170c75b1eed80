import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';
import { generatedCsv } from './small-export.ts';

/**
 * The client report from the dashboard, in English and in Chinese: a
 * project with fixes, merges, a segmentation (CLI) and an RFM run (its
 * view); the dialog's error for a bad path, then a masked report written
 * where browser mode proposes. The file is opened as a client would and
 * photographed on screen and as it prints.
 */
const words = {
  en: { heading: 'Duplicates found and merged', written: /Report written to /, fullPath: 'Give the full path of the file to write.' },
  'zh-CN': { heading: '发现并合并的重复记录', written: /报告已写入 /, fullPath: 'Give the full path of the file to write.' },
} as const;

function preparedProject(dir: string): string {
  const csv = generatedCsv(dir, 200, 14);
  const activity = join(dir, 'activity');
  execFileSync(process.execPath, ['--import', 'tsx', 'resources/generator/make-activity.ts', '--export-truth', `${csv}.truth.csv`, '--out-dir', activity, '--seed', '14', '--as-of', '2026-10-01']);
  const project = join(dir, 'client.crmsteward');
  const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/crm-steward.mjs', ...args, '--project', project]);
  cli('import', csv, join(activity, 'transactions.csv'));
  cli('profile');
  cli('fix', '--apply-all', '--no-backup');
  cli('merge', '--accept-above', '0.9');
  cli('profile');
  cli('segment', '--k', '3', '--features', 'age,income', '--out', join(dir, 'segments.csv'));
  return project;
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a steward writes the masked client report from the dashboard and it reads offline (${lang})`, async ({ page, steward, context }) => {
    test.setTimeout(180_000);
    const w = words[lang];
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-${name}`) });
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await start.openProject(preparedProject(steward.home));

    await page.getByTestId('nav-rfm').click();
    await page.getByTestId('rfm-as-of').fill('2026-10-01');
    await page.getByTestId('rfm-run').click();
    await expect(page.getByTestId('rfm-segments')).toBeVisible();

    await page.getByTestId('nav-quality').click();
    await page.getByTestId('client-report').click();
    const dialog = page.getByTestId('client-report-dialog');
    await expect(dialog).toBeVisible();
    const path = page.getByTestId('client-report-path');
    await expect(path).toHaveValue(/client-report-.*\.html$/);
    await expect(page.getByTestId('client-report-lang')).toHaveValue(lang);

    // The error state: a path the service refuses, said in the dialog.
    const proposed = await path.inputValue();
    await path.fill('report.html');
    await page.getByTestId('client-report-write').click();
    await expect(dialog.getByTestId('error-banner')).toBeVisible();
    await shot('client-report-error');

    await path.fill(proposed);
    await page.getByTestId('client-report-mask').check();
    await expect(path).toHaveValue(/-masked-.*\.html$/);
    const file = await path.inputValue();
    await page.getByTestId('client-report-write').click();
    await expect(page.getByTestId('client-report-saved')).toContainText(w.written);
    await shot('client-report-dialog');

    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`<h2>${w.heading}</h2>`);
    expect(html).toContain('id="masked"');

    // As the client opens it: no network at all, on screen and as it prints.
    await context.route(/^https?:/, (route) => route.abort());
    const report = await context.newPage();
    const requests: string[] = [];
    report.on('request', (r) => requests.push(r.url()));
    await report.setViewportSize({ width: 1100, height: 900 });
    await report.goto(pathToFileURL(file).href);
    await expect(report.locator('h2').first()).toBeVisible();
    await report.screenshot({ path: screenshotPath('views', `${lang}-client-report-screen`), fullPage: true });
    await report.locator('#duplicates').screenshot({ path: screenshotPath('views', `${lang}-client-report-duplicates`) });
    await report.locator('#segments').screenshot({ path: screenshotPath('views', `${lang}-client-report-segments`) });
    // Printed to PDF on A4: the contents on a page, then each of the six sections from a page of its own.
    const pdf = await report.pdf({ format: 'A4', path: join(steward.home, 'report.pdf') });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)!.length).toBeGreaterThanOrEqual(7);
    await report.emulateMedia({ media: 'print' });
    await report.setViewportSize({ width: 794, height: 1123 });
    await report.screenshot({ path: screenshotPath('views', `${lang}-client-report-print`), fullPage: true });
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });
}
