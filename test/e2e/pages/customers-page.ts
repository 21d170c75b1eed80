import { expect, type Page } from '@playwright/test';

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

  async openRecord(colId: string, text: string | RegExp): Promise<void> {
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

  /** Opens the in-place editor of a cell (double-click) and returns it. */
  async edit(colId: string, text: string | RegExp) {
    await this.cell(colId, text).first().dblclick();
    const editor = this.page.getByTestId('cell-editor');
    await editor.waitFor();
    return editor;
  }

  exportDialog() {
    return this.page.getByTestId('export-dialog');
  }

  /** Exports what the grid shows (or everything) to a path and waits for "Saved … to …". */
  async exportTo(path: string, opts: { format?: 'csv' | 'xlsx'; scope?: 'filtered' | 'all' } = {}) {
    await this.page.getByTestId('export-open').click();
    const dialog = this.exportDialog();
    await dialog.getByTestId(`export-format-${opts.format ?? 'csv'}`).check();
    if (opts.scope) await dialog.getByTestId(`export-scope-${opts.scope}`).check();
    // Browser mode proposes a path in the projects folder; the steward types another.
    await expect(dialog.getByTestId('export-path')).toHaveValue(/customers-.*\.(csv|xlsx)$/);
    await dialog.getByTestId('export-path').fill(path);
    await dialog.getByTestId('export-start').click();
    await dialog.getByTestId('export-saved').waitFor();
    return dialog;
  }
}
