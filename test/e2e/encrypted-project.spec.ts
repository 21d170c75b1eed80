import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportPage } from './pages/import-page.ts';
import { ProtectPage } from './pages/protect-page.ts';
import { StartPage } from './pages/start-page.ts';
import { expect, test } from './fixtures.ts';
import { screenshotPath } from './screenshot-path.ts';

/**
 * A steward creates a project protected by a passphrase, imports into it,
 * closes it, reloads the page, and unlocks it again: a wrong passphrase is
 * refused with a sentence, the right one opens it. The passphrase never
 * appears in the address bar or in browser mode's output, and the project
 * file on disk holds no customer's name.
 */
const messy = join(process.cwd(), 'test/fixtures/messy-contacts.csv');
const words = {
  en: { create: 'Protect with a passphrase', tooShort: 'At least 8 characters.', differ: 'The two passphrases differ.', state: 'Encrypted', unlock: 'This project is encrypted. Enter its passphrase to open it.', wrong: 'Wrong passphrase', why: 'it is wrong, or the file is damaged.', dialog: 'Change passphrase' },
  'zh-CN': { create: '用口令保护', tooShort: '至少 8 个字符。', differ: '两次输入的口令不一致。', state: '已加密', unlock: '此项目已加密。请输入口令以打开。', wrong: '口令错误', why: '口令错误，或文件已损坏。', dialog: '更改口令' },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  test(`an encrypted project is created, and unlocked after a reload (${lang})`, async ({ page, steward }) => {
    const w = words[lang];
    const shot = (name: string) => page.screenshot({ path: screenshotPath('views', `${lang}-encrypted-${name}`) });
    let serverOutput = '';
    steward.process.stdout!.on('data', (d: Buffer) => (serverOutput += d.toString()));
    steward.process.stderr!.on('data', (d: Buffer) => (serverOutput += d.toString()));
    const passphrase = `steward-${lang}-passphrase`;
    const name = lang === 'en' ? 'Protected customers' : '加密客户';

    const start = new StartPage(page);
    const protect = new ProtectPage(page);
    await start.open(steward.url, lang);
    await protect.fillProtectedProject(name, 'short', 'short');
    await expect(page.getByTestId('new-project-problem')).toHaveText(w.tooShort);
    await expect(page.getByTestId('create-project')).toBeDisabled();
    await protect.fillProtectedProject(name, passphrase, `${passphrase}x`);
    await expect(page.getByTestId('new-project-problem')).toHaveText(w.differ);
    await protect.fillProtectedProject(name, passphrase);
    await expect(page.getByTestId('new-project-problem')).toBeHidden();
    await expect(page.getByTestId('start-view')).toContainText(w.create);
    await shot('create');
    await page.getByTestId('create-project').click();
    await page.getByTestId('project-name').waitFor();
    await expect(page.getByTestId('protect-state')).toContainText(w.state);

    const importing = new ImportPage(page);
    await importing.go();
    await importing.addPath(messy);
    await importing.start();
    await importing.expectOutcome('messy-contacts.csv', { rows: 9, imported: 7, quarantined: 2 });

    const dialog = await protect.openPassphraseDialog();
    await expect(dialog.getByTestId('set-passphrase')).toHaveText(w.dialog);
    await shot('passphrase-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByTestId('close-project').click();
    await page.reload();
    await page.getByTestId('start-view').waitFor();
    const recent = page.getByTestId(`recent-${name}`);
    await expect(recent.getByRole('img')).toHaveAttribute('aria-label', w.state);
    await recent.click();
    await expect(protect.unlockDialog()).toContainText(w.unlock);
    await shot('unlock');
    await protect.unlock('not the passphrase');
    await expect(protect.unlockDialog().getByTestId('error-banner')).toContainText(w.wrong);
    await expect(protect.unlockDialog().getByTestId('error-banner')).toContainText(w.why);
    await shot('unlock-wrong');
    await protect.unlock(passphrase);
    await expect(page.getByTestId('project-name')).toHaveText(name);
    await page.getByTestId('nav-customers').click();
    await expect(page.getByTestId('customer-count')).toContainText('7');

    // Where the passphrase must never be: the address, browser mode's output, the project file.
    expect(page.url()).not.toContain(passphrase);
    expect(serverOutput).not.toContain(passphrase);
    const file = join(steward.home, 'projects', `${name}.crmsteward`);
    expect(readFileSync(file).includes(Buffer.from('Müller'))).toBe(false);
  });
}
