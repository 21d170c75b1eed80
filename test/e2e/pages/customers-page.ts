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

  detail() {
    return this.page.getByTestId('customer-detail');
  }
}
