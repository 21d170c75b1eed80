import type { Locator, Page } from '@playwright/test';

/** The History view: undo and redo, the batches, one batch's changes, revert with its conflict dialog, the log as CSV. */
export class HistoryPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-history').click();
    await this.page.getByTestId('history-view').waitFor();
  }

  batches(): Locator {
    return this.page.getByTestId('batch-row');
  }

  /** The batch whose sentence holds this text (newest first). */
  batch(text: string | RegExp): Locator {
    return this.batches().filter({ hasText: text }).first();
  }

  async open(text: string | RegExp): Promise<Locator> {
    await this.batch(text).click();
    const panel = this.page.getByTestId('batch-changes');
    await panel.getByTestId('change-row').first().waitFor();
    return panel;
  }

  conflictDialog(): Locator {
    return this.page.getByTestId('conflict-dialog');
  }

  /** The line at the foot of the window saying what an undo, redo or revert did. */
  notice(): Locator {
    return this.page.getByTestId('history-notice');
  }
}
