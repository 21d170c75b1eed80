import type { Page } from '@playwright/test';

export class CustomersPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-customers').click();
    await this.page.getByTestId('customers-view').waitFor();
  }

  grid() {
    return this.page.getByTestId('customers-grid');
  }

  /** A rendered grid cell of the given column whose text matches. */
  cell(colId: string, text: string | RegExp) {
    return this.grid().locator(`.ag-cell[col-id="${colId}"]`, { hasText: text });
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('quick-search').fill(text);
  }

  async openRecord(colId: string, text: string): Promise<void> {
    await this.cell(colId, text).first().click();
    await this.page.getByTestId('customer-detail').waitFor();
  }

  /** Ticks the selection box of the row holding this cell (the box sits in the pinned-left part of the row). */
  async tick(colId: string, text: string): Promise<void> {
    await this.grid().locator(`${await this.rowSelector(colId, text)} .ag-selection-checkbox input`).click();
  }

  /** The verified tick of the row holding this cell. */
  async verifiedMark(colId: string, text: string) {
    return this.grid().locator(`${await this.rowSelector(colId, text)} .ag-cell[col-id="_verified"]`);
  }

  /** The row holding this cell, by row index: ag-grid renders a row's pinned cells in a separate element with the same index. */
  private async rowSelector(colId: string, text: string): Promise<string> {
    const index = await this.cell(colId, text).first().locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ag-row ")][1]').getAttribute('row-index');
    return `.ag-row[row-index="${index}"]`;
  }

  selectionBar() {
    return this.page.getByTestId('selection-bar');
  }

  detail() {
    return this.page.getByTestId('customer-detail');
  }
}
