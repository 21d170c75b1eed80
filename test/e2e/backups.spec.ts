import { join } from 'node:path';
import { BackupsPage } from './pages/backups-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { StartPage } from './pages/start-page.ts';
import { generatedProject } from './small-export.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';

const messy = join(process.cwd(), 'test/fixtures/messy-contacts.csv');
const words = {
  en: { nav: 'Backups', empty: 'No backups yet', made: 'Backup made', manual: 'By hand', before: 'Before a restore', wrong: 'The passphrase does not open this backup.', restored: 'Restored the backup made', saved: 'Settings saved.', off: 'Automatic backups are off.' },
  'zh-CN': { nav: '备份', empty: '还没有备份', made: '备份已创建', manual: '手动', before: '恢复前', wrong: '此密码无法打开该备份。', restored: '已恢复', saved: '设置已保存。', off: '自动备份已关闭。' },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a steward backs up, changes the project, and restores the backup (${lang})`, async ({ page, steward }) => {
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-backups-${name}`), fullPage: true });
    const w = words[lang];
    const project = generatedProject(steward.home, 200);
    const start = new StartPage(page);
    await start.open(steward.url, lang);
    await start.openProject(project);
    const customers = () => page.getByTestId('nav-customers').locator('.badge');
    const before = await customers().innerText();

    const backups = new BackupsPage(page);
    await backups.go();
    await expect(page.getByTestId('nav-backups')).toHaveText(w.nav);
    await expect(page.getByTestId('backups-empty')).toContainText(w.empty);
    await shot('empty');

    // The first backup: the passphrase typed twice, then progress until the list shows it.
    await backups.backUpNow('correct horse battery staple');
    await expect(page.getByTestId('backup-progress')).toBeVisible();
    await shot('progress');
    await expect(backups.outcome()).toContainText(w.made);
    await expect(backups.rows()).toHaveCount(1);
    await expect(backups.rows().first()).toContainText(w.manual);
    await expect(backups.rows().first().getByTestId('backup-customers')).toHaveText(before);
    await shot('list');

    // Change the project: import one more file.
    const importing = new ImportPage(page);
    await importing.go();
    await importing.addPath(messy);
    await importing.start();
    await expect(page.getByTestId('import-outcome')).toBeVisible();
    await expect(customers()).not.toHaveText(before);

    // A wrong passphrase is refused, and the project keeps the import.
    await backups.go();
    await backups.restore(backups.rows().first(), 'not the right passphrase');
    await expect(backups.outcome()).toContainText(w.wrong);
    await expect(customers()).not.toHaveText(before);
    await shot('refused');

    // With this session's passphrase it restores: the import is gone, and the project as it was is kept.
    await backups.rows().first().getByTestId('backup-restore').click();
    await shot('restore-confirm');
    await page.getByTestId('restore-confirm').click();
    await expect(backups.outcome()).toContainText(w.restored);
    await expect(customers()).toHaveText(before);
    await expect(backups.rows()).toHaveCount(2);
    await expect(backups.rows().first()).toContainText(w.before);
    await shot('restored');

    // Settings for this project only: schedule off.
    await page.getByTestId('backup-schedule').selectOption('0');
    await page.getByTestId('scope-project').check();
    await page.getByTestId('backup-settings-save').click();
    await expect(page.getByTestId('backup-settings-saved')).toContainText(w.saved);
    await expect(page.getByTestId('next-backup')).toContainText(w.off);
    await page.getByTestId('backup-settings').scrollIntoViewIfNeeded();
    await shot('settings');

    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/\bbackups\.[a-zA-Z.]+\b/);
  });
}
