import type { Locator, Page } from '@playwright/test';

/** The Duplicates view: run matching, pick a suggested group, read a pair's waterfall. */
export class DuplicatesPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-duplicates').click();
    await this.page.getByTestId('duplicates-view').waitFor();
  }

  async openProject(path: string): Promise<void> {
    await this.page.getByTestId('open-project-path').fill(path);
    await this.page.getByTestId('open-project').click();
    await this.page.getByTestId('project-name').waitFor();
  }

  async run(): Promise<void> {
    await this.page.getByTestId('match-run').click();
    await this.rows().first().waitFor();
  }

  rows(): Locator {
    return this.page.getByTestId('queue-grid').locator('.ag-row[row-index]');
  }

  async openFirstGroup(): Promise<Locator> {
    await this.rows().first().click();
    const panel = this.page.getByTestId('review-panel');
    await panel.getByTestId('waterfall').waitFor();
    return panel;
  }
}
