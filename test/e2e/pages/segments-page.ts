import { type Page } from '@playwright/test';

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

  /** Clicks a bar of a chart where a person would: the chart writes each bar's centre to data-bars. */
  async clickBar(chartTestId: string, index: number, series = 0): Promise<void> {
    const host = this.page.getByTestId(chartTestId).locator('[data-bars]');
    await host.waitFor();
    const bars = JSON.parse((await host.getAttribute('data-bars')) ?? '[]') as { s: number; i: number; x: number; y: number }[];
    const bar = bars.find((b) => b.s === series && b.i === index);
    if (!bar) throw new Error(`no bar ${series}/${index} in ${chartTestId}: ${JSON.stringify(bars)}`);
    await host.click({ position: { x: bar.x, y: bar.y } });
  }
}
