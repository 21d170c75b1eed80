import type { Locator, Page } from '@playwright/test';

/** The Duplicates view as a review queue: the list, the open group's records and golden record, the keys. */
export class MergePage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-duplicates').click();
    await this.page.getByTestId('duplicates-view').waitFor();
  }

  /** Runs matching and waits for the first group to open. */
  async run(): Promise<void> {
    await this.page.getByTestId('match-run').click();
    await this.panel().getByTestId('records-table').waitFor({ timeout: 120_000 });
  }

  rows(): Locator {
    return this.page.getByTestId('queue-grid').locator('.ag-row[row-index]');
  }

  panel(): Locator {
    return this.page.getByTestId('review-panel');
  }

  title(): Locator {
    return this.panel().getByTestId('review-title');
  }

  notice(): Locator {
    return this.page.getByTestId('merge-notice');
  }

  /** A field's row in the records table. */
  field(name: string): Locator {
    return this.panel().locator(`[data-testid="field-${name}"]`);
  }

  /** The first field whose values differ between the records. */
  firstDiffering(): Locator {
    return this.panel().locator('tr[data-group="differing"]').first();
  }

  async showStatus(status: 'review' | 'merged' | 'rejected' | 'all'): Promise<void> {
    await this.page.getByTestId('filter-status').selectOption(status);
    await this.page.locator(`[data-testid="review-panel"][data-status="${status}"]`).waitFor();
  }

  /** Keyboard focus on a record's value (column index) in a field row, as a click would put it. */
  async focusValue(row: Locator, column: number): Promise<void> {
    await row.getByTestId('member-value').nth(column).click();
  }
}
