import type { Locator, Page } from '@playwright/test';

/** The Data quality view: profile, read the scores, click a bar or a score to drill down. */
export class QualityPage {
  constructor(readonly page: Page) {}

  async go(): Promise<void> {
    await this.page.getByTestId('nav-quality').click();
    await this.page.getByTestId('quality-view').waitFor();
  }

  async profileNow(): Promise<void> {
    await this.page.getByTestId('profile-now').click();
    await this.page.getByTestId('score-cards').waitFor({ timeout: 60_000 });
  }

  card(dimension: string): Locator {
    return this.page.getByTestId(`card-${dimension}`);
  }

  /** Clicks bar `index` of series `series` in a chart, at the centre echarts drew it. */
  async clickBar(chartTestId: string, index: number, series = 0): Promise<void> {
    const canvasHost = this.page.getByTestId(chartTestId).locator('[data-bars]');
    await canvasHost.waitFor();
    const bars = JSON.parse((await canvasHost.getAttribute('data-bars')) ?? '[]') as { s: number; i: number; x: number; y: number }[];
    const bar = bars.find((b) => b.s === series && b.i === index);
    if (!bar) throw new Error(`no bar ${series}/${index} in ${chartTestId}: ${JSON.stringify(bars)}`);
    await canvasHost.click({ position: { x: bar.x, y: bar.y } });
  }

  banner(): Locator {
    return this.page.getByTestId('drill-banner');
  }
}
