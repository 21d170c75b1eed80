import type { Page } from '@playwright/test';

export class StartPage {
  constructor(readonly page: Page) {}

  async open(url: string, language = 'en'): Promise<void> {
    await this.page.addInitScript((l) => localStorage.setItem('steward-language', l), language);
    await this.page.goto(url);
    await this.page.getByTestId('start-view').waitFor();
  }

  /** Opens an existing project file by its path. */
  async openProject(path: string): Promise<void> {
    await this.page.getByTestId('open-project-path').fill(path);
    await this.page.getByTestId('open-project').click();
    await this.page.getByTestId('project-name').waitFor();
  }

  async createProject(name: string): Promise<void> {
    await this.page.getByTestId('new-project-name').fill(name);
    await this.page.getByTestId('create-project').click();
    await this.page.getByTestId('project-name').waitFor();
  }
}
