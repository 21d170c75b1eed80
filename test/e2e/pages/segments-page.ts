import { type Page } from '@playwright/test';
import { chartBar } from './chart-bars.ts';

export class SegmentsPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-segments').click();
    await this.page.getByTestId('segments-view').waitFor();
  }

  async run(k: number): Promise<void> {
    await this.page.getByTestId('segment-k').fill(String(k));
    await this.page.getByTestId('segment-run').click();
  }

  row(segment: number | 'missing') {
    return this.page.getByTestId(`segment-row-${segment}`);
  }

  /** Clicks a bar of a chart where a person would. */
  async clickBar(chartTestId: string, index: number, series = 0): Promise<void> {
    const { host, bar } = await chartBar(this.page, chartTestId, index, series);
    await host.click({ position: bar });
  }
}
