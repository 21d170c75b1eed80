import type { Locator, Page } from '@playwright/test';

/** The Backups view: back up now, the list of backups, restoring one. */
export class BackupsPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-backups').click();
    await this.page.getByTestId('backups-view').waitFor();
  }

  /** Types the passphrase twice (the first backup of a session needs it) and presses Back up now. */
  async backUpNow(passphrase?: string): Promise<void> {
    if (passphrase !== undefined) {
      await this.page.getByTestId('backup-passphrase').fill(passphrase);
      await this.page.getByTestId('backup-passphrase-repeat').fill(passphrase);
    }
    await this.page.getByTestId('backup-now').click();
  }

  rows(): Locator {
    return this.page.getByTestId('backup-row');
  }

  outcome(): Locator {
    return this.page.getByTestId('backup-outcome');
  }

  /** Opens the confirmation for the row and restores with the given passphrase (this session's when omitted). */
  async restore(row: Locator, passphrase?: string): Promise<void> {
    await row.getByTestId('backup-restore').click();
    const panel = this.page.getByTestId('restore-panel');
    await panel.waitFor();
    if (passphrase !== undefined) await panel.getByTestId('restore-passphrase').fill(passphrase);
    await panel.getByTestId('restore-confirm').click();
  }
}
