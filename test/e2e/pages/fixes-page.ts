import type { Locator, Page } from '@playwright/test';

/** The Fixes view: find fixes, the summary per rule, the review grid and its keyboard. */
export class FixesPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-fixes').click();
    await this.page.getByTestId('fixes-view').waitFor();
  }

  /** Finds fixes and waits for the summary of what was found. */
  async run(): Promise<void> {
    await this.page.getByTestId('fix-run').click();
    await this.page.getByTestId('fix-last-run').waitFor({ timeout: 120_000 });
  }

  summaryRow(rule: string, field: string): Locator {
    return this.page.getByTestId(`rule-row-${rule}-${field}`);
  }

  /** Shows one rule's open suggestions for one field in the grid. */
  async show(rule: string, field: string): Promise<void> {
    await this.summaryRow(rule, field).getByTestId('rule-show').click();
  }

  grid(): Locator {
    return this.page.getByTestId('suggestions-grid');
  }

  /** Rendered rows (the pinned selection boxes are a separate element per row, without the value cells). */
  rows(): Locator {
    return this.grid().locator('.ag-row[row-index]:has(.ag-cell[col-id="field"])');
  }

  cell(colId: string, text: string | RegExp): Locator {
    return this.grid().locator(`.ag-cell[col-id="${colId}"]`, { hasText: text });
  }

  /** Puts keyboard focus on a cell of the first row, as a click would. */
  async focusFirstRow(colId = 'field'): Promise<void> {
    await this.grid().locator(`.ag-row[row-index="0"] .ag-cell[col-id="${colId}"]`).click();
  }

  /** The status cell of the row at this index. */
  status(rowIndex: number): Locator {
    return this.grid().locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="status"]`);
  }

  count(): Locator {
    return this.page.getByTestId('suggestion-count');
  }
}
