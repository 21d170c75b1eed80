import type { Locator, Page } from '@playwright/test';

/** The Sources view: every imported file, withdrawing one (with its confirmation) and bringing it back. */
export class SourcesPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-sources').click();
    await this.page.getByTestId('sources-table').waitFor();
  }

  /** The row of the source whose file name is this. */
  row(fileName: string): Locator {
    return this.page.getByTestId('sources-table').locator('tbody tr').filter({ hasText: fileName });
  }

  /** Opens the confirmation for this source and returns it once it has counted what would be hidden. */
  async askToWithdraw(fileName: string): Promise<Locator> {
    await this.row(fileName).getByRole('button', { name: /Withdraw source|撤回来源/ }).click();
    const dialog = this.page.getByTestId('withdraw-dialog');
    await dialog.getByTestId('withdraw-preview').waitFor();
    return dialog;
  }

  async confirmWithdraw(): Promise<void> {
    await this.page.getByTestId('withdraw-confirm').click();
    await this.page.getByTestId('withdraw-dialog').waitFor({ state: 'hidden' });
  }

  notice(): Locator {
    return this.page.getByTestId('withdraw-notice');
  }
}
