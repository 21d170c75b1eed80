import { expect, type Page } from '@playwright/test';

export class ImportPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-import').click();
    await this.page.getByTestId('import-view').waitFor();
  }

  /** Uses the real file chooser: in browser mode the file is uploaded to the service. */
  async chooseFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('choose-files').click();
    await (await chooser).setFiles(path);
  }

  async addPath(path: string): Promise<void> {
    await this.page.getByTestId('path-input').fill(path);
    await this.page.getByTestId('add-path').click();
  }

  review(fileName: string) {
    return this.page.getByTestId(`review-${fileName}`);
  }

  async mapColumn(fileName: string, header: string, field: string): Promise<void> {
    await this.review(fileName).getByTestId(`map-${header}`).selectOption(field);
  }

  async start(): Promise<void> {
    await this.page.getByTestId('start-import').click();
  }

  /** Imports one file by its path as a steward would (Import view, add, start) and waits for the outcome. */
  async importPath(path: string): Promise<void> {
    await this.go();
    await this.addPath(path);
    await this.start();
    await expect(this.page.getByTestId('import-outcome')).toBeVisible({ timeout: 60_000 });
  }

  async expectOutcome(fileName: string, cells: { rows: number; imported: number; quarantined: number }): Promise<void> {
    const row = this.page.getByTestId(`outcome-${fileName}`);
    await expect(row).toBeVisible();
    await expect(row.locator('td').nth(1)).toHaveText(cells.rows.toLocaleString('en'));
    await expect(row.locator('td').nth(2)).toHaveText(cells.imported.toLocaleString('en'));
    await expect(row.locator('td').nth(3)).toHaveText(cells.quarantined.toLocaleString('en'));
  }
}
