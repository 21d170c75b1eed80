import type { Page } from '@playwright/test';

/** Encrypted projects: the passphrase fields of a new project, the unlock dialog and the passphrase dialog. */
export class ProtectPage {
  constructor(readonly page: Page) {}

  /** Fills the new-project card with a name and a passphrase typed twice (it does not press Create). */
  async fillProtectedProject(name: string, passphrase: string, repeat = passphrase): Promise<void> {
    await this.page.getByTestId('new-project-name').fill(name);
    await this.page.getByTestId('new-project-protect').check();
    await this.page.getByTestId('new-project-passphrase').fill(passphrase);
    await this.page.getByTestId('new-project-repeat').fill(repeat);
  }

  unlockDialog() {
    return this.page.getByTestId('unlock-dialog');
  }

  async unlock(passphrase: string): Promise<void> {
    await this.unlockDialog().getByTestId('unlock-passphrase').fill(passphrase);
    await this.unlockDialog().getByTestId('unlock').click();
  }

  async openPassphraseDialog() {
    await this.page.getByTestId('passphrase-settings').click();
    return this.page.getByTestId('passphrase-dialog');
  }
}
